using Athar.Data;
using Athar.Data.Infrastructure;
using Athar.Data.Seeding;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Athar.Web.Infrastructure;

public static class DatabaseInitializer
{
    /// <summary>Any fixed number, the same on every node: the PostgreSQL advisory lock that serialises start-ups.</summary>
    private const long StartupLockKey = 0x41746861_72000001;

    /// <summary>
    /// Applies migrations, creates the first Data Protection key and, when configured, seeds the demo data. With
    /// several app nodes starting together on PostgreSQL, one holds an advisory lock while it does this and the
    /// others wait for it, then find nothing left to do (no racing migrations, one key ring, one seed).
    /// </summary>
    public static async Task InitializeDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var options = services.GetRequiredService<DatabaseOptions>();
        var db = services.GetRequiredService<AtharDbContext>();
        var postgres = options.Provider == DatabaseProvider.Postgres;
        if (postgres)
        {
            await EnsurePostgresDatabaseAsync(db);
            await db.Database.OpenConnectionAsync();
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_lock({0})", StartupLockKey);
        }
        try
        {
            if (options.MigrateOnStartup)
                await db.Database.MigrateAsync();

            // Creates the key ring's first key now, under the lock, rather than on each node's first request.
            services.GetRequiredService<IDataProtectionProvider>().CreateProtector("Athar.Startup").Protect("ready");

            if (app.Configuration.GetValue<bool>("Athar:SeedDemoData"))
            {
                var logins = await services.GetRequiredService<DemoData>().SeedAsync();
                DemoData.Print(logins, Console.Out);
            }
        }
        finally
        {
            if (postgres)
            {
                await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_unlock({0})", StartupLockKey);
                await db.Database.CloseConnectionAsync();
            }
        }
    }

    /// <summary>The lock lives in the database, so the database must exist first; nodes racing to create it all succeed.</summary>
    private static async Task EnsurePostgresDatabaseAsync(AtharDbContext db)
    {
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (await creator.ExistsAsync())
            return;
        try
        {
            await creator.CreateAsync();
        }
        catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation)
        {
            // Another node created it a moment ago.
        }
    }
}
