using Athar.Core.Attendance;
using Athar.Core.Localization;
using Athar.Core.Opportunities;
using Athar.Core.Recognition;
using Athar.Core.Teams;
using Athar.Core.Text;
using Athar.Data;
using Athar.Data.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Athar.Web.Features.Teams;

/// <summary>
/// Read models of teams. Team hours are defined once here: the approved, credited minutes of hours records
/// whose attendance belongs to an application made as part of the team (Application.TeamId), whoever the
/// member is now; hours a member gives on their own never count for the team.
/// </summary>
public sealed class TeamQueries(AtharDbContext db, TeamAccess access, TimeProvider clock)
{
    public sealed record TeamCard(Guid Id, LocalizedText Name, LocalizedText Organization, int RegionId, int CityId, string? Neighbourhood, int Members, bool Closed);

    public sealed record Person(Guid UserId, LocalizedText Name, TeamRole Role, TeamMemberState State);

    public sealed record TeamOpportunity(Guid OpportunityId, LocalizedText Title, LocalizedText Organization, int Applications, DateOnly LastShift);

    public sealed record TeamDetails(
        TeamContext Context, LocalizedText Name, LocalizedText? Description, LocalizedText Organization, LocalizedText Leader,
        bool LeaderLicenceValid, IReadOnlyList<Person> Members, IReadOnlyList<Person> Pending, IReadOnlyList<TeamOpportunity> Opportunities,
        long TeamMinutes, IReadOnlyList<TeamMilestone> Milestones);

    public sealed record MyTeam(Guid Id, LocalizedText Name, LocalizedText Organization, TeamRole Role, TeamMemberState State);

    public sealed record OrganizationTeam(Guid Id, LocalizedText Name, LocalizedText Leader, int Members, int Requests, bool LeaderLicenceValid, bool Closed);

    /// <summary>Open teams of verified organisations, found by the one Arabic normaliser (name, neighbourhood, city).</summary>
    public async Task<List<TeamCard>> DirectoryAsync(string? query, int? regionId, CancellationToken cancellationToken)
    {
        var teams = db.Teams.AsNoTracking().Where(t => t.ClosedAt == null && db.Organizations.Any(g => g.Id == t.OrganizationId && g.Status == OrganizationStatus.Verified));
        if (regionId is { } region)
            teams = teams.Where(t => t.RegionId == region);
        foreach (var token in ArabicNormalizer.Tokens(query).Take(OpportunitySearch.MaxQueryTokens))
        {
            var pattern = " " + token;
            teams = teams.Where(t => t.SearchText.Contains(pattern));
        }
        return await teams
            .Join(db.Organizations, t => t.OrganizationId, g => g.Id, (t, g) => new { t, g.Name })
            .OrderBy(x => x.t.Name.Ar).ThenBy(x => x.t.Id)
            .Take(100)
            .Select(x => new TeamCard(x.t.Id, x.t.Name, x.Name, x.t.RegionId, x.t.CityId, x.t.Neighbourhood,
                db.TeamMembers.Count(m => m.TeamId == x.t.Id && m.State == TeamMemberState.Active), x.t.ClosedAt != null))
            .ToListAsync(cancellationToken);
    }

    public async Task<TeamDetails> DetailsAsync(TeamContext context, CancellationToken cancellationToken)
    {
        var team = context.Team;
        var people = await db.TeamMembers.AsNoTracking()
            .Where(m => m.TeamId == team.Id && (m.State == TeamMemberState.Active || m.State == TeamMemberState.Requested || m.State == TeamMemberState.Invited))
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { m.UserId, m.Role, m.State, u.FullNameAr, u.FullNameEn })
            .ToListAsync(cancellationToken);
        var all = people.Select(p => new Person(p.UserId, new LocalizedText(p.FullNameAr, p.FullNameEn), p.Role, p.State))
            .OrderBy(p => p.Role).ThenBy(p => p.Name.Current, StringComparer.Ordinal).ToList();
        var leader = await db.Users.AsNoTracking().Where(u => u.Id == team.LeaderUserId).Select(u => new LocalizedText(u.FullNameAr, u.FullNameEn)).FirstAsync(cancellationToken);

