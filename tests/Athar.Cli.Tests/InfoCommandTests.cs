using Athar.Cli.Tests.Infrastructure;

namespace Athar.Cli.Tests;

public sealed class InfoCommandTests : IAsyncLifetime
{
    private readonly SqliteTestDatabase _database = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Info_PrintsTheProviderTheDatabaseAndTheCounts()
    {
        await AtharTool.MigrateAsync(_database);
        Assert.Equal(0, (await AtharTool.RunAsync(_database.Environment, "seed", "demo")).ExitCode);
        Assert.Equal(0, (await AtharTool.AdminCreateAsync(_database, "chief@example.sa")).ExitCode);

        var result = await AtharTool.RunAsync(_database.Environment, "info");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Matches(@"Provider:\s+Sqlite", result.Output);
        Assert.Contains(_database.FilePath, result.Output, StringComparison.Ordinal);
        Assert.Matches(@"Migrations:\s+\d+ applied, 0 pending", result.Output);
        Assert.Matches(@"Users:\s+8\r?\n", result.Output);
        Assert.Matches(@"Volunteers:\s+5\r?\n", result.Output);
        Assert.Matches(@"Organisations:\s+5\r?\n", result.Output);
    }

    [Fact]
    public async Task Info_OnAnEmptySchema_CountsZero()
    {
        await AtharTool.MigrateAsync(_database);

        var result = await AtharTool.RunAsync(_database.Environment, "info");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Matches(@"Users:\s+0\r?\n", result.Output);
    }

    [Fact]
    public async Task Info_OnAMissingDatabase_SaysToMigrateAndCreatesNoFile()
    {
        var result = await AtharTool.RunAsync(_database.Environment, "info");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("athar migrate", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(_database.FilePath));
    }
}
