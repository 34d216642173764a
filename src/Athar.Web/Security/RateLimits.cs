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
                context.HttpContext.RateLimited(context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName);
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                    context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                // The body is left empty: the status-code pages turn it into ProblemDetails (API) or the error page.
                return ValueTask.CompletedTask;
            };
        });
        return services;
    }

    private static void Add(RateLimiterOptions options, string name, RateLimitRule rule, bool enabled, bool submissionsOnly) =>
        options.AddPolicy(name, http =>
        {
            if (!enabled || (submissionsOnly && (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))))
                return RateLimitPartition.GetNoLimiter("free");
            var client = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
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
        });
}
