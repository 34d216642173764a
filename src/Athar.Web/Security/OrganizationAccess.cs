using System.Security.Claims;
using Athar.Core.Accounts;
using Athar.Data;
using Athar.Data.Organizations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Athar.Web.Security;

/// <summary>Operations on an organisation's data, checked per record (resource-based), never by role alone.</summary>
public static class OrganizationOperations
{
    public static readonly OperationAuthorizationRequirement View = new() { Name = nameof(View) };
    public static readonly OperationAuthorizationRequirement Manage = new() { Name = nameof(Manage) };

    /// <summary>Verify, reject, suspend or reinstate: platform admins, and regional supervisors for their own region.</summary>
    public static readonly OperationAuthorizationRequirement Decide = new() { Name = nameof(Decide) };
}

/// <summary>
/// Members see their organisation; its admins manage it; platform admins do both; a regional
/// supervisor views the organisations of their own region only, and decides on their verification.
/// Nobody decides on the verification of their own organisation unless they are a platform admin.
/// </summary>
public sealed class OrganizationAccessHandler(AtharDbContext db) : AuthorizationHandler<OperationAuthorizationRequirement, Organization>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, Organization resource)
    {
        var user = context.User;
        if (user.IsInRole(Roles.PlatformAdmin))
        {
            context.Succeed(requirement);
            return;
        }
        if (user.UserId() is not { } userId)
            return;

        var role = await db.OrganizationMembers.AsNoTracking()
            .Where(m => m.OrganizationId == resource.Id && m.UserId == userId)
            .Select(m => (OrganizationRole?)m.Role)
            .FirstOrDefaultAsync();
        if (requirement == OrganizationOperations.Decide)
        {
            // A supervisor who also works for the organisation does not judge it.
            if (role is null && user.IsInRole(Roles.RegionalSupervisor) && await IsInRegionAsync(userId, resource.RegionId))
                context.Succeed(requirement);
            return;
        }

        if (role is OrganizationRole.Admin || (role is OrganizationRole.Supervisor && requirement == OrganizationOperations.View))
        {
            context.Succeed(requirement);
            return;
        }

        if (requirement == OrganizationOperations.View && user.IsInRole(Roles.RegionalSupervisor) && await IsInRegionAsync(userId, resource.RegionId))
            context.Succeed(requirement);
    }

    private Task<bool> IsInRegionAsync(Guid userId, int regionId) =>
        db.RegionalAssignments.AnyAsync(a => a.UserId == userId && a.RegionId == regionId);
}
