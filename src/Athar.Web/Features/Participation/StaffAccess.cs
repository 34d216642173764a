using System.Security.Claims;
using Athar.Core.Accounts;
using Athar.Data;
using Athar.Data.Organizations;
using Athar.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Athar.Web.Features.Participation;

/// <summary>
/// Who may run an organisation's day-to-day participation work (review applicants, take attendance,
/// approve hours): its admins and supervisors, and platform admins. Anything else answers "not found"; a refusal of
/// an object that exists is logged as a failed authorisation (ASVS 16.3.2), like <c>OrganizationGate</c>'s.
/// </summary>
public sealed class StaffAccess(AtharDbContext db, IHttpContextAccessor http)
{
    private const string Operation = "Operate";

    public async Task<bool> CanOperateAsync(ClaimsPrincipal user, Guid organizationId, CancellationToken cancellationToken = default)
    {
        if (await MayOperateAsync(user, organizationId, cancellationToken))
            return true;
        // Only on the refusal path: one more lookup tells "not yours" from "does not exist".
        if (await db.Organizations.AnyAsync(o => o.Id == organizationId, cancellationToken))
            Refused(nameof(Organization), organizationId);
        return false;
    }

    private async Task<bool> MayOperateAsync(ClaimsPrincipal user, Guid organizationId, CancellationToken cancellationToken)
    {
        if (user.IsInRole(Roles.PlatformAdmin))
            return await db.Organizations.AnyAsync(o => o.Id == organizationId, cancellationToken);
        if (user.UserId() is not { } userId)
            return false;
        return await db.OrganizationMembers.AnyAsync(m => m.OrganizationId == organizationId && m.UserId == userId, cancellationToken)
            && await db.Organizations.AnyAsync(o => o.Id == organizationId && o.Status != OrganizationStatus.Suspended, cancellationToken);
    }

    public async Task<Guid?> OrganizationOfApplicationAsync(Guid applicationId, CancellationToken cancellationToken = default) =>
        await db.Applications.Where(a => a.Id == applicationId)
            .Join(db.Opportunities, a => a.OpportunityId, o => o.Id, (_, o) => (Guid?)o.OrganizationId)
            .FirstOrDefaultAsync(cancellationToken);

    public async Task<Guid?> OrganizationOfShiftAsync(Guid shiftId, CancellationToken cancellationToken = default) =>
        await db.Shifts.Where(s => s.Id == shiftId)
            .Join(db.Opportunities, s => s.OpportunityId, o => o.Id, (_, o) => (Guid?)o.OrganizationId)
            .FirstOrDefaultAsync(cancellationToken);

    public async Task<Guid?> OrganizationOfHoursAsync(Guid hoursId, CancellationToken cancellationToken = default) =>
        await db.VolunteerHours.Where(h => h.Id == hoursId).Select(h => (Guid?)h.OrganizationId).FirstOrDefaultAsync(cancellationToken);

    public async Task<bool> CanOperateApplicationAsync(ClaimsPrincipal user, Guid applicationId, CancellationToken cancellationToken = default) =>
        await OrganizationOfApplicationAsync(applicationId, cancellationToken) is { } org && await MayOperateOrLogAsync(user, org, "Application", applicationId, cancellationToken);

    public async Task<bool> CanOperateShiftAsync(ClaimsPrincipal user, Guid shiftId, CancellationToken cancellationToken = default) =>
        await OrganizationOfShiftAsync(shiftId, cancellationToken) is { } org && await MayOperateOrLogAsync(user, org, "Shift", shiftId, cancellationToken);

    public async Task<bool> CanOperateHoursAsync(ClaimsPrincipal user, Guid hoursId, CancellationToken cancellationToken = default) =>
        await OrganizationOfHoursAsync(hoursId, cancellationToken) is { } org && await MayOperateOrLogAsync(user, org, "VolunteerHours", hoursId, cancellationToken);

    /// <summary>The object exists (its organisation was found), so a refusal here is "not yours".</summary>
    private async Task<bool> MayOperateOrLogAsync(ClaimsPrincipal user, Guid organizationId, string objectType, Guid objectId, CancellationToken cancellationToken)
    {
        if (await MayOperateAsync(user, organizationId, cancellationToken))
            return true;
        Refused(objectType, objectId);
        return false;
    }

    private void Refused(string objectType, Guid objectId) => http.HttpContext?.ObjectAccessRefused(objectType, objectId, Operation);
}
