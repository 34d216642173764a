using Athar.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Athar.Web.Features.Participation;

[Authorize(Policy = Policies.Volunteer)]
public sealed class MyApplicationsModel(ParticipationQueries queries, DecideApplication decide, TimeProvider clock, IStringLocalizer<ParticipationText> t) : PageModel
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
        if (await decide.OwnApplicationAsync(HttpContext, User.RequiredUserId(), applicationId, cancellationToken) is not { } application)
            return NotFound();
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
