using Athar.Web.Infrastructure.Cluster;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Athar.Web.Infrastructure;

/// <summary>Section <c>Athar:DashboardCache</c>: how long computed dashboard figures are kept in this node's memory.</summary>
public sealed class DashboardCacheOptions
{
    /// <summary>0 switches the cache off (the integration tests do, apart from the cache's own tests).</summary>
    public int Seconds { get; set; } = 30;

    /// <summary>How many sets of figures (scope × filters × culture) a node keeps at most; the least recently used go first.</summary>
    public int MaxEntries { get; set; } = 2000;
}

/// <summary>Figures as computed, and when: the page says "figures as of" that moment.</summary>
public sealed record CachedFigures<T>(T Value, DateTimeOffset ComputedAt);

/// <summary>
/// Dashboard figures computed once per key and node for a few seconds (issue #6/#7: under 64 connections a national
/// dashboard cost ~80 ms of CPU per request even with every query flat, and every request computed the same figures).
/// The caller builds the key from everything the figures depend on: the viewer's scope as locked, every filter and the
/// culture the tables are labelled in, and checks access before asking, so viewers with different access never
/// share an entry. Concurrent misses on one key wait for the first computation instead of each asking the database.
/// A person who has just written (the read-your-writes cookie) gets figures computed now, which then serve the others.
/// </summary>
public sealed class DashboardCache(IOptions<DashboardCacheOptions> options, TimeProvider clock, IHttpContextAccessor http) : IDisposable
{
    private readonly MemoryCache _memory = new(new MemoryCacheOptions { SizeLimit = Math.Max(1, options.Value.MaxEntries) });
    private readonly Lock _gate = new();

    public TimeSpan Lifetime => TimeSpan.FromSeconds(Math.Max(0, options.Value.Seconds));

    public async Task<CachedFigures<T>> GetOrComputeAsync<T>(string key, Func<CancellationToken, Task<T>> compute, CancellationToken ct)
    {
        var lifetime = Lifetime;
        if (lifetime == TimeSpan.Zero)
            return await ComputeAsync(compute, ct);

        TaskCompletionSource<CachedFigures<T>>? mine = null;
        Task<CachedFigures<T>> shared;
        lock (_gate)
        {
            if (!RecentWriter.IsRecentWriter(http.HttpContext) && _memory.TryGetValue(key, out Task<CachedFigures<T>>? kept) && !IsStale(kept!, lifetime))
                shared = kept!;
            else
            {
                mine = new TaskCompletionSource<CachedFigures<T>>(TaskCreationOptions.RunContinuationsAsynchronously);
                shared = mine.Task;
                // Expiry is judged against the TimeProvider (IsStale); the memory cache's own expiry only frees the entry.
                _memory.Set(key, shared, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = lifetime });
            }
        }

        if (mine is null)
        {
            try
            {
                return await shared.WaitAsync(ct);
            }
            catch when (!ct.IsCancellationRequested && (shared.IsFaulted || shared.IsCanceled))
            {
                // The request computing them failed or went away: this one computes its own.
                return await ComputeAsync(compute, ct);
            }
        }

        try
        {
            var figures = await ComputeAsync(compute, ct);
            mine.SetResult(figures);
            return figures;
        }
        catch (Exception e)
        {
            lock (_gate)
            {
                if (_memory.TryGetValue(key, out Task<CachedFigures<T>>? kept) && kept == shared)
                    _memory.Remove(key);
            }
            if (e is OperationCanceledException)
                mine.SetCanceled(CancellationToken.None);
            else
                mine.SetException(e);
            throw;
        }
    }

    private async Task<CachedFigures<T>> ComputeAsync<T>(Func<CancellationToken, Task<T>> compute, CancellationToken ct)
    {
        // The moment the figures were read from, not the moment they were finished.
        var at = clock.GetUtcNow();
        return new CachedFigures<T>(await compute(ct), at);
    }

    private bool IsStale<T>(Task<CachedFigures<T>> kept, TimeSpan lifetime) =>
        kept.IsCompletedSuccessfully && clock.GetUtcNow() - kept.Result.ComputedAt >= lifetime;

    public void Dispose() => _memory.Dispose();
}
