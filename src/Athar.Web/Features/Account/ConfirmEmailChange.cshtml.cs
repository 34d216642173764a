using Athar.Data.Accounts;
using Athar.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Athar.Web.Features.Account;

/// <summary>
/// The link from the new address. Opening it shows a button; only the button's POST changes the address, so a mail
/// scanner that follows links does not spend the link for the person.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.Verification)]
public sealed class ConfirmEmailChangeModel(EmailChange change, UserManager<AtharUser> users, SignInManager<AtharUser> signIn) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid UserId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Email { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    public bool? Changed { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Changed = await change.ConfirmAsync(UserId, Email, Code, HttpContext);
        // Opened in a browser signed in to this account: it keeps its session with the new security stamp.
        if (Changed == true && User.UserId() == UserId && await users.FindByIdAsync(UserId.ToString()) is { } user)
            await signIn.RefreshSignInAsync(user);
        return Page();
    }
}
