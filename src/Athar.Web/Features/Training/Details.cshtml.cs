using Athar.Core.Licensing;
using Athar.Core.Training;
using Athar.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Athar.Web.Features.Training;

/// <summary>A course: what it teaches and qualifies for, its prerequisites and sessions with seats left, and enrolment.</summary>
[AllowAnonymous]
public sealed class DetailsModel(TrainingQueries queries, CourseAccess access, Enrollments enrollments, IStringLocalizer<TrainingText> t, TimeProvider clock) : PageModel
{
    public TrainingQueries.CourseDetail Detail { get; private set; } = null!;
    public bool CanManage { get; private set; }
    public bool CanRecord { get; private set; }
    public IReadOnlyList<CourseAccess.RunningOrganization> Organizations { get; private set; } = [];
    public IReadOnlyDictionary<Guid, EnrollmentStatus> MySessions { get; private set; } = new Dictionary<Guid, EnrollmentStatus>();
    public DateTimeOffset Now { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostEnrollAsync(Guid id, Guid sessionId, Guid? organizationId, CancellationToken cancellationToken)
    {
        if (User.UserId() is not { } userId)
            return Challenge();
        var result = await enrollments.EnrollAsync(userId, sessionId, organizationId, cancellationToken);
        if (result.Refusal is { } refusal)
        {
            if (refusal.Code == "not-found")
                return NotFound();
            ModelState.AddModelError(string.Empty, t[$"Refusal.{refusal.Code}"]);
            return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
        }
        TempData["Status"] = "Training.Enrolled";
        return RedirectToPage("/Training/Mine");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await queries.CourseAsync(id, cancellationToken) is not { } detail)
            return false;
        CanManage = await access.CanManageAsync(User, detail.Course, cancellationToken);
        if (detail.Course.Status == CourseStatus.Draft && !CanManage)
            return access.Refused(detail.Course, "View");
        Detail = detail;
        CanRecord = await access.CanRecordResultsAsync(User, detail.Course, cancellationToken);
        Now = clock.GetUtcNow();
        if (User.UserId() is { } userId)
        {
            MySessions = (await queries.MineAsync(userId, cancellationToken)).Where(e => e.CourseId == id)
                .ToDictionary(e => e.SessionId, e => e.Status);
            if (detail.Course.Track == LicenseLevel.Management)
                Organizations = await access.OrganizationsAdministeredByAsync(userId, cancellationToken);
        }
        return true;
    }
}
