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

/// <summary>An organisation's admin removes a member; never the last admin (see <see cref="ChangeMemberRole"/>).</summary>
public sealed class RemoveMember(AtharDbContext db, AuditTrail audit, OrganizationGate gate, StaffRoles roles)
{
    public async Task<Outcome> RemoveAsync(ClaimsPrincipal user, Guid organizationId, Guid memberId, CancellationToken cancellationToken = default)
    {
        var (organization, access) = await gate.CheckAsync(user, organizationId, OrganizationOperations.Manage, cancellationToken);
        if (organization is null || access != OutcomeKind.Done)
            return Outcome.From(access);

        return await db.ExecuteOnceAsync(AttemptStart.ClearTracker, async _ =>
        {
            await OrganizationGate.LockAsync(db, organizationId, cancellationToken);
            var member = await db.OrganizationMembers.FirstOrDefaultAsync(m => m.OrganizationId == organizationId && m.UserId == memberId, cancellationToken);
            if (member is null)
                return Outcome.NotFound;
            var admins = await db.OrganizationMembers.CountAsync(m => m.OrganizationId == organizationId && m.Role == OrganizationRole.Admin, cancellationToken);
            if (MembershipRules.CheckRemoval(member.Role == OrganizationRole.Admin, admins) is { } refusal)
                return Outcome.Refused(refusal);
            db.OrganizationMembers.Remove(member);
            audit.Record(AuditActions.MemberRemoved, "OrganizationMember", memberId, user.RequiredUserId(), organizationId, memberId, AuditTrail.Detail(("role", member.Role)));
            await db.SaveChangesAsync(cancellationToken);
            await roles.SyncAsync(memberId, cancellationToken);
            return Outcome.Done(memberId);
        }, cancellationToken);
    }
}
