using System.Net;
using Athar.Data;
using Athar.Data.Infrastructure;
using Athar.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Athar.IntegrationTests.Platform;

/// <summary>
/// What "acknowledged" means on each database, read from the running app's own connections (not from the code
/// that sets it): SQLite in WAL with synchronous=FULL, PostgreSQL committing synchronously, the pool bounded,
/// and an exhausted pool answering 503 with Retry-After instead of hanging.
/// </summary>
public sealed class DurabilityTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Sqlite_TheAppsConnections_RunInWal_WithSynchronousFull()
    {
        var app = fixture.For(TestDatabase.Sqlite);

        var (journal, synchronous) = await app.QueryAsync(async db => (await ScalarAsync(db, "PRAGMA journal_mode"), await ScalarAsync(db, "PRAGMA synchronous")));

        Assert.Equal("wal", journal?.ToString(), ignoreCase: true);
        // 2 = FULL: the WAL is synced at every commit, so an acknowledged write survives a power cut.
        Assert.Equal(2L, Convert.ToInt64(synchronous, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Postgres_TheAppsConnections_CommitSynchronously_EvenOnAServerThatDefaultsToOff()
    {
        var app = fixture.For(TestDatabase.Postgres);

        var setting = await app.QueryAsync(db => ScalarAsync(db, "SHOW synchronous_commit"));

        Assert.Equal("on", setting?.ToString());
    }

    [Fact]
    public async Task Postgres_PoolDefaults_AppearInTheEffectiveConnectionString_UnlessTheOperatorNamesThem()
    {
        await using var factory = new AtharAppFactory(TestDatabase.Postgres);
        var bare = WithoutPoolSettings(factory.ConnectionString);
        using var byDefault = WithConnectionString(factory, bare);
        using var chosen = WithConnectionString(factory, bare + ";Maximum Pool Size=7;Timeout=3");

        var defaults = new NpgsqlConnectionStringBuilder(EffectiveConnectionString(byDefault));
        var kept = new NpgsqlConnectionStringBuilder(EffectiveConnectionString(chosen));

        Assert.Equal(AtharDatabase.DefaultMaxPoolSize, defaults.MaxPoolSize);
        Assert.Equal(AtharDatabase.DefaultPoolTimeoutSeconds, defaults.Timeout);
        Assert.Contains("synchronous_commit=on", defaults.Options, StringComparison.Ordinal);
        Assert.True(defaults.NoResetOnClose, "pooled connections keep their cached plans (no DISCARD ALL)");
        Assert.Equal(7, kept.MaxPoolSize);
        Assert.Equal(3, kept.Timeout);
    }

    [Theory]
    [InlineData("ar", "الخدمة مشغولة؛ حاول بعد قليل.")]
    [InlineData("en", "The service is busy; try again shortly.")]
    public async Task Postgres_AnExhaustedPool_Answers503WithRetryAfter_AndALocalisedProblem_RatherThanHanging(string language, string title)
    {
        await using var factory = new AtharAppFactory(TestDatabase.Postgres);
        // Two connections: start-up holds its advisory lock on one while it reads the Data Protection keys on another.
        using var tiny = WithConnectionString(factory, WithoutPoolSettings(factory.ConnectionString) + ";Maximum Pool Size=2;Timeout=1");
        _ = tiny.Server;
        // The test takes both of the pool's connections (same connection string, so the same pool) and keeps them.
        await using var scope = tiny.Services.CreateAsyncScope();
        await using var otherScope = tiny.Services.CreateAsyncScope();
        var holders = new[] { scope.ServiceProvider.GetRequiredService<AtharDbContext>(), otherScope.ServiceProvider.GetRequiredService<AtharDbContext>() };
        foreach (var holder in holders)
            await holder.Database.OpenConnectionAsync();
        using var client = tiny.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        // Generous: the point is that an answer comes at all (the pool waits 1 s), not how fast.
        client.Timeout = TimeSpan.FromSeconds(60);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);

        var response = await client.GetAsync("/api/v1/opportunities");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(DatabaseFaults.RetryAfterSeconds), response.Headers.RetryAfter?.Delta);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.ReadJsonAsync();
        Assert.Equal("unavailable", problem.GetProperty("code").GetString());
        Assert.Equal(title, problem.GetProperty("title").GetString());
        foreach (var holder in holders)
            await holder.Database.CloseConnectionAsync();
    }

    [Fact]
    public async Task RetryCheckpoint_ForgetsWhatAFailedAttemptAdded_AndKeepsWhatWasAddedBefore()
    {
        var app = fixture.For(TestDatabase.Sqlite);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AtharDbContext>();
        var before = new Data.Participation.HoursAuditEntry { HoursId = Guid.NewGuid(), Action = "before" };
        db.HoursAudit.Add(before);
        var checkpoint = new RetryCheckpoint(db);

        // The first attempt adds a row, then its transaction fails; the retry starts by restoring the checkpoint.
        checkpoint.Restore();
        var failedAttempt = new Data.Participation.HoursAuditEntry { HoursId = Guid.NewGuid(), Action = "attempt-1" };
        db.HoursAudit.Add(failedAttempt);
        checkpoint.Restore();
        db.HoursAudit.Add(new Data.Participation.HoursAuditEntry { HoursId = Guid.NewGuid(), Action = "attempt-2" });

        var added = db.ChangeTracker.Entries<Data.Participation.HoursAuditEntry>().Where(e => e.State == EntityState.Added).Select(e => e.Entity.Action).Order().ToList();
        Assert.Equal(new[] { "attempt-2", "before" }, added);
        Assert.Equal(EntityState.Detached, db.Entry(failedAttempt).State);
    }

    private static async Task<object?> ScalarAsync(AtharDbContext db, string sql)
    {
        await db.Database.OpenConnectionAsync();
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = sql;
            return await command.ExecuteScalarAsync();
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The test server's connection string may name a pool size (test.sh does); these tests choose their own.</summary>
    private static string WithoutPoolSettings(string connectionString)
    {
        var csb = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        foreach (var key in new[] { "Maximum Pool Size", "Max Pool Size", "MaxPoolSize", "Timeout" })
            csb.Remove(key);
        return csb.ConnectionString;
    }

    /// <summary>The same database (created and dropped by <paramref name="factory"/>) under another connection string.</summary>
    private static WebApplicationFactory<Program> WithConnectionString(AtharAppFactory factory, string connectionString) =>
        factory.WithWebHostBuilder(builder => builder.UseSetting("Athar:Database:ConnectionString", connectionString));

    private static string EffectiveConnectionString(WebApplicationFactory<Program> app)
    {
        using var scope = app.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<AtharDbContext>().Database.GetConnectionString()!;
    }
}
