using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Athar.Data.Infrastructure;

/// <summary>
/// Tells a database that cannot serve now (down, restarting, out of connections, locked) from a bug. The first
/// kind answers 503 with Retry-After, so clients and load balancers back off and come again, never a 500.
/// </summary>
public static class DatabaseFaults
{
    /// <summary>Seconds a client is asked to wait before retrying a request refused for this reason.</summary>
    public const int RetryAfterSeconds = 5;

    // Npgsql has no dedicated type for this; the message is stable across its versions ("The connection pool has
    // been exhausted, either raise 'Max Pool Size' ... or 'Timeout' ...").
    private const string PoolExhaustedMessage = "connection pool has been exhausted";

    /// <summary>Every connection of the pool stayed busy for the whole pool timeout.</summary>
    public static bool IsPoolExhausted(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is NpgsqlException && e.Message.Contains(PoolExhaustedMessage, StringComparison.OrdinalIgnoreCase))
                return true;
        }
        return false;
    }

    /// <summary>The database cannot serve this request now, through no fault of the request.</summary>
    public static bool IsUnavailable(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                // The execution strategy gave up after its retries: the cause was transient by definition.
                case RetryLimitExceededException:
                    return true;
                case PostgresException postgres when IsUnavailableState(postgres.SqlState):
                    return true;
                case PostgresException:
                    return false;
                // Connection refused or reset, a timeout, an exhausted pool.
                case NpgsqlException { IsTransient: true }:
                    return true;
                case SqliteException sqlite when sqlite.SqliteErrorCode is SqliteBusy or SqliteLocked:
                    return true;
            }
        }
        return false;
    }

    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;

    // 08: connection exceptions; 53300: too many connections; 57P01-57P03: shutting down, crash recovery,
    // cannot connect now; 40001/40P01 are retried by the strategy and land here as RetryLimitExceeded.
    private static bool IsUnavailableState(string state) =>
        state.StartsWith("08", StringComparison.Ordinal) || state is "53300" or "57P01" or "57P02" or "57P03";
}
