using Athar.Core.Teams;
using Athar.Data;
using Athar.Data.Infrastructure;
using Athar.Data.Teams;
using Athar.Web.Features.Organizations;
using Athar.Web.Features.Participation;
using Microsoft.EntityFrameworkCore;

namespace Athar.Web.Features.Teams;

/// <summary>
/// Joining and leaving: a volunteer asks to join and the leader or a deputy accepts, or they invite and the
/// volunteer accepts; a member leaves; the leader (or the organisation's admin) removes a member or names
/// deputies. Every change is conditional on the state read, so a double click or two deputies deciding at
/// once change it once; the (team, person) key keeps one row per person.
/// </summary>
public sealed class TeamMembership(AtharDbContext db, Notifier notifier, TimeProvider clock)
{
    public async Task<Outcome> RequestAsync(TeamContext context, CancellationToken cancellationToken = default)
    {
        if (context.UserId is not { } userId || !await db.Volunteers.AnyAsync(v => v.UserId == userId, cancellationToken))
            return Outcome.Refused("team-volunteers-only");
        if (context.IsClosed)
            return Outcome.Refused("team-closed");
        if (TeamRules.RequestBlocker(context.State) is { } blocker)
            return Outcome.Refused(blocker);
        return await MoveAsync(context.Team, userId, context.State, TeamMemberState.Requested, TeamRole.Member, userId, async () =>
        {
            foreach (var runner in await RunnersAsync(context.Team.Id, cancellationToken))
                await notifier.NotifyAsync(runner, "TeamJoinRequest", $"/teams/{context.Team.Id}", Notifier.Bilingual(context.Team.Name));
        }, cancellationToken);
    }

