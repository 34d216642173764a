using System.Globalization;
using Athar.Core.Attendance;
using Athar.Core.Licensing;
using Athar.Core.Programs;
using Athar.Core.Statistics;
using Athar.Core.Teams;
using Athar.Data;
using Athar.Data.Organizations;
using Athar.Data.Programs;
using Athar.Data.Seeding.National;
using Athar.Data.Statistics;
using Microsoft.EntityFrameworkCore;

namespace Athar.Cli.Tests;

/// <summary>
/// What athar seed --scale makes beyond the volunteering loop: teams led by licensed leaders, programmes with
/// targets and linked opportunities, initiatives with partners; checked with the app's own queries.
/// </summary>
public static class NationalSeedGroups
{
    public static async Task AssertTeamsProgramsAndInitiativesAsync(AtharDbContext db)
    {
        var plan = new NationalPlan(double.Parse(NationalSeedScenarios.Scale, CultureInfo.InvariantCulture), 7,
            DateOnly.ParseExact(NationalSeedScenarios.Today, "yyyy-MM-dd", CultureInfo.InvariantCulture));
        await AssertTeamsAsync(db, plan);
        await AssertProgramsAsync(db, plan);
        await AssertInitiativesAsync(db, plan);
        if (db.Database.IsSqlite())
        {
            // Foreign keys hold after the bulk load (PostgreSQL validates them as it adds them back).
            Assert.Empty(await db.Database.SqlQueryRaw<string>("SELECT \"table\" AS \"Value\" FROM pragma_foreign_key_check").ToListAsync());
        }
    }

    private static DateOnly SaudiDay(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(TimeSpan.FromHours(3)).DateTime);

    private static async Task AssertTeamsAsync(AtharDbContext db, NationalPlan plan)
    {
        var teams = await db.Teams.AsNoTracking().ToListAsync();
        var members = (await db.TeamMembers.AsNoTracking().ToListAsync()).ToLookup(m => m.TeamId);
        var organizations = await db.Organizations.AsNoTracking().ToDictionaryAsync(o => o.Id);
        var volunteers = await db.Volunteers.AsNoTracking().ToDictionaryAsync(v => v.UserId);
        var leadership = (await db.Licenses.AsNoTracking().Where(l => l.Level == LicenseLevel.TeamLeadership && l.HolderUserId != null).ToListAsync())
            .ToDictionary(l => l.HolderUserId!.Value);

        Assert.Equal(plan.Teams, teams.Count);
        foreach (var team in teams)
        {
            Assert.Equal(OrganizationStatus.Verified, organizations[team.OrganizationId].Status);
            Assert.Equal(team.RegionId, Core.Reference.ReferenceData.FindCity(team.CityId)!.RegionId);
            Assert.False(string.IsNullOrWhiteSpace(team.Name.En));
            Assert.Contains(team.Neighbourhood!, team.Name.Ar, StringComparison.Ordinal);

            // The leader held a valid team-leadership licence when the team was founded and still does today.
            Assert.True(leadership.TryGetValue(team.LeaderUserId, out var licence), $"team {team.Id}: leader without a team-leadership licence");
            var facts = new LicenseFacts(licence.Level, licence.State, licence.IssuedOn, licence.ExpiresOn);
            Assert.True(LicenseRules.IsValidOn(facts, plan.Today), $"team {team.Id}: leader's licence not valid today");
            Assert.True(LicenseRules.IsValidOn(facts, SaudiDay(team.CreatedAt)) && licence.IssuedOn <= SaudiDay(team.CreatedAt), $"team {team.Id}: founded before the licence");

            var own = members[team.Id].ToList();
            var active = own.Where(m => m.State == TeamMemberState.Active).ToList();
            Assert.Single(own, m => m.Role == TeamRole.Leader && m.UserId == team.LeaderUserId && m.State == TeamMemberState.Active);
            Assert.InRange(active.Count, 5, 30);
            Assert.InRange(own.Count(m => m.Role == TeamRole.Deputy), 0, 2);
            Assert.All(own, m => Assert.True(volunteers[m.UserId].RegisteredAt < m.CreatedAt && m.CreatedAt >= team.CreatedAt && m.UpdatedAt >= m.CreatedAt, $"member {m.UserId} of {team.Id}"));
        }
        Assert.Contains(teams, t => t.ClosedAt is null);

        // The Teams indicator counts them straight after seeding: this year, every team not closed.
        var indicators = new IndicatorQueries(db, new ActivityQueries(db));
        var thisYear = new StatsFilter(StatsPeriod.GregorianYear(plan.Today.Year));
        Assert.Equal(teams.Count(t => t.ClosedAt is null), await indicators.TeamsAsync(thisYear, CancellationToken.None));
    }

