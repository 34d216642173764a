using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Athar.Web.Infrastructure;

/// <summary>
/// Whether the request carries a status message kept for it (TempData lives in a cookie). The layout reads TempData
/// only then: reading it otherwise makes every page answer with a Set-Cookie that deletes an absent cookie, and a
/// response that sets a cookie is never shared from the search cache.
/// </summary>
public static class TempDataCookie
{
    public static bool IsPresent(HttpContext context) =>
        context.Request.Cookies.ContainsKey(
            context.RequestServices.GetRequiredService<IOptions<CookieTempDataProviderOptions>>().Value.Cookie.Name!);
}
