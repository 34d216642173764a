using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Athar.E2ETests.Infrastructure;

/// <summary>
/// The real app on a real loopback port (Kestrel, not TestServer) so Chromium can reach it, with a
/// fresh SQLite file per test class, migrated and seeded with the demo logins by the app's own start-up.
/// </summary>
public sealed class AtharServer : WebApplicationFactory<Program>, IAsyncLifetime
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
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            File.Delete(_databasePath + suffix);
    }
}
