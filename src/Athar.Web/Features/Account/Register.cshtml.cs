using System.Globalization;
using Athar.Core.Accounts;
using Athar.Web.Infrastructure;
using Athar.Web.Localization;
using Athar.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Athar.Web.Features.Account;

[AllowAnonymous]
[EnableRateLimiting(RateLimits.Registration)]
public sealed class RegisterModel(RegisterVolunteer register, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public VolunteerRegistrationInput Input { get; set; } = new();

    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? LocalRedirect("/profile") : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            ModelState.AddFieldErrors(register.Check(Input), t);
            return Page();
        }
        var result = await register.RegisterAsync(Input, CultureInfo.CurrentUICulture, cancellationToken);
        if (!result.Received)
        {
            ModelState.AddFieldErrors(result.Errors, t);
            return Page();
        }
        // New or already registered, the person sees the same thing and signs in next: signing a new account
        // in here would tell a stranger that the other national ID or e-mail was already taken.
        TempData["Status"] = result.GuardianConsentRequired ? "Register.ReceivedMinor" : "Register.Received";
        return LocalRedirect("/account/login");
    }
}
