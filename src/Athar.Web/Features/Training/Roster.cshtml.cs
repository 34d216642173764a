using Microsoft.AspNetCore.Authorization;
using Athar.Data;
using Athar.Data.Training;
using Athar.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Athar.Web.Features.Training;

/// <summary>The trainer's roster: attendance and score for each trainee, recorded once.</summary>
[Authorize]
public sealed class RosterModel(AtharDbContext db, CourseAccess access, TrainingQueries queries, Enrollments enrollments, IStringLocalizer<TrainingText> t) : PageModel
{
    public Course Course { get; private set; } = null!;
    public IReadOnlyList<TrainingQueries.RosterRow> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, Guid enrollmentId, bool attended, int? score, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken) || Rows.All(r => r.EnrollmentId != enrollmentId))
            return NotFound();
        if (await enrollments.RecordResultAsync(enrollmentId, attended, score, User.RequiredUserId(), cancellationToken) is { } refusal)
        {
            ModelState.AddModelError(string.Empty, t[$"Refusal.{refusal.Code}"]);
            return Page();
        }
        TempData["Status"] = "Training.ResultRecorded";
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var course = await db.Courses.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (course is null || !await access.AllowsRecordingResultsAsync(User, course, cancellationToken))
            return false;
        Course = course;
        Rows = await queries.RosterAsync(id, cancellationToken);
        return true;
    }
}
