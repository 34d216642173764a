using Microsoft.AspNetCore.StaticAssets;
using Microsoft.Net.Http.Headers;

namespace Athar.Web.Infrastructure;

/// <summary>
/// No browser, proxy or shared-computer cache may keep a response made for a signed-in person (cookie or bearer):
/// it can show their profile, national ID, hours or documents. Static files keep their own long caching, and
/// anonymous public pages are left as they are, apart from the few that show a person's name.
/// </summary>
public static class PersonalResponseCaching
{
    public const string NoStore = "no-store";

    /// <summary>Anonymous pages and API routes that still show a person's name: document verification and the guardian's consent link.</summary>
    private static readonly PathString[] PersonalAnonymousPaths = ["/verify", "/api/v1/verify", "/guardian"];

    private static bool IsPersonal(HttpContext context) =>
        context.User.Identity?.IsAuthenticated == true
        || PersonalAnonymousPaths.Any(p => context.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase));

    public static IApplicationBuilder UseNoStoreForSignedInResponses(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                // Read when the response starts: bearer callers are only authenticated by the authorisation step.
                if (IsPersonal(context) && context.GetEndpoint()?.Metadata.GetMetadata<StaticAssetDescriptor>() is null)
                {
                    context.Response.Headers.CacheControl = NoStore;
                    context.Response.Headers.Pragma = "no-cache";
                    context.Response.Headers.Remove(HeaderNames.Expires);
                }
                return Task.CompletedTask;
            });
            await next();
        });
}
