using Athar.Web.Localization;

namespace Athar.Web.Features.Language;

public static class LanguageEndpoints
{
    /// <summary>The visible language switch: a plain link, so it works without JavaScript.</summary>
    public static IEndpointRouteBuilder MapLanguageEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/language/{language}", (string language, string? returnUrl, HttpContext http) =>
            {
                var chosen = AtharCultures.Language(AtharCultures.FromLanguage(language));
                http.Response.Cookies.Append(AtharCultures.CookieName, chosen, new CookieOptions
                {
                    MaxAge = TimeSpan.FromDays(365),
                    IsEssential = true,
                    HttpOnly = true,
                    SameSite = SameSiteMode.Lax,
                    Secure = http.Request.IsHttps,
                });
                // Only local return URLs: the switch must not become an open redirect.
                var target = !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
                    ? returnUrl
                    : "/";
                return TypedResults.LocalRedirect(target);
            })
            .AllowAnonymous()
            .ExcludeFromDescription();
        return app;
    }
}
