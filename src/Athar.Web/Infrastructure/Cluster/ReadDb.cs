using Athar.Data;
using Athar.Data.Infrastructure;

namespace Athar.Web.Infrastructure.Cluster;

/// <summary>
/// The context for reads that may lag the primary by a moment: the hot standby when one is configured, the
/// primary otherwise. A visitor who has just written something (see <see cref="RecentWriter"/>) reads from
/// the primary for a few seconds, so they always see their own change.
/// </summary>
public sealed class ReadDb(AtharDbContext primary, IHttpContextAccessor http, ReadReplica? replica = null) : IAsyncDisposable
{
    private AtharDbContext? _replicaContext;

    public AtharDbContext Context =>
        replica is null || RecentWriter.IsRecentWriter(http.HttpContext)
            ? primary
            : _replicaContext ??= replica.CreateContext();

    public bool OnReplica => _replicaContext is not null;

    public async ValueTask DisposeAsync()
    {
        if (_replicaContext is not null)
            await _replicaContext.DisposeAsync();
    }
}

/// <summary>
/// A short-lived cookie set on every successful write (POST, PUT, PATCH, DELETE): its holder's reads go to the
/// primary until it expires, which is longer than the standby's usual replay lag. Stateless, so it works
/// whichever node the next request reaches.
/// </summary>
public static class RecentWriter
{
    public const string CookieName = "athar.rw";

    public static bool IsRecentWriter(HttpContext? context) => context?.Request.Cookies.ContainsKey(CookieName) == true;

    public static WebApplication UseRecentWriterCookie(this WebApplication app, TimeSpan readYourWritesWindow)
    {
        app.Use((context, next) =>
        {
            if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method) && !HttpMethods.IsOptions(context.Request.Method))
            {
                context.Response.OnStarting(() =>
                {
                    if (context.Response.StatusCode < 400)
                        context.Response.Cookies.Append(CookieName, "1", new CookieOptions
                        {
                            MaxAge = readYourWritesWindow,
                            HttpOnly = true,
                            SameSite = SameSiteMode.Lax,
                            Secure = context.Request.IsHttps,
                            IsEssential = true,
                        });
                    return Task.CompletedTask;
                });
            }
            return next(context);
        });
        return app;
    }
}
