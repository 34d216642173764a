using Athar.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Athar.Web.Features.Privacy;

/// <summary>Accepting the privacy notice's current version, asked when it changed since the person last accepted it.</summary>
[Authorize]
public sealed class ConsentModel(ConsentGate gate) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string Version => gate.CurrentVersion;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await gate.MustConsentAsync(User.RequiredUserId(), cancellationToken) ? Page() : LocalRedirect(Back);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await gate.AcceptAsync(User.RequiredUserId(), cancellationToken);
        return LocalRedirect(Back);
    }

    private string Back => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/";
}
