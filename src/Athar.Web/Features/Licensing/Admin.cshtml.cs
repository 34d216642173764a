using Athar.Web.Infrastructure;
using Athar.Web.Localization;
using Athar.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Athar.Web.Features.Licensing;

/// <summary>The licence register for platform admins: find a licence by number, suspend, reinstate or revoke it with a reason.</summary>
[Authorize(Policy = Policies.PlatformAdmin)]
public sealed class AdminModel(LicenseRegister register, LicenseDecisions decisions, IStringLocalizer<LicensingText> t, IStringLocalizer<SharedResource> shared) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Number { get; set; }

    public IReadOnlyList<LicenseRegister.LicenseView> Licenses { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Licenses = string.IsNullOrWhiteSpace(Number)
            ? await register.LatestAsync(50, cancellationToken)
            : await register.FindByNumberAsync(Number, cancellationToken) is { } found ? [found] : [];

    public async Task<IActionResult> OnPostAsync(Guid licenseId, string decision, string? reason, CancellationToken cancellationToken)
    {
        if (!Enum.TryParse<LicenseDecisions.Decision>(decision, ignoreCase: true, out var kind))
            return BadRequest();
        if (await decisions.DecideAsync(licenseId, kind, reason, User.RequiredUserId(), cancellationToken) is { } refusal)
        {
            if (refusal.Code == "not-found")
                return NotFound();
            foreach (var message in refusal.Errors?.Select(e => ApiProblems.Message(t, shared, e)) ?? [t[$"Refusal.{refusal.Code}"]])
                ModelState.AddModelError(string.Empty, message);
            await OnGetAsync(cancellationToken);
            return Page();
        }
        TempData["Status"] = "Licensing.Decided";
        return RedirectToPage(new { Number });
    }
}
