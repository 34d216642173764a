using Athar.Web.Security;
using Microsoft.AspNetCore.Mvc;

namespace Athar.Web.Features.Recognition;

/// <summary>The volunteer's tier and badges as a card, for the profile and the record (one line in each page).</summary>
public sealed class RecognitionCardViewComponent(RecognitionQueries queries) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        if (UserClaimsPrincipal.UserId() is not { } userId || !UserClaimsPrincipal.IsInRole(Core.Accounts.Roles.Volunteer))
            return Content(string.Empty);
        var summary = await queries.ForAsync(userId, HttpContext.RequestAborted);
        return View("/Features/Recognition/_RecognitionCard.cshtml", summary);
    }
}
