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
                await SaveClaimAsync(db, ct);
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
    /// On PostgreSQL the claim commits without waiting for its WAL flush (<c>synchronous_commit = off</c> for this
    /// transaction only): one flush fewer per keyed request, of three (claim, work, completion). Nothing acknowledged
    /// depends on it: the WAL is one sequence, so the handler's own commit (or the completion's), which waits for its
    /// flush before the client gets an answer, makes the earlier claim durable with it. A crash before that loses a claim
    /// whose request was never answered; its retry runs afresh, as it would have after a crash before the claim. Other
    /// nodes see the claim at commit, flushed or not.
    /// </summary>
    private static async Task SaveClaimAsync(AtharDbContext db, CancellationToken ct)
    {
        if (db.Database.IsSqlite())
        {
            await db.SaveChangesAsync(ct);
            return;
        }
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.Database.ExecuteSqlRawAsync("SET LOCAL synchronous_commit = off", ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        });
    }

    public async Task CompleteAsync(string scope, string key, int status, string? contentType, string? location, byte[] body, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(ct);
        await db.IdempotentRequests
            .Where(r => r.Scope == scope && r.Key == key)
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.StatusCode, status)
                .SetProperty(r => r.ContentType, contentType)
                .SetProperty(r => r.Location, string.IsNullOrEmpty(location) ? null : location)
                .SetProperty(r => r.Body, body)
                .SetProperty(r => r.CompletedAt, now), ct);
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
