using Athar.Cli.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Athar.Cli.Tests;

public sealed class MigrateCommandTests : IAsyncLifetime
{
    private readonly SqliteTestDatabase _database = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public Task Migrate_OnANewFile_CreatesTheSchemaWithThirteenRegions() =>
        CliScenarios.Migrate_CreatesTheSchemaWithThirteenRegions(_database);

    [Fact]
    public async Task Migrate_WithProviderAndConnectionOptions_PrefersThemToTheEnvironment()
    {
        await using var elsewhere = new SqliteTestDatabase();

        var result = await AtharTool.RunAsync(elsewhere.Environment, "migrate", "--provider", "sqlite", "--connection", _database.Options.ConnectionString);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains(_database.FilePath, result.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(elsewhere.FilePath));
        await using var db = _database.CreateContext();
        Assert.Equal(13, await db.Regions.CountAsync());
    }

    [Fact]
    public async Task Migrate_ReadsTheWebAppsDatabaseSectionWhenNoConnectionStringIsSet()
    {
        var environment = new Dictionary<string, string?>
        {
            ["Athar__Database__Provider"] = "sqlite",
            ["Athar__Database__ConnectionString"] = _database.Options.ConnectionString,
        };

        var result = await AtharTool.RunAsync(environment, "migrate");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(File.Exists(_database.FilePath));
    }
}
