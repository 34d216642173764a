using System.Security.Claims;
using Athar.Core.Common;
using Athar.Core.Licensing;
using Athar.Core.Localization;
using Athar.Core.Opportunities;
using Athar.Core.Reference;
using Athar.Core.Teams;
using Athar.Data;
using Athar.Data.Infrastructure;
using Athar.Data.Organizations;
using Athar.Data.Teams;
using Athar.Web.Features.Licensing;
using Athar.Web.Features.Organizations;
using Athar.Web.Features.Participation;
using Athar.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Athar.Web.Features.Teams;

/// <summary>
/// The organisation's side of a team: its admins create it, appoint (and replace) its leader, and close it.
/// A leader must be a volunteer holding a valid team-leadership licence at the moment of appointment.
/// </summary>
public sealed class ManageTeam(AtharDbContext db, OrganizationGate gate, LicenseRegister licenses, Notifier notifier, TimeProvider clock)
{
    public async Task<Outcome> CreateAsync(ClaimsPrincipal user, Guid organizationId, TeamInput input, string? leaderEmail, CancellationToken cancellationToken = default)
    {
        var (organization, access) = await gate.CheckAsync(user, organizationId, OrganizationOperations.Manage, cancellationToken);
        if (organization is null || access != OutcomeKind.Done)
            return Outcome.From(access);
        var (valid, errors) = TeamRules.Validate(input);
        var (leaderId, leaderError) = await LeaderAsync(leaderEmail, cancellationToken);
        if (leaderError is not null)
            errors = [.. errors, leaderError];
        if (valid is null || leaderId is null)
            return Outcome.Invalid(errors);
        if (organization.Status != OrganizationStatus.Verified)
            return Outcome.Refused("team-organization-not-verified");

        var now = clock.GetUtcNow();
        var team = new Team
        {
            Id = Guid.CreateVersion7(now),
            OrganizationId = organizationId,
            Name = new LocalizedText(valid.NameAr, valid.NameEn),
            DescriptionAr = valid.DescriptionAr,
            DescriptionEn = valid.DescriptionEn,
            RegionId = valid.RegionId,
            CityId = valid.CityId,
            Neighbourhood = valid.Neighbourhood,
            LeaderUserId = leaderId.Value,
            SearchText = SearchTextOf(valid),
            CreatedAt = now,
            CreatedBy = user.RequiredUserId(),
        };
        db.Teams.Add(team);
        db.TeamMembers.Add(new TeamMember { TeamId = team.Id, UserId = leaderId.Value, Role = TeamRole.Leader, State = TeamMemberState.Active, CreatedAt = now, UpdatedAt = now, ChangedBy = team.CreatedBy });
        await notifier.NotifyAsync(leaderId.Value, "TeamLeaderAppointed", $"/teams/{team.Id}", Notifier.Bilingual(team.Name));
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done(team.Id);
    }

    /// <summary>Appoints another leader; the previous one stays in the team as a member.</summary>
    public async Task<Outcome> ChangeLeaderAsync(ClaimsPrincipal user, TeamContext context, string? leaderEmail, CancellationToken cancellationToken = default)
    {
        if (!context.IsOrganizationAdmin)
            return Outcome.Forbidden;
        if (context.IsClosed)
            return Outcome.Refused("team-closed");
        var (leaderId, leaderError) = await LeaderAsync(leaderEmail, cancellationToken);
        if (leaderId is not { } newLeader)
            return Outcome.Invalid([leaderError!]);
        var team = context.Team;
        if (newLeader == team.LeaderUserId)
            return Outcome.Done(team.Id);

        var now = clock.GetUtcNow();
        return await db.ExecuteOnceAsync(AttemptStart.ForgetAdded, async _ =>
        {
            // Conditional on the leader read: of two admins appointing at once, the second is told, not silently overwritten.
            var changed = await db.Teams.Where(t => t.Id == team.Id && t.LeaderUserId == team.LeaderUserId && t.ClosedAt == null)
                .ExecuteUpdateAsync(t => t.SetProperty(x => x.LeaderUserId, newLeader), cancellationToken);
            if (changed == 0)
                return Outcome.Refused("team-changed");
            await db.TeamMembers.Where(m => m.TeamId == team.Id && m.UserId == team.LeaderUserId)
                .ExecuteUpdateAsync(m => m.SetProperty(x => x.Role, TeamRole.Member).SetProperty(x => x.UpdatedAt, now), cancellationToken);
            var updated = await db.TeamMembers.Where(m => m.TeamId == team.Id && m.UserId == newLeader)
                .ExecuteUpdateAsync(m => m
                    .SetProperty(x => x.Role, TeamRole.Leader).SetProperty(x => x.State, TeamMemberState.Active)
                    .SetProperty(x => x.UpdatedAt, now).SetProperty(x => x.ChangedBy, user.RequiredUserId()), cancellationToken);
            if (updated == 0)
                db.TeamMembers.Add(new TeamMember { TeamId = team.Id, UserId = newLeader, Role = TeamRole.Leader, State = TeamMemberState.Active, CreatedAt = now, UpdatedAt = now, ChangedBy = user.RequiredUserId() });
            await notifier.NotifyAsync(newLeader, "TeamLeaderAppointed", $"/teams/{team.Id}", Notifier.Bilingual(team.Name));
            await db.SaveChangesAsync(cancellationToken);
            return Outcome.Done(team.Id);
        }, cancellationToken);
    }

    public async Task<Outcome> CloseAsync(TeamContext context, CancellationToken cancellationToken = default)
    {
        if (!context.IsOrganizationAdmin)
            return Outcome.Forbidden;
        var now = clock.GetUtcNow();
        await db.Teams.Where(t => t.Id == context.Team.Id && t.ClosedAt == null).ExecuteUpdateAsync(t => t.SetProperty(x => x.ClosedAt, now), cancellationToken);
        return Outcome.Done(context.Team.Id);
    }

    private async Task<(Guid? Id, FieldError? Error)> LeaderAsync(string? email, CancellationToken cancellationToken)
    {
        const string field = "LeaderEmail";
        var normalized = email?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(normalized))
            return (null, new FieldError(field, "Field.Required"));
        var leader = await db.Users.AsNoTracking().Where(u => u.NormalizedEmail == normalized && db.Volunteers.Any(v => v.UserId == u.Id))
            .Select(u => (Guid?)u.Id).FirstOrDefaultAsync(cancellationToken);
        if (leader is not { } id)
            return (null, new FieldError(field, "Team.LeaderNotFound"));
        if (!await licenses.HoldsValidAsync(id, LicenseLevel.TeamLeadership, cancellationToken))
            return (null, new FieldError(field, "Team.LeaderLicenceRequired"));
        return (id, null);
    }

    private static string SearchTextOf(ValidTeam team)
    {
        var city = ReferenceData.FindCity(team.CityId);
        return OpportunitySearch.BuildSearchText(team.NameAr, team.NameEn, team.Neighbourhood, city?.NameAr, city?.NameEn);
    }
}