    public async Task<Outcome> InviteAsync(TeamContext context, string? email, CancellationToken cancellationToken = default)
    {
        if (!context.RunsTeam)
            return Outcome.Forbidden;
        if (context.IsClosed)
            return Outcome.Refused("team-closed");
        var normalized = email?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(normalized))
            return Outcome.Invalid([new("Email", "Field.Required")]);
        var invitee = await db.Users.AsNoTracking().Where(u => u.NormalizedEmail == normalized && db.Volunteers.Any(v => v.UserId == u.Id))
            .Select(u => (Guid?)u.Id).FirstOrDefaultAsync(cancellationToken);
        if (invitee is not { } inviteeId)
            return Outcome.Invalid([new("Email", "Team.InviteeNotFound")]);
        var current = await StateAsync(context.Team.Id, inviteeId, cancellationToken);
        if (TeamRules.InviteBlocker(current) is { } blocker)
            return Outcome.Refused(blocker);
        // Someone who asked to join and is invited is simply in: both sides said yes.
        var target = current == TeamMemberState.Requested ? TeamMemberState.Active : TeamMemberState.Invited;
        return await MoveAsync(context.Team, inviteeId, current, target, TeamRole.Member, context.UserId, () =>
            notifier.NotifyAsync(inviteeId, target == TeamMemberState.Active ? "TeamRequestAccepted" : "TeamInvitation", $"/teams/{context.Team.Id}", Notifier.Bilingual(context.Team.Name)),
            cancellationToken);
    }

    /// <summary>The leader or a deputy accepts or declines a request to join.</summary>
    public async Task<Outcome> DecideRequestAsync(TeamContext context, Guid userId, bool accept, CancellationToken cancellationToken = default)
    {
        if (!context.RunsTeam)
            return Outcome.Forbidden;
        if (await StateAsync(context.Team.Id, userId, cancellationToken) != TeamMemberState.Requested)
            return Outcome.Refused("team-no-such-request");
        if (accept && context.IsClosed)
            return Outcome.Refused("team-closed");
        return await MoveAsync(context.Team, userId, TeamMemberState.Requested, accept ? TeamMemberState.Active : TeamMemberState.Declined, TeamRole.Member, context.UserId, () =>
            notifier.NotifyAsync(userId, accept ? "TeamRequestAccepted" : "TeamRequestDeclined", $"/teams/{context.Team.Id}", Notifier.Bilingual(context.Team.Name)),
            cancellationToken);
    }

    /// <summary>The invited volunteer accepts or declines.</summary>
    public async Task<Outcome> AnswerInvitationAsync(TeamContext context, bool accept, CancellationToken cancellationToken = default)
    {
        if (context.UserId is not { } userId || context.State != TeamMemberState.Invited)
            return Outcome.Refused("team-no-invitation");
        if (accept && context.IsClosed)
            return Outcome.Refused("team-closed");
        return await MoveAsync(context.Team, userId, TeamMemberState.Invited, accept ? TeamMemberState.Active : TeamMemberState.Declined, TeamRole.Member, userId, null, cancellationToken);
    }

    public async Task<Outcome> LeaveAsync(TeamContext context, CancellationToken cancellationToken = default)
    {
        if (context.UserId is not { } userId || context.Role is not { } role || context.State is not { } state)
            return Outcome.Refused("team-not-a-member");
        if (TeamRules.LeaveBlocker(role, state) is { } blocker)
            return Outcome.Refused(blocker);
        return await MoveAsync(context.Team, userId, TeamMemberState.Active, TeamMemberState.Left, TeamRole.Member, userId, null, cancellationToken);
    }

    public async Task<Outcome> RemoveAsync(TeamContext context, Guid userId, CancellationToken cancellationToken = default)
    {
        if (!context.RunsTeam && !context.IsOrganizationAdmin)
            return Outcome.Forbidden;
        if (userId == context.Team.LeaderUserId)
            return Outcome.Refused("team-leader-cannot-leave");
        if (await StateAsync(context.Team.Id, userId, cancellationToken) != TeamMemberState.Active)
            return Outcome.Refused("team-not-a-member");
        return await MoveAsync(context.Team, userId, TeamMemberState.Active, TeamMemberState.Removed, TeamRole.Member, context.UserId, null, cancellationToken);
    }

    /// <summary>The leader (or the organisation's admin) makes an active member a deputy, or a deputy a member again.</summary>
    public async Task<Outcome> SetRoleAsync(TeamContext context, Guid userId, TeamRole role, CancellationToken cancellationToken = default)
    {
        if (context.Role != TeamRole.Leader && !context.IsOrganizationAdmin)
            return Outcome.Forbidden;
        if (role is not (TeamRole.Deputy or TeamRole.Member))
            return Outcome.Invalid([new("Role", "Field.Required")]);
        if (userId == context.Team.LeaderUserId)
            return Outcome.Refused("team-leader-role-fixed");
        var changed = await db.TeamMembers.Where(m => m.TeamId == context.Team.Id && m.UserId == userId && m.State == TeamMemberState.Active && m.Role != TeamRole.Leader)
            .ExecuteUpdateAsync(m => m.SetProperty(x => x.Role, role).SetProperty(x => x.UpdatedAt, clock.GetUtcNow()).SetProperty(x => x.ChangedBy, context.UserId), cancellationToken);
        return changed == 0 ? Outcome.Refused("team-not-a-member") : Outcome.Done(context.Team.Id);
    }

    private Task<TeamMemberState?> StateAsync(Guid teamId, Guid userId, CancellationToken cancellationToken) =>
        db.TeamMembers.AsNoTracking().Where(m => m.TeamId == teamId && m.UserId == userId).Select(m => (TeamMemberState?)m.State).FirstOrDefaultAsync(cancellationToken);

    private Task<List<Guid>> RunnersAsync(Guid teamId, CancellationToken cancellationToken) =>
        db.TeamMembers.AsNoTracking()
            .Where(m => m.TeamId == teamId && m.State == TeamMemberState.Active && (m.Role == TeamRole.Leader || m.Role == TeamRole.Deputy))
            .Select(m => m.UserId).ToListAsync(cancellationToken);

    /// <summary>
    /// Moves one membership from the state read to the next, with its notification, in one transaction. A new
    /// row is inserted when there was none; the key refuses a concurrent twin, and a conditional update refuses
    /// a change someone else made in between.
    /// </summary>
    private async Task<Outcome> MoveAsync(Team team, Guid userId, TeamMemberState? from, TeamMemberState to, TeamRole role, Guid? actor, Func<Task>? notify, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        try
        {
            return await db.ExecuteOnceAsync(AttemptStart.ForgetAdded, async _ =>
            {
                if (from is { } previous)
                {
                    var changed = await db.TeamMembers.Where(m => m.TeamId == team.Id && m.UserId == userId && m.State == previous)
                        .ExecuteUpdateAsync(m => m
                            .SetProperty(x => x.State, to)
                            .SetProperty(x => x.Role, role)
                            .SetProperty(x => x.UpdatedAt, now).SetProperty(x => x.ChangedBy, actor), cancellationToken);
                    if (changed == 0)
                        return Outcome.Refused("team-membership-changed");
                }
                else
                {
                    db.TeamMembers.Add(new TeamMember { TeamId = team.Id, UserId = userId, Role = role, State = to, CreatedAt = now, UpdatedAt = now, ChangedBy = actor });
                }
                if (notify is not null)
                    await notify();
                await db.SaveChangesAsync(cancellationToken);
                return Outcome.Done(team.Id);
            }, cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return Outcome.Refused("team-membership-changed");
        }
    }
}
