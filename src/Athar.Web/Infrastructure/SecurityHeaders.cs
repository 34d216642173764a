namespace Athar.Web.Infrastructure;

/// <summary>
/// Headers on every response. The CSP allows no inline script and nothing from another origin:
/// every script and style is served by the app itself. <c>base-uri 'none'</c>: no page uses a base element, so an
/// injected one cannot redirect the relative script and form addresses (ASVS 3.4.3).
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// The interactive API reference (Scalar) boots from one inline module script; only that page,
    /// which shows no personal data, allows inline script. Everything still comes from this origin.
    /// </summary>
    public const string ApiReferencePolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public const string ApiReferencePath = "/api-docs";

    public static IApplicationBuilder UseAtharSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments(ApiReferencePath, StringComparison.OrdinalIgnoreCase)
                    ? ApiReferencePolicy
                    : ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                headers["Permissions-Policy"] = "camera=(self), geolocation=(self), microphone=()";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                return Task.CompletedTask;
            });
            await next();
        });
}
