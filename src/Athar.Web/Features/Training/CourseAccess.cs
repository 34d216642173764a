using System.Security.Claims;
using Athar.Core.Accounts;
using Athar.Core.Localization;
using Athar.Data;
using Athar.Data.Organizations;
using Athar.Data.Training;
using Athar.Web.Features.Licensing;
using Athar.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Athar.Web.Features.Training;

/// <summary>
/// Who runs courses: platform admins (platform courses and any other), and the members of an
/// organisation that holds a valid management licence (its own courses). A course's trainer records
/// results even without managing the course. Anyone else gets "not found".
/// </summary>
public sealed class CourseAccess(AtharDbContext db, LicenseRegister register)
{
    public sealed record RunningOrganization(Guid Id, LocalizedText Name);

    public async Task<bool> CanCreateAsync(ClaimsPrincipal user, Guid? organizationId, CancellationToken cancellationToken) =>
        organizationId is null
            ? user.IsInRole(Roles.PlatformAdmin)
            : user.IsInRole(Roles.PlatformAdmin) && await db.Organizations.AnyAsync(o => o.Id == organizationId, cancellationToken)
              || (await OrganizationsRunByAsync(user, cancellationToken)).Any(o => o.Id == organizationId);

    public async Task<bool> CanManageAsync(ClaimsPrincipal user, Course course, CancellationToken cancellationToken) =>
        user.IsInRole(Roles.PlatformAdmin)
        || course.OrganizationId is { } organizationId && (await OrganizationsRunByAsync(user, cancellationToken)).Any(o => o.Id == organizationId);

    public async Task<bool> CanRecordResultsAsync(ClaimsPrincipal user, Course course, CancellationToken cancellationToken) =>
        course.TrainerId is { } trainer && user.UserId() == trainer || await CanManageAsync(user, course, cancellationToken);

    /// <summary>The organisations whose courses this person may run: verified ones they belong to that hold the management licence today.</summary>
    public async Task<List<RunningOrganization>> OrganizationsRunByAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (user.UserId() is not { } userId)
            return [];
        var memberships = await db.OrganizationMembers.AsNoTracking()
            .Where(m => m.UserId == userId)
            .Join(db.Organizations.Where(o => o.Status == OrganizationStatus.Verified), m => m.OrganizationId, o => o.Id, (m, o) => new { o.Id, o.Name })
            .ToListAsync(cancellationToken);
        var result = new List<RunningOrganization>();
        foreach (var organization in memberships)
        {
            if (await register.OrganizationHoldsManagementAsync(organization.Id, cancellationToken))
                result.Add(new RunningOrganization(organization.Id, organization.Name));
        }
        return result;
    }

    /// <summary>The organisations a person may take the management course for: those where they are an admin.</summary>
    public Task<List<RunningOrganization>> OrganizationsAdministeredByAsync(Guid userId, CancellationToken cancellationToken) =>
        db.OrganizationMembers.AsNoTracking()
            .Where(m => m.UserId == userId && m.Role == OrganizationRole.Admin)
            .Join(db.Organizations.Where(o => o.Status == OrganizationStatus.Verified), m => m.OrganizationId, o => o.Id, (m, o) => new RunningOrganization(o.Id, o.Name))
            .ToListAsync(cancellationToken);
}
