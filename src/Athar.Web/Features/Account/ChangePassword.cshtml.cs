using Athar.Data.Accounts;
using Athar.Web.Infrastructure;
using Athar.Web.Localization;
using Athar.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Athar.Web.Features.Account;

/// <summary>The signed-in person changes their password; this browser stays signed in, every other session ends.</summary>
[Authorize]
[EnableRateLimiting(RateLimits.SignIn)]
[PerAccountRateLimit(RateLimits.CurrentPassword)]
public sealed class ChangePasswordModel(UserManager<AtharUser> users, SignInManager<AtharUser> signIn, PasswordChange change, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public string? CurrentPassword { get; set; }

    [BindProperty]
    public string? NewPassword { get; set; }

    [BindProperty]
    public string? ConfirmPassword { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
            return NotFound();
        var errors = await change.ChangeAsync(user, CurrentPassword, NewPassword, ConfirmPassword, SessionTracker.IdOf(User));
        if (errors.Count > 0)
        {
            ModelState.AddFieldErrors(errors, t, prefix: string.Empty);
            return Page();
        }
        // The new security stamp goes into this browser's cookie, so only the other sessions are ended.
        await signIn.RefreshSignInAsync(user);
        TempData["Status"] = "Password.Done";
        return LocalRedirect("/profile");
    }
}
