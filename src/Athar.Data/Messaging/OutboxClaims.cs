using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Athar.Data.Messaging;

/// <summary>One message a dispatcher holds until its lease ends; <see cref="Attempts"/> is its fencing token.</summary>
public sealed record ClaimedMessage(long Id, int Attempts);

/// <summary>
/// Hands out due outbox messages to one dispatcher at a time, so several app nodes can dispatch together.
/// A claim is one UPDATE that moves the message's next attempt to the end of a lease and counts the attempt:
/// no other node sees it as due until the lease ends, and if the claiming node dies mid-send the message
/// becomes due again when the lease runs out (nothing is lost). On PostgreSQL the candidates are locked with
/// FOR UPDATE SKIP LOCKED, so concurrent dispatchers take disjoint batches instead of queueing on each other;
/// SQLite serialises writers, so its single statement is already exclusive.
/// </summary>
public static class OutboxClaims
{
    private static readonly DateTimeOffsetToBinaryConverter Binary = new();

    public static async Task<IReadOnlyList<ClaimedMessage>> ClaimAsync(
        AtharDbContext db, DateTimeOffset now, DateTimeOffset leaseUntil, int maxAttempts, int batchSize, CancellationToken cancellationToken)
    {
        var postgres = db.Database.IsNpgsql();
        // SQLite keeps instants as sortable binary numbers (see AtharDbContext.ConfigureConventions).
        object At(DateTimeOffset instant) => postgres ? instant : Binary.ConvertToProvider(instant)!;
        var sql = """
            UPDATE "OutboxMessages" SET "Attempts" = "Attempts" + 1, "NextAttemptAt" = {0}
            WHERE "Id" IN (
                SELECT "Id" FROM "OutboxMessages"
                WHERE "SentAt" IS NULL AND "Attempts" < {1} AND ("NextAttemptAt" IS NULL OR "NextAttemptAt" <= {2})
                ORDER BY "Id" LIMIT {3}
                LOCK)
            RETURNING "Id", "Attempts"
            """.Replace("LOCK", postgres ? "FOR UPDATE SKIP LOCKED" : "", StringComparison.Ordinal);
        var claimed = await db.Database.SqlQueryRaw<ClaimedMessage>(sql, At(leaseUntil), maxAttempts, At(now), batchSize).ToListAsync(cancellationToken);
        return claimed.OrderBy(c => c.Id).ToList();
    }

    /// <summary>Records the outcome only if this dispatcher still holds the claim (no other node re-claimed it meanwhile).</summary>
    public static Task<int> CompleteAsync(AtharDbContext db, ClaimedMessage claim, DateTimeOffset sentAt, CancellationToken cancellationToken) =>
        Held(db, claim).ExecuteUpdateAsync(m => m
            .SetProperty(x => x.SentAt, sentAt)
            .SetProperty(x => x.LastError, (string?)null), cancellationToken);

    public static Task<int> FailAsync(AtharDbContext db, ClaimedMessage claim, string error, DateTimeOffset retryAt, CancellationToken cancellationToken) =>
        Held(db, claim).ExecuteUpdateAsync(m => m
            .SetProperty(x => x.LastError, error)
            .SetProperty(x => x.NextAttemptAt, retryAt), cancellationToken);

    private static IQueryable<OutboxMessage> Held(AtharDbContext db, ClaimedMessage claim) =>
        db.OutboxMessages.Where(m => m.Id == claim.Id && m.Attempts == claim.Attempts && m.SentAt == null);
}
