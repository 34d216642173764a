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

/// <summary>The signed-in person asks to move their account to another e-mail address (linked from the profile).</summary>
[Authorize]
[EnableRateLimiting(RateLimits.SignIn)]
[PerAccountRateLimit(RateLimits.CurrentPassword)]
public sealed class ChangeEmailModel(UserManager<AtharUser> users, EmailChange change, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public string? NewEmail { get; set; }

    [BindProperty]
    public string? CurrentPassword { get; set; }

    public string? CurrentEmail { get; private set; }

    public async Task OnGetAsync() => CurrentEmail = (await users.GetUserAsync(User))?.Email;

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
            return NotFound();
        CurrentEmail = user.Email;
        var errors = await change.RequestAsync(user, NewEmail, CurrentPassword, HttpContext);
        if (errors.Count > 0)
        {
            ModelState.AddFieldErrors(errors, t, prefix: string.Empty);
            return Page();
        }
        // The same words whether or not another account has the address (no enumeration).
        TempData["Status"] = "EmailChange.Sent";
        return LocalRedirect("/profile");
    }
}
