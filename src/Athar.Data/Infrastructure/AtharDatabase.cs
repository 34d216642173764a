using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Athar.Data.Infrastructure;

/// <summary>The provider switch: one place that knows which database and which migrations assembly.</summary>
public static class AtharDatabase
{
    public const string SqliteMigrationsAssembly = "Athar.Data.Migrations.Sqlite";
    public const string PostgresMigrationsAssembly = "Athar.Data.Migrations.Postgres";

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
                builder.UseNpgsql(options.ConnectionString, npgsql =>
                {
                    npgsql.MigrationsAssembly(PostgresMigrationsAssembly);
                    // Transient failures (a restarting server, a failover) are retried rather than surfaced.
                    npgsql.EnableRetryOnFailure(maxRetryCount: 5, maxRetryDelay: TimeSpan.FromSeconds(5), errorCodesToAdd: null);
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
