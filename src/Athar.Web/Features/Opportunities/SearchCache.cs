using System.Globalization;
using Athar.Web.Infrastructure;
using Athar.Web.Infrastructure.Cluster;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Primitives;

namespace Athar.Web.Features.Opportunities;

/// <summary>Section <c>Athar:SearchCache</c>: how long an anonymous search answer is kept in this node's memory.</summary>
public sealed class SearchCacheOptions
{
    /// <summary>0 switches the cache off (the integration tests do, apart from the cache's own tests).</summary>
    public int Seconds { get; set; } = 30;

    /// <summary>
    /// Upper bound of the cached bodies; entries beyond it are not kept (server memory target: 500 MB). 16 MB holds the
    /// peak-day crowd's searches (a few hundred pages of ~50 KB, or a thousand API answers of ~15 KB). At 64 MB the
    /// bodies of one-off searches were two thirds of the live heap under load, each dying old after 30 s, and the
    /// collector's committed memory grew with them (bench/results/2026-12-07-memory-profile.md).
    /// </summary>
    public int SizeLimitMegabytes { get; set; } = 16;
}

/// <summary>
/// Anonymous searches (the page and the API) are answered from the node's memory for a few seconds: the same
/// words, filters, sort, cursor and culture give the same answer to every visitor, and most of a search's cost is
/// the database's. Nothing made for a signed-in person is stored or served from it (their navigation differs and
/// bearer callers may see drafts elsewhere), nor anything for a visitor who has just written (read-your-writes).
/// Each node has its own cache: a change is visible everywhere within <see cref="SearchCacheOptions.Seconds"/>,
/// and at once on the node that made it (<see cref="OpportunitySearchCache.EvictAsync"/>). Seats shown may lag
/// by as long; applying still checks seats in the database.
/// </summary>
public static class SearchCache
{
    public const string Policy = "opportunity-search";
    public const string Tag = "opportunity-search";

    public static IServiceCollection AddSearchCache(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection("Athar:SearchCache").Get<SearchCacheOptions>() ?? new SearchCacheOptions();
        services.AddOutputCache(o =>
        {
            o.SizeLimit = options.SizeLimitMegabytes * 1024L * 1024L;
            o.AddPolicy(Policy, new AnonymousSearchPolicy(TimeSpan.FromSeconds(options.Seconds)));
        });
        services.AddSingleton<OpportunitySearchCache>();
        return services;
    }

    private sealed class AnonymousSearchPolicy(TimeSpan duration) : IOutputCachePolicy
    {
        public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            var http = context.HttpContext;
            var cacheable = duration > TimeSpan.Zero
                && (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
                && !IsPersonal(http)
                && !RecentWriter.IsRecentWriter(http)
                // A visitor with a status message waiting must see it, not a page cached for everyone.
                && !TempDataCookie.IsPresent(http);
            context.EnableOutputCaching = true;
            context.AllowCacheLookup = cacheable;
            context.AllowCacheStorage = cacheable;
            // Concurrent misses on one key wait for the first instead of each asking the database.
            context.AllowLocking = true;
            context.ResponseExpirationTimeSpan = duration;
            context.CacheVaryByRules.QueryKeys = "*";
            // The culture comes from a cookie, the query or Accept-Language: vary by the one the request resolved to.
            context.CacheVaryByRules.VaryByValues["culture"] = CultureInfo.CurrentUICulture.Name;
            context.Tags.Add(Tag);
            return ValueTask.CompletedTask;
        }

        public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

        public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            var http = context.HttpContext;
            // Checked again on the way out: a bearer caller is only authenticated by the authorisation step, and a
            // response that sets a cookie belongs to one browser.
            if (http.Response.StatusCode != StatusCodes.Status200OK
                || !StringValues.IsNullOrEmpty(http.Response.Headers.SetCookie)
                || IsPersonal(http))
                context.AllowCacheStorage = false;
            return ValueTask.CompletedTask;
        }

        private static bool IsPersonal(HttpContext http) =>
            http.User.Identity?.IsAuthenticated == true || !StringValues.IsNullOrEmpty(http.Request.Headers.Authorization);
    }
}

/// <summary>Drops this node's cached searches after an opportunity changes how it appears in them.</summary>
public sealed class OpportunitySearchCache(IOutputCacheStore store)
{
    public ValueTask EvictAsync(CancellationToken cancellationToken = default) => store.EvictByTagAsync(SearchCache.Tag, cancellationToken);
}
