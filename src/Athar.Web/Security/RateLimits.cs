using System.Globalization;
using System.Threading.RateLimiting;
using Athar.Web.Infrastructure.Cluster;
using Microsoft.AspNetCore.RateLimiting;
using StackExchange.Redis;

namespace Athar.Web.Security;

/// <summary>One limit: so many requests per window from one client address.</summary>
public sealed class RateLimitRule
{
    public int Permits { get; set; }
    public int WindowSeconds { get; set; }
}

/// <summary>Configuration section <c>Athar:RateLimits</c>. The defaults suit a national login page behind carrier NAT.</summary>
public sealed class RateLimitSettings
{
    public bool Enabled { get; set; } = true;
    public RateLimitRule SignIn { get; set; } = new() { Permits = 20, WindowSeconds = 60 };
    public RateLimitRule Registration { get; set; } = new() { Permits = 10, WindowSeconds = 600 };
    public RateLimitRule PasswordReset { get; set; } = new() { Permits = 5, WindowSeconds = 900 };
    public RateLimitRule Verification { get; set; } = new() { Permits = 60, WindowSeconds = 60 };
    public RateLimitRule Search { get; set; } = new() { Permits = 120, WindowSeconds = 60 };

    /// <summary>Per signed-in account, on top of the address limit: guesses of the current password from many addresses.</summary>
    public RateLimitRule CurrentPassword { get; set; } = new() { Permits = 10, WindowSeconds = 900 };
}

/// <summary>
/// Endpoint metadata: besides its per-address policy, the endpoint is limited per signed-in account (its user id), so a
/// stolen session cannot guess the account's current password from a pool of addresses.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class PerAccountRateLimitAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}

/// <summary>
/// Abuse limits on the endpoints an attacker hammers: sign-in, registration and password reset (only the
/// submissions count: reading the form is free), and the lookups that could be scraped (document verification
/// and opportunity search). Per client address, fixed windows. Account lockout (Identity) protects each account
/// on top of this. Across several app nodes the windows live in Redis when <c>Athar:Cluster:Redis</c> is set
/// (<see cref="RedisFixedWindowLimiter"/>); without it each node keeps its own. Behind nginx, set
/// <c>Athar:Cluster:KnownProxies</c> so the client address is the visitor's, not the proxy's.
/// A refused request gets 429 with Retry-After: ProblemDetails on the API, the error page in the browser.
/// </summary>
public static class RateLimits
{
    public const string SignIn = "sign-in";
    public const string Registration = "registration";
    public const string PasswordReset = "password-reset";
    public const string Verification = "verification";
    public const string Search = "search";
    public const string CurrentPassword = "current-password";

    public static IServiceCollection AddAtharRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection("Athar:RateLimits").Get<RateLimitSettings>() ?? new RateLimitSettings();
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            Add(options, SignIn, settings.SignIn, settings.Enabled, submissionsOnly: true);
            Add(options, Registration, settings.Registration, settings.Enabled, submissionsOnly: true);
            Add(options, PasswordReset, settings.PasswordReset, settings.Enabled, submissionsOnly: true);
            Add(options, Verification, settings.Verification, settings.Enabled, submissionsOnly: false);
            Add(options, Search, settings.Search, settings.Enabled, submissionsOnly: false);
            options.OnRejected = (context, _) =>
            {
                Reject(context.HttpContext, context.Lease, context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName);
                return ValueTask.CompletedTask;
            };
        });
        services.AddSingleton(_ => new AccountRateLimiter(PartitionedRateLimiter.Create<HttpContext, string>(http => settings.Enabled
            ? Partition(http, CurrentPassword, http.User.UserId()?.ToString() ?? "unknown", settings.CurrentPassword)
            : RateLimitPartition.GetNoLimiter("free"))));
        return services;
    }

    /// <summary>
    /// The per-account limits (<see cref="PerAccountRateLimitAttribute"/>). After authentication: the address limits run
    /// before it (cheap refusals), so they cannot see who is signed in.
    /// </summary>
    public static IApplicationBuilder UseAccountRateLimits(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (http.GetEndpoint()?.Metadata.GetMetadata<PerAccountRateLimitAttribute>() is { } limit && http.User.UserId() is not null && IsSubmission(http.Request))
        {
            using var lease = await http.RequestServices.GetRequiredService<AccountRateLimiter>().Limiter.AcquireAsync(http, cancellationToken: http.RequestAborted);
            if (!lease.IsAcquired)
            {
                Reject(http, lease, limit.Name);
                http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                return;
            }
        }
        await next(http);
    });

    private static void Reject(HttpContext http, RateLimitLease lease, string? limit)
    {
        http.RateLimited(limit);
        if (lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
            http.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        // The body is left empty: the status-code pages turn it into ProblemDetails (API) or the error page.
    }

    private static bool IsSubmission(HttpRequest request) => !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method);

    private static void Add(RateLimiterOptions options, string name, RateLimitRule rule, bool enabled, bool submissionsOnly) =>
        options.AddPolicy(name, http => !enabled || (submissionsOnly && !IsSubmission(http.Request))
            ? RateLimitPartition.GetNoLimiter("free")
            : Partition(http, name, http.Connection.RemoteIpAddress?.ToString() ?? "unknown", rule));

    private static RateLimitPartition<string> Partition(HttpContext http, string name, string client, RateLimitRule rule)
    {
        var window = TimeSpan.FromSeconds(rule.WindowSeconds);
        // With Redis configured (several app nodes), the window is shared by all nodes; otherwise it is this node's.
        if (http.RequestServices.GetService<IConnectionMultiplexer>() is { } redis)
            return RateLimitPartition.Get(client, key => new RedisFixedWindowLimiter(redis, $"athar:rl:{name}:{key}", rule.Permits, window,
                http.RequestServices.GetRequiredService<TimeProvider>(), http.RequestServices.GetRequiredService<ILogger<RedisFixedWindowLimiter>>()));
        return RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = rule.Permits,
            Window = window,
            QueueLimit = 0,
        });
    }

}

/// <summary>The per-account limiter, one per app (its windows outlive requests).</summary>
public sealed class AccountRateLimiter(PartitionedRateLimiter<HttpContext> limiter) : IDisposable
{
    public PartitionedRateLimiter<HttpContext> Limiter { get; } = limiter;

    public void Dispose() => Limiter.Dispose();
}
