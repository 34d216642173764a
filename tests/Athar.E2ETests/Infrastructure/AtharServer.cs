using System.Net;
using Athar.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Athar.E2ETests.Infrastructure;

/// <summary>
/// The real app on a real loopback port (Kestrel, not TestServer) so Chromium can reach it, with a
/// fresh SQLite file per test class, migrated and seeded with the demo logins by the app's own start-up.
/// A derived server may replace services (<see cref="ConfigureServices"/>), e.g. the clock.
/// </summary>
public class AtharServer : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly string _databasePath = Path.Combine(Path.GetTempPath(), $"athar-e2e-{Guid.NewGuid():N}.db");

    public Uri BaseAddress { get; private set; } = null!;

    public Task InitializeAsync()
    {
        UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseAddress = new Uri(addresses.First());
        return Task.CompletedTask;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Development: the auth cookie follows the request scheme (plain http on loopback) and
        // messages stay in the outbox, where the guardian journey reads its SMS.
        builder.UseEnvironment("Development");
        builder.UseSetting("Athar:Database:Provider", "Sqlite");
        builder.UseSetting("Athar:Database:ConnectionString", $"Data Source={_databasePath}");
        builder.UseSetting("Athar:Database:MigrateOnStartup", "true");
        builder.UseSetting("Athar:SeedDemoData", "true");
        // Every browser of the suite signs in from 127.0.0.1; the limits are tested in the integration tests.
        builder.UseSetting("Athar:RateLimits:Enabled", "false");
        // Journeys write and then read a dashboard at once: no cached figures in tests.
        builder.UseSetting("Athar:DashboardCache:Seconds", "0");
        builder.ConfigureTestServices(ConfigureServices);
    }

    /// <summary>Runs after the app's own registrations, so what is added here wins.</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    /// <summary>Reads the app's database directly: for ids a test needs to build a URL, never to check what a page should show.</summary>
    public async Task<T> QueryAsync<T>(Func<AtharDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AtharDbContext>());
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            File.Delete(_databasePath + suffix);
    }
}
