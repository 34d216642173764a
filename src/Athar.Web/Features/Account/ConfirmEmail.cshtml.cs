using Athar.Data.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Athar.Web.Features.Account;

[AllowAnonymous]
public sealed class ConfirmEmailModel(UserManager<AtharUser> users) : PageModel
{
    public bool Confirmed { get; private set; }

    public async Task OnGetAsync(Guid userId, string? code)
    {
        var token = AccountMessages.Decode(code);
        var user = token is null ? null : await users.FindByIdAsync(userId.ToString());
        Confirmed = user is not null && (await users.ConfirmEmailAsync(user, token!)).Succeeded;
    }
}
