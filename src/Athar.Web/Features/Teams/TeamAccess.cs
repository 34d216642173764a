using System.Security.Claims;
using Athar.Core.Licensing;
using Athar.Core.Teams;
using Athar.Data;
using Athar.Data.Organizations;
using Athar.Data.Teams;
using Athar.Web.Features.Licensing;
using Athar.Web.Features.Organizations;
using Athar.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Athar.Web.Features.Teams;

/// <summary>One team as the caller stands with it: their membership, whether they administer its organisation, what they may see.</summary>
public sealed record TeamContext(Team Team, Organization Organization, Guid? UserId, TeamRole? Role, TeamMemberState? State, bool IsOrganizationAdmin, bool IsOrganizationStaff)
{
    public bool IsActiveMember => State == TeamMemberState.Active;

    /// <summary>Leaders and deputies run the team; the organisation's admins may too, being responsible for it.</summary>
    public bool RunsTeam => TeamRules.Runs(Role, State);

    public bool IsClosed => Team.ClosedAt is not null;

    /// <summary>
    /// Teams of verified organisations are listed for everyone signed in; anything else only for its own people,
    /// so an id of a hidden team answers "not found".
    /// </summary>
    public bool CanView => Organization.Status == OrganizationStatus.Verified || IsOrganizationStaff || State is not null;
}

/// <summary>
/// Loads a team as the caller stands with it. A hidden team (of an organisation that is not verified) asked for by
/// someone outside it answers "not found" and is logged as a refused object (ASVS 16.3.2); an unknown id is not.
/// </summary>
public sealed class TeamAccess(AtharDbContext db, OrganizationGate gate, LicenseRegister licenses, IHttpContextAccessor http)
{
    public async Task<TeamContext?> LoadAsync(ClaimsPrincipal user, Guid teamId, CancellationToken cancellationToken)
    {
        var team = await db.Teams.AsNoTracking().FirstOrDefaultAsync(t => t.Id == teamId, cancellationToken);
        if (team is null)
            return null;
        var organization = await db.Organizations.AsNoTracking().FirstAsync(o => o.Id == team.OrganizationId, cancellationToken);
        var userId = user.UserId();
        var membership = userId is { } id
            ? await db.TeamMembers.AsNoTracking().Where(m => m.TeamId == teamId && m.UserId == id).Select(m => new { m.Role, m.State }).FirstOrDefaultAsync(cancellationToken)
            : null;
        var admin = userId is not null && await gate.CanAsync(user, organization, OrganizationOperations.Manage);
        var staff = admin || (userId is not null && await gate.CanAsync(user, organization, OrganizationOperations.View));
        var context = new TeamContext(team, organization, userId, membership?.Role, membership?.State, admin, staff);
        if (context.CanView)
            return context;
        http.HttpContext?.ObjectAccessRefused(nameof(Team), teamId, "View");
        return null;
    }

    /// <summary>The leader's licence is read from the register on today's Saudi date, so a lapse shows at once.</summary>
    public Task<bool> LeaderLicenceValidAsync(Team team, CancellationToken cancellationToken) =>
        licenses.HoldsValidAsync(team.LeaderUserId, LicenseLevel.TeamLeadership, cancellationToken);
}
