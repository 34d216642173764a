using Microsoft.EntityFrameworkCore;

namespace Athar.Data.Opportunities;

/// <summary>
/// Brings <see cref="Opportunity.SeatsTaken"/> up to date with the opportunities' shifts, for the changes queued since
/// the last fold (<see cref="SeatCountChange"/>). Seats are claimed on the shift (<c>Shifts.Accepted</c>, never
/// oversold); the opportunity's total is what search filters and sorts by, and lags it by one fold.
/// </summary>
public static class SeatCountFold
{
    /// <summary>
    /// Folds what is queued (after a fold running elsewhere, which it waits for: its own then sees every change committed
    /// before it starts); answers how many queued changes it consumed.
    /// </summary>
    public static async Task<int> FoldAsync(AtharDbContext db, CancellationToken cancellationToken = default)
    {
        // Most ticks find nothing: a read, without SQLite's write lock or PostgreSQL's fold lock.
        if (!await db.SeatCountChanges.AnyAsync(cancellationToken))
            return 0;
        if (db.Database.IsSqlite())
            return await FoldSqliteAsync(db, cancellationToken);
        var consumed = 0;
        while (true)
        {
            var batch = await db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({SeatCountSql.FoldLock})", ct);
                // ToList, not Single: EF would wrap the statement in a subquery, where PostgreSQL refuses a WITH that writes.
                var taken = (await db.Database.SqlQueryRaw<int>(SeatCountSql.PostgresFold).ToListAsync(ct)).Single();
                await transaction.CommitAsync(ct);
                return taken;
            }, cancellationToken);
            consumed += batch;
            if (batch < SeatCountSql.FoldBatch)
                return consumed;
        }
    }

    private static Task<int> FoldSqliteAsync(AtharDbContext db, CancellationToken cancellationToken) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var queued = await db.SeatCountChanges.CountAsync(ct);
            if (queued > 0)
            {
                foreach (var statement in SeatCountSql.SqliteFold)
                    await db.Database.ExecuteSqlRawAsync(statement, ct);
            }
            await transaction.CommitAsync(ct);
            return queued;
        }, cancellationToken);
}
