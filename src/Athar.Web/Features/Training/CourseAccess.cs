using System.Security.Claims;
using Athar.Core.Accounts;
using Athar.Core.Licensing;
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
/// results even without managing the course. Anyone else gets "not found". The <c>Allows…</c> methods are the gates
/// in front of a course's data and log a refusal of an existing course as a failed authorisation (ASVS 16.3.2); the
/// <c>Can…</c> ones only answer, for pages that decide which buttons to show.
/// </summary>
public sealed class CourseAccess(AtharDbContext db, LicenseRegister register, IHttpContextAccessor http)
{
    public sealed record RunningOrganization(Guid Id, LocalizedText Name);

    /// <summary>Platform courses are the platform admins'; an organisation's course needs its management licence. Refusing an existing organisation is logged.</summary>
    public async Task<bool> CanCreateAsync(ClaimsPrincipal user, Guid? organizationId, CancellationToken cancellationToken)
    {
        if (organizationId is not { } id)
            return user.IsInRole(Roles.PlatformAdmin);
        if (user.IsInRole(Roles.PlatformAdmin) && await db.Organizations.AnyAsync(o => o.Id == id, cancellationToken)
            || (await OrganizationsRunByAsync(user, cancellationToken)).Any(o => o.Id == id))
            return true;
        // Only on the refusal path: one more lookup tells "not yours" from "does not exist".
        if (await db.Organizations.AnyAsync(o => o.Id == id, cancellationToken))
            http.HttpContext?.ObjectAccessRefused(nameof(Organization), id, "CreateCourse");
        return false;
    }

    /// <summary>The gate in front of editing, sessions, archiving and a draft's details: a refusal is logged under <paramref name="operation"/>.</summary>
    public async Task<bool> AllowsManagingAsync(ClaimsPrincipal user, Course course, CancellationToken cancellationToken, string operation = "Manage") =>
        await CanManageAsync(user, course, cancellationToken) || Refused(course, operation);

    /// <summary>The gate in front of the roster and results.</summary>
    public async Task<bool> AllowsRecordingResultsAsync(ClaimsPrincipal user, Course course, CancellationToken cancellationToken) =>
        await CanRecordResultsAsync(user, course, cancellationToken) || Refused(course, "RecordResults");

    /// <summary>Logs the refusal of an existing course and answers false, so a gate reads as one expression.</summary>
    public bool Refused(Course course, string operation)
    {
        http.HttpContext?.ObjectAccessRefused(nameof(Course), course.Id, operation);
        return false;
    }

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
        // One query for every membership; the licence's status on today's date is the register's rule, applied in memory.
        var licensed = await (
                from m in db.OrganizationMembers.AsNoTracking()
                join o in db.Organizations on m.OrganizationId equals o.Id
                join l in db.Licenses on (Guid?)o.Id equals l.OrganizationId
                where m.UserId == userId && o.Status == OrganizationStatus.Verified && l.Level == LicenseLevel.Management
                select new { o.Id, o.Name, Licence = new LicenseFacts(l.Level, l.State, l.IssuedOn, l.ExpiresOn) })
            .ToListAsync(cancellationToken);
        return [.. licensed.Where(r => register.IsValidToday(r.Licence)).Select(r => new RunningOrganization(r.Id, r.Name))];
    }

    /// <summary>The organisations a person may take the management course for: those where they are an admin.</summary>
    public Task<List<RunningOrganization>> OrganizationsAdministeredByAsync(Guid userId, CancellationToken cancellationToken) =>
        db.OrganizationMembers.AsNoTracking()
            .Where(m => m.UserId == userId && m.Role == OrganizationRole.Admin)
            .Join(db.Organizations.Where(o => o.Status == OrganizationStatus.Verified), m => m.OrganizationId, o => o.Id, (m, o) => new RunningOrganization(o.Id, o.Name))
            .ToListAsync(cancellationToken);
}
