using Athar.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Athar.IntegrationTests.Cluster;

/// <summary>Several nodes starting together on one fresh PostgreSQL database (a deploy of a cluster).</summary>
public sealed class StartupOnSeveralNodesTests
{
    [Fact]
    public async Task ThreeNodesStartingAtOnce_MigrateSeedAndCreateKeysOnce()
    {
        await using var first = new AtharAppFactory(TestDatabase.Postgres);
        var others = Enumerable.Range(0, 2).Select(_ => first.WithWebHostBuilder(_ => { })).ToList();

        // Each start-up migrates, creates the Data Protection key and seeds the demo data, under the start-up lock.
        await Task.WhenAll(new[] { Task.Run(() => first.Server) }.Concat(others.Select(o => Task.Run(() => o.Server))));

        var (users, keys, organizations) = await first.QueryAsync(async db => (
            await db.Users.CountAsync(u => u.Email == "admin@athar.local"),
            await db.DataProtectionKeys.CountAsync(),
            await db.Organizations.CountAsync(o => o.RegistrationNumber!.StartsWith("DEMO-"))));
        Assert.Equal(1, users);
        Assert.Equal(1, keys);
        Assert.True(organizations > 0);
        Assert.Equal(organizations, await first.QueryAsync(db => db.Organizations.Select(o => o.RegistrationNumber).Distinct().CountAsync(n => n!.StartsWith("DEMO-"))));
    }
}
