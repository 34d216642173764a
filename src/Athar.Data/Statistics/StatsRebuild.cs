using Athar.Data.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Athar.Data.Statistics;

/// <summary>
/// Recomputes the activity facts and their rollups from the raw approved hours, and the per-day counters from the raw
/// applications, attendance and hours (<c>athar stats rebuild</c>). The same
/// SQL expressions as the triggers, set-based so it runs in the database at national scale.
/// </summary>
public sealed class StatsRebuild(AtharDbContext db)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        var provider = db.Database.IsNpgsql() ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;
        // At national scale each set-based statement runs for minutes, far past the default 30 s.
        db.Database.SetCommandTimeout(TimeSpan.FromHours(2));
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (provider == DatabaseProvider.Postgres)
            {
                // Approvals committing meanwhile wait for the rebuild and then add their delta on top of it;
                // approvals that committed before the lock are in the rebuild's snapshot. None is lost or counted twice.
                await db.Database.ExecuteSqlRawAsync("LOCK TABLE \"StatsActivity\" IN EXCLUSIVE MODE;", cancellationToken);
            }
            foreach (var statement in StatisticsSql.SeedHijriMonths())
                await db.Database.ExecuteSqlRawAsync(statement, cancellationToken);
            // The facts from the hours, then the rollups from the facts, with the rollup trigger set aside meanwhile.
            foreach (var step in StatsRollupSql.RebuildAll(provider))
                await step.ExecuteAsync(db.Database.GetDbConnection(), transaction.GetDbTransaction(), cancellationToken);
            // Then the per-day counters from Applications, Attendance and VolunteerHours (on PostgreSQL under the counter
            // triggers' own lock, so writers wait and apply their changes on top).
            foreach (var statement in StatsCounterSql.Rebuild(provider, CounterGroup.All, StatsCounterSql.Latest))
                await db.Database.ExecuteSqlRawAsync(statement, cancellationToken);
            var rows = await db.StatsActivity.CountAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return rows;
        });
    }
}
