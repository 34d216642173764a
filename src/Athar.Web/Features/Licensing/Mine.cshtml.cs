using Microsoft.AspNetCore.Authorization;
using Athar.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Athar.Web.Features.Licensing;

/// <summary>A person's licences: status today, dates in both calendars, history, renewal and the licence document.</summary>
[Authorize]
public sealed class MineModel(LicenseIssuer issuer, LicenseRegister register, LicenseDecisions decisions, IStringLocalizer<LicensingText> t) : PageModel
{
    public IReadOnlyList<LicenseRegister.LicenseView> Licenses { get; private set; } = [];
    public IReadOnlyDictionary<Guid, List<LicenseRegister.HistoryEntry>> History { get; private set; } = new Dictionary<Guid, List<LicenseRegister.HistoryEntry>>();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var userId = User.RequiredUserId();
        await issuer.EvaluateAsync(userId, cancellationToken);
        Licenses = await register.ForPersonAsync(userId, cancellationToken);
        History = await register.HistoriesAsync([.. Licenses.Select(l => l.Id)], cancellationToken);
    }

    public async Task<IActionResult> OnPostRenewAsync(Guid licenseId, CancellationToken cancellationToken)
    {
        var userId = User.RequiredUserId();
        if (await register.FindAsync(licenseId, cancellationToken) is not { } licence || licence.HolderUserId != userId)
            return NotFound();
        if (await decisions.RenewAsync(licenseId, userId, cancellationToken) is { } refusal)
        {
            ModelState.AddModelError(string.Empty, t[$"Refusal.{refusal.Code}"]);
            await OnGetAsync(cancellationToken);
            return Page();
        }
        TempData["Status"] = "Licensing.Renewed";
        return RedirectToPage();
    }
}
