using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Athar.Web.Features.Guardian;

/// <summary>The page a guardian reaches from the SMS link; holding the link is the proof.</summary>
[AllowAnonymous]
public sealed class ConfirmModel(GuardianConsents consents) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    public GuardianConsents.Pending? Pending { get; private set; }

    public GuardianConsents.Outcome? Outcome { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Pending = await consents.FindByTokenAsync(Token, cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Outcome = await consents.ConfirmByTokenAsync(Token, cancellationToken);
        Pending = await consents.FindByTokenAsync(Token, cancellationToken);
        return Page();
    }
}