    private static async Task AssertProgramsAsync(AtharDbContext db, NationalPlan plan)
    {
        var programs = await db.Programs.AsNoTracking().ToDictionaryAsync(p => p.Id);
        var tracks = (await db.ProgramTracks.AsNoTracking().ToListAsync()).ToLookup(t => t.ProgramId);
        var linked = await db.Opportunities.AsNoTracking().Where(o => o.ProgramId != null)
            .Select(o => new { o.Id, ProgramId = o.ProgramId!.Value, o.OrganizationId, o.StartDate }).ToListAsync();

        Assert.Equal(plan.Programs + 1, programs.Count);
        Assert.Single(programs.Values, p => p.OrganizationId is null);
        foreach (var program in programs.Values)
        {
            Assert.True(program.TargetVolunteers > 0 && program.TargetHours > 0, $"program {program.Id} without targets");
            Assert.Equal(program.EndsOn, program.StartsOn.AddYears(1).AddDays(-1));
            Assert.Equal(Enumerable.Range(1, tracks[program.Id].Count()), tracks[program.Id].Select(t => t.Position).Order());
        }
        // Links follow the app's rules: an organisation's programme takes only its own opportunities, drafts none,
        // and an opportunity joins a programme whose year holds its first day.
        Assert.NotEmpty(linked);
        foreach (var o in linked)
        {
            var program = programs[o.ProgramId];
            Assert.NotEqual(ProgramStatus.Draft, program.Status);
            Assert.True(program.OrganizationId is null || program.OrganizationId == o.OrganizationId, $"opportunity {o.Id} of another organisation");
            Assert.InRange(o.StartDate, program.StartsOn, program.EndsOn);
        }

        // Progress as the programme page computes it is not zero, and the dashboard's programme cut, rebuilt after
        // loading, holds the approved minutes of the linked opportunities.
        var scope = new ScopeIndicators(db);
        var withHours = 0;
        foreach (var program in programs.Values.Where(p => p.Status != ProgramStatus.Draft))
        {
            var (_, actual, _, lines) = await scope.ProgressAsync(scope.ProgramOpportunities(program.Id), program.StartsOn, program.EndsOn, program.Targets, plan.Today);
            if (actual.Hours > 0 && actual.Volunteers > 0)
                withHours++;
            Assert.NotEmpty(lines);
        }
        Assert.True(withHours > 0, "no programme has progress");

        var byProgram = await db.VolunteerHours.AsNoTracking().Where(h => h.Status == HoursStatus.Approved)
            .Join(db.Opportunities.Where(o => o.ProgramId != null), h => h.OpportunityId, o => o.Id, (h, o) => new { o.ProgramId, h.CreditedMinutes })
            .GroupBy(x => x.ProgramId).Select(g => new { g.Key, Minutes = g.Sum(x => (long)x.CreditedMinutes) }).ToListAsync();
        var facts = await db.StatsActivity.AsNoTracking().Where(a => a.ProgramId != null)
            .GroupBy(a => a.ProgramId).Select(g => new { g.Key, Minutes = g.Sum(a => a.Minutes) }).ToListAsync();
        Assert.Equal(byProgram.Where(x => x.Minutes != 0).OrderBy(x => x.Key).Select(x => $"{x.Key} {x.Minutes}"),
            facts.Where(x => x.Minutes != 0).OrderBy(x => x.Key).Select(x => $"{x.Key} {x.Minutes}"));
    }

    private static async Task AssertInitiativesAsync(AtharDbContext db, NationalPlan plan)
    {
        var initiatives = await db.Initiatives.AsNoTracking().ToDictionaryAsync(i => i.Id);
        var partners = (await db.InitiativePartners.AsNoTracking().ToListAsync()).ToLookup(p => p.InitiativeId);
        var links = await db.InitiativeOpportunities.AsNoTracking()
            .Join(db.Opportunities, x => x.OpportunityId, o => o.Id, (x, o) => new { x.InitiativeId, o.Id, o.OrganizationId, o.StartDate }).ToListAsync();
        var verified = (await db.Organizations.AsNoTracking().Where(o => o.Status == OrganizationStatus.Verified).Select(o => o.Id).ToListAsync()).ToHashSet();

        Assert.Equal(plan.Initiatives, initiatives.Count);
        foreach (var initiative in initiatives.Values)
        {
            var own = partners[initiative.Id].ToList();
            Assert.InRange(own.Count, 2, 5);
            Assert.DoesNotContain(own, p => p.OrganizationId == initiative.LeadOrganizationId);
            Assert.All(own, p => Assert.Contains(p.OrganizationId, verified));
            Assert.True(initiative.EndsOn >= initiative.StartsOn && initiative.TargetBeneficiaries > 0);
        }
        // An initiative takes opportunities of its lead and partners only, dated in its period; drafts take none.
        Assert.NotEmpty(links);
        foreach (var link in links)
        {
            var initiative = initiatives[link.InitiativeId];
            Assert.NotEqual(ProgramStatus.Draft, initiative.Status);
            Assert.True(link.OrganizationId == initiative.LeadOrganizationId || partners[initiative.Id].Any(p => p.OrganizationId == link.OrganizationId), $"opportunity {link.Id}");
            Assert.InRange(link.StartDate, initiative.StartsOn, initiative.EndsOn);
        }
    }
}
