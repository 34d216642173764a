using Athar.Data.Accounts;
using Athar.Web.Localization;
using Athar.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Athar.Web.Features.Account;

[AllowAnonymous]
[EnableRateLimiting(RateLimits.PasswordReset)]
public sealed class ResetPasswordModel(UserManager<AtharUser> users, SessionTracker sessions, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Email { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    [BindProperty]
    public string? NewPassword { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var token = AccountMessages.Decode(Code);
        var user = string.IsNullOrWhiteSpace(Email) || Email.Length > 256 ? null : await users.FindByEmailAsync(Email.Trim());
        if (user is null || token is null)
        {
            HttpContext.PasswordResetFailed(user?.Id, user is null ? SecurityRefusal.UnknownAccount : SecurityRefusal.InvalidToken);
            ModelState.AddModelError(string.Empty, t["Identity.InvalidToken"]);
            return Page();
        }
        var result = await users.ResetPasswordAsync(user, token, NewPassword ?? string.Empty);
        await sessions.PasswordResetOutcomeAsync(HttpContext, user.Id, result);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
                ModelState.AddModelError(error.Code == nameof(IdentityErrorDescriber.InvalidToken) ? string.Empty : nameof(NewPassword), error.Description);
            return Page();
        }
        TempData["Status"] = "Reset.Done";
        return LocalRedirect("/account/login");
    }
}
