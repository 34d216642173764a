using Athar.Core.Applications;
using Athar.Core.Localization;
using Athar.Core.Opportunities;
using Athar.Core.Teams;
using Athar.Data;
using Athar.Data.Organizations;
using Athar.Web.Features.Organizations;
using Athar.Web.Features.Participation;
using Microsoft.EntityFrameworkCore;

namespace Athar.Web.Features.Teams;

/// <summary>
/// The leader or a deputy applies the team to a shift: each selected member gets their own application through
/// <see cref="ApplyToShift"/>, so every individual rule (gender, age, licence, guardian consent, overlapping
/// shifts) and the seat limit apply to each of them exactly as if they had applied alone. Members are applied
/// in the order the leader listed them: on an auto-accepting shift the seats go to the first, the rest wait.
/// </summary>
public sealed class ApplyAsTeam(AtharDbContext db, ApplyToShift apply, TeamAccess access)
{
    public sealed record MemberResult(Guid UserId, LocalizedText Name, ApplicationStatus? Status, string? RefusalCode);

    public sealed record Result(Outcome Outcome, IReadOnlyList<MemberResult> Members);

    public async Task<Result> ApplyAsync(TeamContext context, Guid shiftId, IReadOnlyList<Guid> memberIds, CancellationToken cancellationToken = default)
    {
        if (!context.RunsTeam)
            return new(Outcome.Forbidden, []);
        if (TeamRules.TeamApplicationBlocker(context.IsClosed, await access.LeaderLicenceValidAsync(context.Team, cancellationToken)) is { } blocker)
            return new(Outcome.Refused(blocker), []);
        var selected = memberIds.Distinct().ToList();
        if (selected.Count == 0)
            return new(Outcome.Invalid([new("MemberIds", "Team.ChooseMembers")]), []);
        if (selected.Count > TeamRules.MaxMembersPerApplication)
            return new(Outcome.Invalid([new("MemberIds", "Team.TooManyMembers", TeamRules.MaxMembersPerApplication)]), []);
        var open = await (
                from s in db.Shifts.AsNoTracking()
                join o in db.Opportunities on s.OpportunityId equals o.Id
                join g in db.Organizations on o.OrganizationId equals g.Id
                where s.Id == shiftId && g.Status == OrganizationStatus.Verified && o.Status != OpportunityStatus.Draft
                select s.Id)
            .AnyAsync(cancellationToken);
        if (!open)
            return new(Outcome.Refused("shift-not-found"), []);

        var members = await db.TeamMembers.AsNoTracking()
            .Where(m => m.TeamId == context.Team.Id && selected.Contains(m.UserId))
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { m.UserId, m.State, u.FullNameAr, u.FullNameEn })
            .ToDictionaryAsync(m => m.UserId, cancellationToken);
        var results = new List<MemberResult>();
        foreach (var userId in selected)
        {
            if (!members.TryGetValue(userId, out var member) || member.State != TeamMemberState.Active)
            {
                // Not a member (or not any more): never applied, and nothing said about who they are.
                results.Add(new(userId, new LocalizedText("—"), null, "team-not-a-member"));
                continue;
            }
            var name = new LocalizedText(member.FullNameAr, member.FullNameEn);
            var result = await apply.ApplyAsync(userId, shiftId, context.Team.Id, cancellationToken);
            results.Add(result.Refusal is { } refusal
                ? new(userId, name, null, refusal.Code)
                : new(userId, name, result.Application!.Status, null));
        }
        return new(Outcome.Done(context.Team.Id), results);
    }
}
