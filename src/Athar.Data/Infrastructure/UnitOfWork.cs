using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Athar.Data.Infrastructure;

/// <summary>What a retried attempt of a unit of work starts from.</summary>
public enum AttemptStart
{
    /// <summary>
    /// Forget only the rows earlier attempts added (<see cref="RetryCheckpoint"/>); entities loaded or added
    /// before the unit of work stay tracked, for units that reuse them.
    /// </summary>
    ForgetAdded,

    /// <summary>An empty change tracker: the unit reloads what it needs.</summary>
    ClearTracker,
}

/// <summary>
/// A unit of work in one transaction, retried as a whole on transient failures, with each write applied once.
/// Two faults need more than "run it again":
/// <list type="bullet">
/// <item>A failed attempt's added rows stay in the change tracker; the next attempt must not save them beside its
/// own (<see cref="AttemptStart"/>).</item>
/// <item>A commit whose acknowledgement is lost on the wire (the connection drops during COMMIT) looks like a
/// failure, but the write may be on disk. Run again, the unit's conditional claim finds its own write and answers
/// a refusal ("already applied") for a write that succeeded. On PostgreSQL each attempt notes its transaction id
/// just before committing; after a failed commit the strategy asks the server whether that transaction committed
/// (<c>pg_xact_status</c>) and, if so, answers with the result of the attempt that landed. SQLite runs in the
/// process: its commit either returns or did not happen.</item>
/// </list>
/// </summary>
public static class UnitOfWork
{
    /// <summary>
    /// Runs <paramref name="unit"/> inside a transaction the strategy owns and commits it, unless the unit ended the
    /// transaction itself (a rollback when it found nothing to do).
    /// </summary>
    public static async Task<T> ExecuteOnceAsync<T>(this DbContext db, AttemptStart start, Func<CancellationToken, Task<T>> unit, CancellationToken cancellationToken)
    {
        var checkpoint = start == AttemptStart.ForgetAdded ? new RetryCheckpoint(db) : null;
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(
            new LastCommit<T>(),
            async (context, lastCommit, token) =>
            {
                lastCommit.Forget();
                if (checkpoint is null)
                    context.ChangeTracker.Clear();
                else
                    checkpoint.Restore();
                await using var transaction = await context.Database.BeginTransactionAsync(token);
                var result = await unit(token);
                if (context.Database.CurrentTransaction is null)
                    return result;
                if (context.Database.IsNpgsql())
                    lastCommit.Note(await CurrentTransactionIdAsync(context, token), result);
                await transaction.CommitAsync(token);
                return result;
            },
            async (context, lastCommit, token) =>
                lastCommit.TransactionId is { } id && await CommittedAsync(context, id, token)
                    ? new ExecutionResult<T>(true, lastCommit.Result!)
                    : new ExecutionResult<T>(false, default!),
            cancellationToken);
    }

    /// <summary>A unit of work with nothing to answer.</summary>
    public static Task ExecuteOnceAsync(this DbContext db, AttemptStart start, Func<CancellationToken, Task> unit, CancellationToken cancellationToken) =>
        db.ExecuteOnceAsync(start, async token =>
        {
            await unit(token);
            return true;
        }, cancellationToken);

    private static async Task<string> CurrentTransactionIdAsync(DbContext db, CancellationToken cancellationToken) =>
        await db.Database.SqlQueryRaw<string>("SELECT pg_current_xact_id()::text AS \"Value\"").SingleAsync(cancellationToken);

    /// <summary>Asked on a new connection after the commit failed: "committed", "aborted" or "in progress".</summary>
    private static async Task<bool> CommittedAsync(DbContext db, string transactionId, CancellationToken cancellationToken) =>
        await db.Database.SqlQuery<string>($"SELECT pg_xact_status({transactionId}::xid8) AS \"Value\"").SingleAsync(cancellationToken) == "committed";

    /// <summary>The attempt that reached its commit: its transaction id and what it would answer.</summary>
    private sealed class LastCommit<T>
    {
        public string? TransactionId { get; private set; }

        public T? Result { get; private set; }

        public void Note(string transactionId, T result) => (TransactionId, Result) = (transactionId, result);

        public void Forget() => (TransactionId, Result) = (null, default);
    }
}
