using Microsoft.AspNetCore.Authorization;
using Athar.Core.Training;
using Athar.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Athar.Web.Features.Training;

/// <summary>A person's training: enrolments, results, training hours (apart from volunteering hours) and certificates.</summary>
[Authorize]
public sealed class MineModel(TrainingQueries queries, Enrollments enrollments, IStringLocalizer<TrainingText> t, TimeProvider clock) : PageModel
{
    public IReadOnlyList<TrainingQueries.MyEnrollment> Enrollments { get; private set; } = [];
    public decimal TrainingHours { get; private set; }
    public DateTimeOffset Now { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var userId = User.RequiredUserId();
        Enrollments = await queries.MineAsync(userId, cancellationToken);
        TrainingHours = await queries.TrainingHoursAsync(userId, cancellationToken);
        Now = clock.GetUtcNow();
    }

    public async Task<IActionResult> OnPostWithdrawAsync(Guid enrollmentId, CancellationToken cancellationToken)
    {
        if (await enrollments.WithdrawAsync(User.RequiredUserId(), enrollmentId, cancellationToken) is { } refusal)
        {
            if (refusal.Code == "not-found")
                return NotFound();
            ModelState.AddModelError(string.Empty, t[$"Refusal.{refusal.Code}"]);
            await OnGetAsync(cancellationToken);
            return Page();
        }
        TempData["Status"] = "Training.Withdrawn";
        return RedirectToPage();
    }

    public static bool IsOpen(EnrollmentStatus status) => status == EnrollmentStatus.Enrolled;
}
