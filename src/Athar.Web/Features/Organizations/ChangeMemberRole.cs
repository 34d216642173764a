using System.Security.Claims;
using Athar.Core.Audit;
using Athar.Core.Organizations;
using Athar.Data;
using Athar.Data.Audit;
using Athar.Data.Infrastructure;
using Athar.Data.Organizations;
using Athar.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Athar.Web.Features.Organizations;

/// <summary>
/// An organisation's admin changes a member's role or removes a member. The last admin can be neither demoted
/// nor removed; the organisation row is locked first so two admins acting at once cannot leave it without one.
/// </summary>
public sealed class ChangeMemberRole(AtharDbContext db, AuditTrail audit, OrganizationGate gate, StaffRoles roles)
{
    public async Task<Outcome> ChangeAsync(ClaimsPrincipal user, Guid organizationId, Guid memberId, OrganizationRole? role, CancellationToken cancellationToken = default)
    {
        var (organization, access) = await gate.CheckAsync(user, organizationId, OrganizationOperations.Manage, cancellationToken);
        if (organization is null || access != OutcomeKind.Done)
            return Outcome.From(access);
        if (role is not (OrganizationRole.Admin or OrganizationRole.Supervisor))
            return Outcome.Invalid([new("Role", "Field.Required")]);

        return await db.ExecuteOnceAsync(AttemptStart.ClearTracker, async _ =>
        {
            await OrganizationGate.LockAsync(db, organizationId, cancellationToken);
            var member = await db.OrganizationMembers.FirstOrDefaultAsync(m => m.OrganizationId == organizationId && m.UserId == memberId, cancellationToken);
            if (member is null)
                return Outcome.NotFound;
            if (member.Role == role)
                return Outcome.Done(memberId);
            var admins = await db.OrganizationMembers.CountAsync(m => m.OrganizationId == organizationId && m.Role == OrganizationRole.Admin, cancellationToken);
            if (MembershipRules.CheckRoleChange(member.Role == OrganizationRole.Admin, role == OrganizationRole.Admin, admins) is { } refusal)
                return Outcome.Refused(refusal);
            audit.Record(AuditActions.MemberRoleChanged, "OrganizationMember", memberId, user.RequiredUserId(), organizationId, memberId, AuditTrail.Detail(("from", member.Role), ("to", role.Value)));
            member.Role = role.Value;
            await db.SaveChangesAsync(cancellationToken);
            await roles.SyncAsync(memberId, cancellationToken);
            return Outcome.Done(memberId);
        }, cancellationToken);
    }
}
