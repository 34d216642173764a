using Athar.Core.Organizations;
using Athar.Data.Accounts;
using Athar.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Athar.Web.Features.Organizations;

/// <summary>Any signed-in person registers an organisation and becomes its first admin; it waits for verification.</summary>
[Authorize]
public sealed class RegisterModel(RegisterOrganization register, OrganizationsMessages messages, UserManager<AtharUser> users, SignInManager<AtharUser> signIn) : PageModel
{
    [BindProperty]
    public OrganizationRegistrationInput Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            messages.AddFieldErrors(ModelState, RegisterOrganization.Check(Input));
            return Page();
        }
        var result = await register.RegisterAsync(User.RequiredUserId(), Input, cancellationToken);
        if (!result.Succeeded)
        {
            messages.AddFieldErrors(ModelState, result.Errors);
            return Page();
        }
        // The admin role was just granted: re-issue the cookie so the staff pages open at once.
        if (await users.GetUserAsync(User) is { } user)
            await signIn.RefreshSignInAsync(user);
        TempData["OrgMessage"] = "Register.Done";
        return LocalRedirect($"/org/{result.OrganizationId}");
    }
}
