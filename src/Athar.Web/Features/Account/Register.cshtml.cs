using System.Globalization;
using Athar.Core.Accounts;
using Athar.Data.Accounts;
using Athar.Web.Infrastructure;
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
[EnableRateLimiting(RateLimits.Registration)]
public sealed class RegisterModel(RegisterVolunteer register, SignInManager<AtharUser> signIn, IStringLocalizer<SharedResource> t) : PageModel
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
        if (!result.Succeeded)
        {
            ModelState.AddFieldErrors(result.Errors, t);
            return Page();
        }
        await signIn.SignInAsync(result.User!, isPersistent: false);
        TempData["Status"] = result.User!.Volunteer?.GuardianConsentRequired == true ? "Register.DoneMinor" : "Register.Done";
        return LocalRedirect("/profile");
    }
}
