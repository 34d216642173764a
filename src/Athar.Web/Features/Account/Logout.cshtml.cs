using Athar.Data.Accounts;
using Athar.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Athar.Web.Features.Account;

/// <summary>Sign-out is a POST with an antiforgery token, so another site cannot sign people out.</summary>
[AllowAnonymous]
public sealed class LogoutModel(SignInManager<AtharUser> signIn) : PageModel
{
    public IActionResult OnGet() => LocalRedirect("/");

    public async Task<IActionResult> OnPostAsync()
    {
        HttpContext.SignedOut(User.UserId());
        await signIn.SignOutAsync();
        return LocalRedirect("/");
    }
}
