using Microsoft.EntityFrameworkCore.Storage;
using Npgsql.EntityFrameworkCore.PostgreSQL;

namespace Athar.Data.Infrastructure;

/// <summary>
/// Npgsql's retrying strategy (a restarting server, a failover, a dropped connection: the whole unit of work runs
/// again), except for an exhausted connection pool, which answers 503 at once instead of waiting again and again.
/// Explicit transactions therefore always run inside the strategy: <see cref="UnitOfWork.ExecuteOnceAsync{T}"/>.
/// </summary>
internal sealed class PostgresRetries(ExecutionStrategyDependencies dependencies, int maxRetryCount, TimeSpan maxRetryDelay)
    : NpgsqlRetryingExecutionStrategy(dependencies, maxRetryCount, maxRetryDelay, errorCodesToAdd: null)
{
    protected override bool ShouldRetryOn(Exception? exception) =>
        !DatabaseFaults.IsPoolExhausted(exception) && base.ShouldRetryOn(exception);
}
