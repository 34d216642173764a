using Athar.Web.Localization;
using Athar.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Athar.Web.Features.Account;

[AllowAnonymous]
[EnableRateLimiting(RateLimits.SignIn)]
public sealed class LoginModel(SignInLookup lookup, IStringLocalizer<SharedResource> t) : PageModel
{
    public sealed class LoginInput
    {
        public string? Identifier { get; set; }
        public string? Password { get; set; }
        public bool RememberMe { get; set; }
    }

    [BindProperty]
    public LoginInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Input.Identifier))
            ModelState.AddModelError("Input.Identifier", t["Field.Required"]);
        if (string.IsNullOrEmpty(Input.Password))
            ModelState.AddModelError("Input.Password", t["Field.Required"]);
        if (!ModelState.IsValid)
            return Page();

        var outcome = await lookup.SignInAsync(Input.Identifier, Input.Password, Input.RememberMe);
        switch (outcome)
        {
            case SignInLookup.Outcome.Succeeded:
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
            case SignInLookup.Outcome.RequiresTwoFactor:
                return RedirectToPage("/Account/LoginTwoFactor", new { ReturnUrl = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/", Input.RememberMe });
            default:
                // Locked or wrong, the same words: only an existing account can be locked.
                ModelState.AddModelError(string.Empty, t["Login.Failed"]);
                ModelState.AddModelError(string.Empty, t["Login.LockedOut"]);
                return Page();
        }
    }
}
