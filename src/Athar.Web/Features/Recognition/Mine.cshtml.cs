using Athar.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Athar.Web.Features.Recognition;

/// <summary>The volunteer's badges, tier and the choice to appear by name in the public rankings (off until they opt in).</summary>
[Authorize(Policy = Policies.Volunteer)]
public sealed class MineModel(RecognitionQueries queries) : PageModel
{
    public RecognitionQueries.Summary Summary { get; private set; } = null!;

    [BindProperty]
    public bool ShowInRankings { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Summary = await queries.ForAsync(User.RequiredUserId(), cancellationToken);

    public async Task<IActionResult> OnPostConsentAsync(CancellationToken cancellationToken)
    {
        await queries.SetRankingConsentAsync(User.RequiredUserId(), ShowInRankings, cancellationToken);
        TempData["RecognitionStatus"] = ShowInRankings ? "Consent.On" : "Consent.Off";
        return LocalRedirect("/me/recognition");
    }
}
