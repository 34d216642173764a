using Athar.Data;
using Athar.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Athar.Web.Features.Participation;

[Authorize(Policy = Policies.Volunteer)]
public sealed class MyApplicationsModel(ParticipationQueries queries, AtharDbContext db, DecideApplication decide, TimeProvider clock, IStringLocalizer<ParticipationText> t) : PageModel
{
    public IReadOnlyList<ParticipationQueries.MyApplication> Applications { get; private set; } = [];
    public ParticipationQueries.Reliability Reliability { get; private set; } = new(0, 0);
    public DateTimeOffset Now { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var id = User.RequiredUserId();
        Now = clock.GetUtcNow();
        Applications = await queries.MyApplicationsAsync(id, cancellationToken);
        Reliability = await queries.ReliabilityAsync(id, cancellationToken);
    }

    public async Task<IActionResult> OnPostWithdrawAsync(Guid applicationId, CancellationToken cancellationToken)
    {
        var userId = User.RequiredUserId();
        var application = await db.Applications.AsNoTracking().FirstOrDefaultAsync(a => a.Id == applicationId && a.VolunteerId == userId, cancellationToken);
        if (application is null)
        {
            await HttpContext.LogIfSomeoneElsesAsync(db.Applications.Where(a => a.Id == applicationId), "Application", applicationId, "Withdraw", cancellationToken);
            return NotFound();
        }
        if (await decide.WithdrawAsync(application, cancellationToken) is { } refusal)
        {
            ModelState.AddModelError(string.Empty, t[$"Refusal.{refusal.Code}"]);
            await OnGetAsync(cancellationToken);
            return Page();
        }
        TempData["Status"] = "Participation.Withdrawn";
        return RedirectToPage();
    }
}
