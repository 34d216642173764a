using System.Globalization;
using System.Threading.RateLimiting;
using StackExchange.Redis;

namespace Athar.Web.Infrastructure.Cluster;

/// <summary>
/// A fixed-window limit whose count lives in Redis, so every app node draws on the same window: one INCR per
/// request on a key per (policy, client, window) that expires with the window. Redis does the counting
/// atomically; a node only asks. If Redis cannot be reached the request is let through (and logged): the
/// limits keep abuse down, they are not what keeps the platform up.
/// </summary>
public sealed class RedisFixedWindowLimiter(IConnectionMultiplexer redis, string key, int permits, TimeSpan window, TimeProvider clock, ILogger logger) : RateLimiter
{
    private const string CountScript = "local n = redis.call('INCR', KEYS[1]) if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end return n";

    private long _lastUsedTicks = clock.GetTimestamp();

    public override TimeSpan? IdleDuration => clock.GetElapsedTime(Interlocked.Read(ref _lastUsedTicks));

    public override RateLimiterStatistics? GetStatistics() => null;

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        var (windowKey, retryAfter) = CurrentWindow();
        try
        {
            return Decide((long)redis.GetDatabase().ScriptEvaluate(CountScript, [windowKey], [(long)window.TotalMilliseconds]), retryAfter);
        }
        catch (RedisException ex)
        {
            return Unavailable(ex);
        }
    }

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        var (windowKey, retryAfter) = CurrentWindow();
        try
        {
            return Decide((long)await redis.GetDatabase().ScriptEvaluateAsync(CountScript, [windowKey], [(long)window.TotalMilliseconds]), retryAfter);
        }
        catch (RedisException ex)
        {
            return Unavailable(ex);
        }
    }

    private (RedisKey Key, TimeSpan RetryAfter) CurrentWindow()
    {
        Interlocked.Exchange(ref _lastUsedTicks, clock.GetTimestamp());
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var length = (long)window.TotalMilliseconds;
        var index = now / length;
        return ($"{key}:{index.ToString(CultureInfo.InvariantCulture)}", TimeSpan.FromMilliseconds(((index + 1) * length) - now));
    }

    private Lease Decide(long count, TimeSpan retryAfter) => count <= permits ? Lease.Granted : new Lease(false, retryAfter);

    private Lease Unavailable(RedisException ex)
    {
        logger.LogWarning(ex, "Redis unreachable; rate limit {Key} not applied", key);
        return Lease.Granted;
    }

    private sealed class Lease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public static readonly Lease Granted = new(true, null);

        public override bool IsAcquired { get; } = acquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = metadataName == MetadataName.RetryAfter.Name ? retryAfter : null;
            return metadata is not null;
        }
    }
}
