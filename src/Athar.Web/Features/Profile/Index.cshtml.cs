using Athar.Web.Features.Guardian;
using Athar.Web.Localization;
using Athar.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Athar.Web.Features.Profile;

[Authorize]
public sealed class IndexModel(VolunteerProfile profiles, GuardianConsents consents, IStringLocalizer<SharedResource> t) : PageModel
{
    public VolunteerProfile.View Profile { get; private set; } = null!;

    [BindProperty]
    public string? GuardianCode { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await profiles.GetAsync(User.RequiredUserId(), cancellationToken) is not { } view)
            return NotFound();
        Profile = view;
        return Page();
    }

    public async Task<IActionResult> OnPostGuardianCodeAsync(CancellationToken cancellationToken)
    {
        var outcome = await consents.ConfirmByCodeAsync(User.RequiredUserId(), GuardianCode, cancellationToken);
        if (outcome is GuardianConsents.Outcome.Confirmed or GuardianConsents.Outcome.AlreadyConfirmed)
        {
            TempData["Status"] = "Profile.GuardianConfirmed";
            return RedirectToPage();
        }
        var key = outcome switch
        {
            GuardianConsents.Outcome.WrongCode => "Refusal.guardian-code-wrong",
            GuardianConsents.Outcome.TooManyAttempts => "Refusal.guardian-code-locked",
            GuardianConsents.Outcome.Expired => "Refusal.guardian-link-expired",
            _ => "Refusal.guardian-not-required",
        };
        ModelState.AddModelError(nameof(GuardianCode), t[key]);
        return await OnGetAsync(cancellationToken);
    }
}
