using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Athar.Data.Infrastructure;

/// <summary>The provider switch: one place that knows which database and which migrations assembly.</summary>
public static class AtharDatabase
{
    public const string SqliteMigrationsAssembly = "Athar.Data.Migrations.Sqlite";
    public const string PostgresMigrationsAssembly = "Athar.Data.Migrations.Postgres";

    /// <summary>
    /// Connections per app node when the connection string names none. Several nodes share the server's
    /// max_connections (100 by default): nodes × this must stay below it, with room for admin sessions.
    /// </summary>
    public const int DefaultMaxPoolSize = 40;

    /// <summary>
    /// Seconds a request waits for a free pooled connection (or a new one) when the connection string names none;
    /// past it the request answers 503 with Retry-After instead of hanging.
    /// </summary>
    public const int DefaultPoolTimeoutSeconds = 5;

    public static IServiceCollection AddAtharDatabase(this IServiceCollection services, DatabaseOptions options)
    {
        services.AddSingleton(options);
        services.AddDbContextPool<AtharDbContext>(builder => Configure(builder, options));
        services.AddPooledDbContextFactory<AtharDbContext>(builder => Configure(builder, options));
        if (options.Provider == DatabaseProvider.Postgres && !string.IsNullOrWhiteSpace(options.ReadOnlyConnectionString))
            services.AddSingleton(new ReadReplica(options));
        return services;
    }

    public static void Configure(DbContextOptionsBuilder builder, DatabaseOptions options)
    {
        switch (options.Provider)
        {
            case DatabaseProvider.Sqlite:
                builder.UseSqlite(PrepareSqlite(options.ConnectionString), sqlite => sqlite.MigrationsAssembly(SqliteMigrationsAssembly));
                builder.AddInterceptors(SqlitePragmas.Instance);
                break;
            case DatabaseProvider.Postgres:
                builder.UseNpgsql(PreparePostgres(options.ConnectionString), npgsql =>
                {
                    npgsql.MigrationsAssembly(PostgresMigrationsAssembly);
                    // Transient failures (a restarting server, a failover) are retried rather than surfaced; an
                    // exhausted pool is not (PostgresRetries), so a saturated node sheds load at once.
                    var maxRetryCount = Math.Max(0, options.MaxRetryCount);
                    var maxRetryDelay = TimeSpan.FromSeconds(Math.Max(0, options.MaxRetryDelaySeconds));
                    npgsql.ExecutionStrategy(dependencies => new PostgresRetries(dependencies, maxRetryCount, maxRetryDelay));
                });
                break;
            default:
                throw new InvalidOperationException($"Unknown database provider '{options.Provider}'.");
        }
    }

    public static AtharDbContext CreateContext(DatabaseOptions options)
    {
        var builder = new DbContextOptionsBuilder<AtharDbContext>();
        Configure(builder, options);
        return new AtharDbContext(builder.Options);
    }

    /// <summary>
    /// Durable and bounded by default: every commit waits for the WAL flush (synchronous_commit=on, whatever the
    /// server's or role's default), and the pool has a size and a wait limit. Settings the connection string
    /// names itself are kept, so an operator can still choose otherwise explicitly.
    /// </summary>
    public static string PreparePostgres(string connectionString)
    {
        var csb = new NpgsqlConnectionStringBuilder(connectionString);
        if (!HasKey(connectionString, "Maximum Pool Size", "Max Pool Size", "MaxPoolSize"))
            csb.MaxPoolSize = DefaultMaxPoolSize;
        if (!HasKey(connectionString, "Timeout"))
            csb.Timeout = DefaultPoolTimeoutSeconds;
        // Npgsql resets a pooled connection with DISCARD ALL when it returns, which also drops the session's cached
        // plans: the statistics counter triggers then re-plan their large statements on nearly every write
        // (37-80 ms instead of 1.5 ms, bench/results/2026-12-07-cluster.md). The app keeps no session state to
        // reset: synchronous_commit is a startup option and locks are transaction-scoped (the startup lock is
        // released explicitly).
        if (!HasKey(connectionString, "No Reset On Close", "NoResetOnClose"))
            csb.NoResetOnClose = true;
        if (csb.Options is null || !csb.Options.Contains("synchronous_commit", StringComparison.OrdinalIgnoreCase))
            csb.Options = string.IsNullOrWhiteSpace(csb.Options) ? "-c synchronous_commit=on" : csb.Options + " -c synchronous_commit=on";
        return csb.ConnectionString;
    }

    private static bool HasKey(string connectionString, params string[] names)
    {
        var generic = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        return names.Any(generic.ContainsKey);
    }

    /// <summary>Creates the SQLite file's folder so a fresh clone starts without a manual step.</summary>
    private static string PrepareSqlite(string connectionString)
    {
        var csb = new SqliteConnectionStringBuilder(connectionString);
        if (!string.IsNullOrEmpty(csb.DataSource) && csb.DataSource != ":memory:" && csb.Mode != SqliteOpenMode.Memory)
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(csb.DataSource));
            if (!string.IsNullOrEmpty(directory))
                Directory.CreateDirectory(directory);
        }
        // Waiting writers retry on SQLITE_BUSY for up to this many seconds instead of failing at once.
        if (!connectionString.Contains("Default Timeout", StringComparison.OrdinalIgnoreCase))
            csb.DefaultTimeout = 30;
        return csb.ToString();
    }
}
