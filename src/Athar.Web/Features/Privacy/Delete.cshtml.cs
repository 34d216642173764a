using Athar.Data.Accounts;
using Athar.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Athar.Web.Features.Privacy;

/// <summary>Deleting one's own account: the password again and an explicit confirmation, then signed out for good.</summary>
[Authorize]
public sealed class DeleteModel(DeleteAccount delete, SignInManager<AtharUser> signIn, IStringLocalizer<PrivacyText> l) : PageModel
{
    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public bool Confirm { get; set; }

    public bool Deleted { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        switch (await delete.DeleteAsync(User.RequiredUserId(), Password, Confirm, cancellationToken))
        {
            case DeleteAccount.Outcome.Deleted:
                await signIn.SignOutAsync();
                Deleted = true;
                return Page();
            case DeleteAccount.Outcome.NotConfirmed:
                ModelState.AddModelError(nameof(Confirm), l["Delete.ConfirmRequired"]);
                return Page();
            default:
                ModelState.AddModelError(nameof(Password), l["Delete.WrongPassword"]);
                return Page();
        }
    }
}
