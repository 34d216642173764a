using Athar.Data;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Athar.IntegrationTests.Infrastructure;

/// <summary>
/// The real app on a real database: a fresh SQLite file or a fresh PostgreSQL database per
/// factory, migrated by the app's own start-up, with the demo data seeded.
/// </summary>
public sealed class AtharAppFactory : WebApplicationFactory<Program>
{
    private readonly string _databaseName = $"athar_it_{Guid.NewGuid():N}";
    private readonly string? _sqlitePath;
    private readonly IReadOnlyDictionary<string, string?> _settings;
    private readonly ILoggerProvider? _logs;

    /// <param name="settings">Configuration on top of the test defaults (e.g. rate limits switched on).</param>
    /// <param name="logs">A provider that also receives every log entry at Debug and above (the log-content tests read it).</param>
    public AtharAppFactory(TestDatabase database, IReadOnlyDictionary<string, string?>? settings = null, ILoggerProvider? logs = null)
    {
        Database = database;
        _settings = settings ?? new Dictionary<string, string?>();
        _logs = logs;
        if (database == TestDatabase.Sqlite)
        {
            _sqlitePath = Path.Combine(Path.GetTempPath(), _databaseName + ".db");
            ConnectionString = $"Data Source={_sqlitePath}";
        }
        else
        {
            ConnectionString = new NpgsqlConnectionStringBuilder(Databases.PostgresServer) { Database = _databaseName }.ConnectionString;
        }
    }

    public TestDatabase Database { get; }

    public string ConnectionString { get; }

    /// <summary>Tests move time forward (expiry, lockout windows) instead of waiting.</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 23, 7, 0, 0, TimeSpan.Zero));

    /// <summary>SQL commands per request, for requests that ask for it (the query-count tests).</summary>
    public SqlCommandCounter SqlCommands { get; } = new();

    /// <summary>Loses a commit's acknowledgement when a test arms it (the lost-commit tests).</summary>
    public LostCommits LostCommits { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Athar:Database:Provider", Database.ToString());
        builder.UseSetting("Athar:Database:ConnectionString", ConnectionString);
        builder.UseSetting("Athar:SeedDemoData", "true");
        builder.UseSetting("Athar:PublicBaseUrl", "http://athar.test");
        // Every test client shares one address; the rate-limit tests switch the limits on in their own app.
        builder.UseSetting("Athar:RateLimits:Enabled", "false");
        // Tests change opportunities behind the app's back and search again at once; the cache's own tests switch it on.
        builder.UseSetting("Athar:SearchCache:Seconds", "0");
        // Likewise the dashboards' figures: tests write and read a dashboard at once; DashboardCacheTests switch it on.
        builder.UseSetting("Athar:DashboardCache:Seconds", "0");
        // Tests move the clock by days; sessions must outlive that unless a test sets its own lifetimes.
        builder.UseSetting("Athar:Sessions:BrowserLifetime", "400.00:00:00");
        builder.UseSetting("Athar:Sessions:ApiLifetime", "400.00:00:00");
        foreach (var (key, value) in _settings)
            builder.UseSetting(key, value);
        if (_logs is not null)
        {
            builder.UseSetting("Logging:LogLevel:Default", "Debug");
            builder.ConfigureLogging(logging => logging.AddProvider(_logs).SetMinimumLevel(LogLevel.Debug));
        }
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<IStartupFilter>(SqlCommands);
            services.ConfigureDbContext<AtharDbContext>(o => o.AddInterceptors(SqlCommands, LostCommits));
            // Tests move the clock by days; sign-ins must outlive that (expiry is not what they test).
            services.Configure<BearerTokenOptions>(IdentityConstants.BearerScheme, o => o.BearerTokenExpiration = TimeSpan.FromDays(400));
            services.ConfigureApplicationCookie(o => o.ExpireTimeSpan = TimeSpan.FromDays(400));
        });
    }

    public AtharDbContext CreateDbContext() => Services.CreateScope().ServiceProvider.GetRequiredService<AtharDbContext>();

    public async Task<T> QueryAsync<T>(Func<AtharDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AtharDbContext>();
        return await query(db);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Database == TestDatabase.Postgres)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(Databases.PostgresServer);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_databaseName}\" WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }
        else if (_sqlitePath is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
                File.Delete(_sqlitePath + suffix);
        }
    }
}
