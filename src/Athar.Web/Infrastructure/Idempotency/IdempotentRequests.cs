using Athar.Data;
using Athar.Data.Idempotency;
using Microsoft.EntityFrameworkCore;

namespace Athar.Web.Infrastructure.Idempotency;

public enum ClaimOutcome
{
    /// <summary>This request runs the handler.</summary>
    Claimed,

    /// <summary>The same request already completed: send its response again.</summary>
    Replay,

    /// <summary>The key was used for a different request.</summary>
    Mismatch,

    /// <summary>The same request is running now (on this node or another).</summary>
    InProgress,
}

public sealed record Claim(ClaimOutcome Outcome, IdempotentRequest? Previous = null);

/// <summary>
/// The idempotency records. Each operation uses its own short-lived context from the factory, apart from
/// the request's, so a handler's failed or pending changes never mix with the claim.
/// </summary>
public sealed class IdempotentRequests(IDbContextFactory<AtharDbContext> contexts, TimeProvider clock)
{
    public static readonly TimeSpan Retention = TimeSpan.FromHours(24);

    public async Task<Claim> ClaimAsync(string scope, string key, string fingerprint, TimeSpan lease, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            db.IdempotentRequests.Add(new IdempotentRequest { Scope = scope, Key = key, Fingerprint = fingerprint, ClaimedAt = now });
            try
            {
                await SaveWithoutFlushAsync(db, () => db.SaveChangesAsync(ct), ct);
                return new Claim(ClaimOutcome.Claimed);
            }
            catch (DbUpdateException)
            {
                // The key is taken: by this same request earlier (replay), a running one, or another request.
            }
        }
        await using var read = await contexts.CreateDbContextAsync(ct);
        var existing = await read.IdempotentRequests.AsNoTracking().SingleOrDefaultAsync(r => r.Scope == scope && r.Key == key, ct);
        if (existing is null)
            return new Claim(ClaimOutcome.InProgress); // released between our insert and this read: the caller retries
        if (existing.Fingerprint != fingerprint)
            return new Claim(ClaimOutcome.Mismatch);
        if (existing.CompletedAt is not null)
            return new Claim(ClaimOutcome.Replay, existing);
        if (existing.ClaimedAt > now - lease)
            return new Claim(ClaimOutcome.InProgress);
        // The first attempt's node died mid-request: take the lapsed claim over, once.
        var taken = await read.IdempotentRequests
            .Where(r => r.Scope == scope && r.Key == key && r.CompletedAt == null && r.ClaimedAt == existing.ClaimedAt)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.ClaimedAt, now), ct);
        return new Claim(taken == 1 ? ClaimOutcome.Claimed : ClaimOutcome.InProgress);
    }

    /// <summary>
    /// On PostgreSQL the claim and the completion commit without waiting for their WAL flush (<c>synchronous_commit =
    /// off</c> for their transaction only), so a keyed request waits for one flush, its handler's, instead of three.
    /// <list type="bullet">
    /// <item>The claim: the WAL is one sequence, so the handler's commit, which waits for its flush before the client gets
    /// an answer, makes the earlier claim durable with it. A crash before that loses a claim whose request was never
    /// answered; its retry runs afresh, as it would have after a crash before the claim.</item>
    /// <item>The completion: the handler's work is already durable and its answer already streaming to the client
    /// (<see cref="IdempotencyMiddleware"/>), so a crash that loses an unflushed completion leaves what a crash between
    /// the handler's commit and a flushed completion always left: the claim lapses after the lease and a retry runs the
    /// handler again, where the platform's unique rules keep the write single. Only the window is wider (the WAL writer
    /// flushes within a fraction of a second).</item>
    /// </list>
    /// Other nodes see both at commit, flushed or not. SQLite has no such setting and keeps its durable commits.
    /// </summary>
    private static async Task SaveWithoutFlushAsync(AtharDbContext db, Func<Task> save, CancellationToken ct)
    {
        if (db.Database.IsSqlite())
        {
            await save();
            return;
        }
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.Database.ExecuteSqlRawAsync("SET LOCAL synchronous_commit = off", ct);
            await save();
            await transaction.CommitAsync(ct);
        });
    }

    public async Task CompleteAsync(string scope, string key, int status, string? contentType, string? location, byte[] body, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(ct);
        await SaveWithoutFlushAsync(db, () => db.IdempotentRequests
            .Where(r => r.Scope == scope && r.Key == key)
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.StatusCode, status)
                .SetProperty(r => r.ContentType, contentType)
                .SetProperty(r => r.Location, string.IsNullOrEmpty(location) ? null : location)
                .SetProperty(r => r.Body, body)
                .SetProperty(r => r.CompletedAt, now), ct), ct);
    }

    /// <summary>Forgets an unfinished claim (the handler failed), so a retry runs again.</summary>
    public async Task ReleaseAsync(string scope, string key, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await db.IdempotentRequests.Where(r => r.Scope == scope && r.Key == key && r.CompletedAt == null).ExecuteDeleteAsync(ct);
    }

    /// <summary>Deletes records older than <see cref="Retention"/>; a key may be reused after that.</summary>
    public async Task<int> ForgetExpiredAsync(CancellationToken ct)
    {
        var before = clock.GetUtcNow() - Retention;
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.IdempotentRequests.Where(r => r.ClaimedAt < before).ExecuteDeleteAsync(ct);
    }
}

/// <summary>Forgets expired idempotency records every hour (a plain delete: safe on several nodes at once).</summary>
public sealed class IdempotencyCleanupJob(IdempotentRequests requests, TimeProvider clock, ILogger<IdempotencyCleanupJob> logger) : PeriodicJob(clock, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromHours(1);

    public override Task RunOnceAsync(CancellationToken cancellationToken = default) => requests.ForgetExpiredAsync(cancellationToken);
}
