using System.Collections.Concurrent;
using Athar.Data;
using Athar.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Athar.Web.Features.Privacy;

/// <summary>
/// Keeps each account's LastSeenAt, from which the inactivity retention counts: any signed-in request (page or
/// API) counts, written at most once an hour per person and node. An erased account's request is refused here
/// too, so a bearer token issued before the erasure stops working on this node at once.
/// <para>
/// What it remembers is bounded: every <paramref name="pruneEvery"/> writes it forgets the people it wrote more than an
/// hour ago (they would be written on their next request anyway), so a node holds about one hour's signed-in people,
/// not everyone who ever signed in on it (1.2 million at national scale).
/// </para>
/// </summary>
public sealed class ActivityTracker(TimeProvider clock, int pruneEvery = 10_000)
{
    private static readonly TimeSpan Granularity = TimeSpan.FromHours(1);
    private readonly ConcurrentDictionary<Guid, DateTimeOffset> _written = new();
    private int _writesSincePrune;

    /// <summary>People this node remembers having written (diagnostics and tests).</summary>
    public int Remembered => _written.Count;

    public void Forget(Guid userId) => _written.TryRemove(userId, out _);

    /// <returns>False when the account has been erased.</returns>
    public async Task<bool> TouchAsync(Guid userId, AtharDbContext db, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (_written.TryGetValue(userId, out var last) && now - last < Granularity)
            return true;
        var touched = await db.Users.Where(u => u.Id == userId && u.ErasedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.LastSeenAt, now), cancellationToken);
        if (touched == 0)
            return false;
        _written[userId] = now;
        if (Interlocked.Increment(ref _writesSincePrune) >= pruneEvery)
        {
            Interlocked.Exchange(ref _writesSincePrune, 0);
            foreach (var entry in _written)
            {
                if (now - entry.Value >= Granularity)
                    _written.TryRemove(entry);
            }
        }
        return true;
    }
}

public static class ActivityTrackingMiddleware
{
    /// <summary>After authentication: records activity, and answers 401 for an account erased while signed in.</summary>
    public static IApplicationBuilder UsePrivacyActivityTracking(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.User.UserId() is { } userId)
        {
            var tracker = context.RequestServices.GetRequiredService<ActivityTracker>();
            var db = context.RequestServices.GetRequiredService<AtharDbContext>();
            if (!await tracker.TouchAsync(userId, db, context.RequestAborted))
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return;
            }
        }
        await next();
    });
}
