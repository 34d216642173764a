using Athar.Cli.Tests.Infrastructure;
using Athar.Data.Seeding;
using Microsoft.EntityFrameworkCore;

namespace Athar.Cli.Tests;

public sealed class SeedDemoCommandTests : IAsyncLifetime
{
    private readonly SqliteTestDatabase _database = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task SeedDemo_Twice_CreatesTheDemoUsersOnceAndPrintsTheLoginsBothTimes()
    {
        await AtharTool.MigrateAsync(_database);

        var first = await AtharTool.RunAsync(_database.Environment, "seed", "demo");
        var second = await AtharTool.RunAsync(_database.Environment, "seed", "demo");

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Contains("Demo data added (7 accounts)", first.Output, StringComparison.Ordinal);
        Assert.Contains("already present", second.Output, StringComparison.Ordinal);
        foreach (var output in new[] { first.Output, second.Output })
        {
            Assert.Contains(DemoData.Password, output, StringComparison.Ordinal);
            Assert.Contains("admin@athar.local", output, StringComparison.Ordinal);
            Assert.Contains("volunteer2@athar.local", output, StringComparison.Ordinal);
        }

        await using var db = _database.CreateContext();
        Assert.Equal(7, await db.Users.CountAsync());
        Assert.Equal(5, await db.Organizations.CountAsync());
        Assert.Equal(1, await db.Users.CountAsync(u => u.Email == "admin@athar.local"));
        Assert.Equal(2, await db.Courses.CountAsync());
        // The volunteer's practitioner licence, and the team leader's practitioner and team-leadership licences.
        Assert.Equal(3, await db.Licenses.CountAsync());
        var volunteerId = await db.Users.Where(u => u.Email == "volunteer@athar.local").Select(u => (Guid?)u.Id).SingleAsync();
        var licence = await db.Licenses.SingleAsync(l => l.HolderUserId == volunteerId);
        Assert.Equal(Athar.Core.Licensing.LicenseLevel.Practitioner, licence.Level);
        Assert.Equal(1, await db.Teams.CountAsync());
        Assert.Equal([Athar.Core.Licensing.LicenseAction.Issued], await db.LicenseEvents.Where(e => e.LicenseId == licence.Id).Select(e => e.Action).ToListAsync());
    }

    [Fact]
    public async Task SeedDemo_BeforeMigrate_IsRefused()
    {
        var result = await AtharTool.RunAsync(_database.Environment, "seed", "demo");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("athar migrate", result.Error, StringComparison.Ordinal);
    }
}
