using Athar.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Athar.Web.Features.Account;

/// <summary>Where the person is signed in (browsers and API tokens); end one, or every one but this browser.</summary>
[Authorize]
public sealed class SessionsModel(SessionTracker tracker) : PageModel
{
    public IReadOnlyList<SessionItem> Sessions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (User.UserId() is not { } userId)
            return NotFound();
        Sessions = await tracker.ListAsync(userId, SessionTracker.IdOf(User));
        return Page();
    }

    public async Task<IActionResult> OnPostEndAsync(Guid id)
    {
        if (User.UserId() is not { } userId || !await tracker.EndOwnAsync(HttpContext, userId, id))
            return NotFound();
        TempData["Status"] = "Sessions.Ended";
        return LocalRedirect("/account/sessions");
    }

    public async Task<IActionResult> OnPostEndOthersAsync()
    {
        if (User.UserId() is not { } userId)
            return NotFound();
        await tracker.EndOthersAsync(userId, SessionTracker.IdOf(User));
        TempData["Status"] = "Sessions.OthersEnded";
        return LocalRedirect("/account/sessions");
    }
}