        var opportunities = await (
                from a in db.Applications.AsNoTracking()
                where a.TeamId == team.Id
                join s in db.Shifts on a.ShiftId equals s.Id
                join o in db.Opportunities on a.OpportunityId equals o.Id
                join g in db.Organizations on o.OrganizationId equals g.Id
                group new { s.Date } by new { o.Id, o.Title.Ar, o.Title.En, OrgAr = g.Name.Ar, OrgEn = g.Name.En } into grp
                select new { grp.Key, Count = grp.Count(), Last = grp.Max(x => x.Date) })
            .ToListAsync(cancellationToken);
        var (minutes, withHours) = await HoursAsync(team.Id, cancellationToken);
        var runs = context.RunsTeam || context.IsOrganizationAdmin;
        return new TeamDetails(
            context, team.Name,
            team.DescriptionAr is null ? null : new LocalizedText(team.DescriptionAr, team.DescriptionEn),
            context.Organization.Name, leader, await access.LeaderLicenceValidAsync(team, cancellationToken),
            all.Where(p => p.State == TeamMemberState.Active).ToList(),
            runs ? all.Where(p => p.State != TeamMemberState.Active).ToList() : [],
            opportunities.OrderByDescending(o => o.Last)
                .Select(o => new TeamOpportunity(o.Key.Id, new LocalizedText(o.Key.Ar, o.Key.En), new LocalizedText(o.Key.OrgAr, o.Key.OrgEn), o.Count, o.Last)).ToList(),
            minutes, TeamMilestones.Reached(minutes / 60m, withHours));
    }

    /// <summary>Team hours (see the class) and the number of opportunities they were given in.</summary>
    public async Task<(long Minutes, int Opportunities)> HoursAsync(Guid teamId, CancellationToken cancellationToken)
    {
        var rows = await TeamHours().Where(x => x.TeamId == teamId)
            .GroupBy(x => x.Hours.OpportunityId)
            .Select(g => new { Minutes = g.Sum(x => (long)x.Hours.CreditedMinutes) })
            .ToListAsync(cancellationToken);
        return (rows.Sum(r => r.Minutes), rows.Count(r => r.Minutes > 0));
    }

    /// <summary>Approved hours records given through team applications, with their team.</summary>
    public IQueryable<TeamHoursRow> TeamHours() =>
        from h in db.VolunteerHours.AsNoTracking()
        where h.Status == HoursStatus.Approved
        join at in db.Attendance on h.AttendanceId equals at.Id
        join a in db.Applications on at.ApplicationId equals a.Id
        where a.TeamId != null
        select new TeamHoursRow { TeamId = a.TeamId!.Value, Hours = h };

    public Task<List<MyTeam>> MineAsync(Guid userId, CancellationToken cancellationToken) =>
        (from m in db.TeamMembers.AsNoTracking()
         where m.UserId == userId && (m.State == TeamMemberState.Active || m.State == TeamMemberState.Invited || m.State == TeamMemberState.Requested)
         join t in db.Teams on m.TeamId equals t.Id
         join g in db.Organizations on t.OrganizationId equals g.Id
         orderby m.State, t.Name.Ar
         select new MyTeam(t.Id, t.Name, g.Name, m.Role, m.State)).ToListAsync(cancellationToken);

    public async Task<List<OrganizationTeam>> ForOrganizationAsync(Guid organizationId, CancellationToken cancellationToken)
    {
        var rows = await (
                from t in db.Teams.AsNoTracking()
                where t.OrganizationId == organizationId
                join u in db.Users on t.LeaderUserId equals u.Id
                orderby t.ClosedAt != null, t.Name.Ar
                select new
                {
                    Team = t, u.FullNameAr, u.FullNameEn,
                    Members = db.TeamMembers.Count(m => m.TeamId == t.Id && m.State == TeamMemberState.Active),
                    Requests = db.TeamMembers.Count(m => m.TeamId == t.Id && m.State == TeamMemberState.Requested),
                })
            .ToListAsync(cancellationToken);
        var list = new List<OrganizationTeam>();
        foreach (var r in rows)
            list.Add(new(r.Team.Id, r.Team.Name, new LocalizedText(r.FullNameAr, r.FullNameEn), r.Members, r.Requests,
                await access.LeaderLicenceValidAsync(r.Team, cancellationToken), r.Team.ClosedAt is not null));
        return list;
    }

    /// <summary>Shifts a team can still apply to: upcoming shifts of published opportunities of verified organisations, soonest first.</summary>
    public async Task<List<ShiftChoice>> OpenShiftsAsync(string? query, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var opportunities = db.Opportunities.AsNoTracking()
            .Where(o => o.Status == OpportunityStatus.Published && db.Organizations.Any(g => g.Id == o.OrganizationId && g.Status == OrganizationStatus.Verified));
        foreach (var token in ArabicNormalizer.Tokens(query).Take(OpportunitySearch.MaxQueryTokens))
        {
            var pattern = " " + token;
            opportunities = opportunities.Where(o => o.SearchText.Contains(pattern));
        }
        return await (
                from s in db.Shifts.AsNoTracking()
                join o in opportunities on s.OpportunityId equals o.Id
                where s.StartsAt > now
                orderby s.StartsAt, s.Id
                select new ShiftChoice(s.Id, o.Id, o.Title, s.Date, s.StartTime, s.EndTime, s.Seats - s.Accepted, o.AutoAccept))
            .Take(40)
            .ToListAsync(cancellationToken);
    }

    public sealed record ShiftChoice(Guid ShiftId, Guid OpportunityId, LocalizedText Title, DateOnly Date, TimeOnly Start, TimeOnly End, int SeatsLeft, bool AutoAccept);
}

/// <summary>An approved hours record given through a team application (an initialiser type, so queries can keep composing on it).</summary>
public sealed class TeamHoursRow
{
    public Guid TeamId { get; init; }
    public required Data.Participation.VolunteerHours Hours { get; init; }
}
