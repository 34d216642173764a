using Athar.Data.Accounts;
using Athar.Data;
using Athar.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Athar.Web.Features.Account;

[AllowAnonymous]
[EnableRateLimiting(RateLimits.PasswordReset)]
public sealed class ForgotPasswordModel(UserManager<AtharUser> users, AccountMessages messages, AtharDbContext db) : PageModel
{
    [BindProperty]
    public string? Email { get; set; }

    public bool Sent { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        // The same answer whether or not the address has an account: no enumeration.
        var user = !string.IsNullOrWhiteSpace(Email) && Email.Length <= 256 ? await users.FindByEmailAsync(Email.Trim()) : null;
        HttpContext.PasswordResetRequested(user?.Id);
        if (user is not null)
        {
            await messages.QueuePasswordResetAsync(user);
            await db.SaveChangesAsync();
        }
        Sent = true;
        return Page();
    }
}
