using Athar.Cli.Tests.Infrastructure;

namespace Athar.Cli.Tests;

public sealed class SeedScaleCommandTests : IAsyncLifetime
{
    private readonly SqliteTestDatabase _first = new();
    private readonly SqliteTestDatabase _second = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _first.DisposeAsync();
        await _second.DisposeAsync();
    }

    [Fact]
    public Task Seed_SatisfiesTheDomainInvariants() => NationalSeedScenarios.Seed_SatisfiesTheDomainInvariants(_first);

    [Fact]
    public async Task Seed_TwiceWithTheSameSeed_GivesIdenticalData_AndAnotherSeedDifferentData()
    {
        await NationalSeedScenarios.SeedAsync(_first, seed: "7");
        await NationalSeedScenarios.SeedAsync(_second, seed: "7");
        var first = await NationalSeedScenarios.ChecksumAsync(_first);
        Assert.Equal(first, await NationalSeedScenarios.ChecksumAsync(_second));

        await using var third = new SqliteTestDatabase();
        await NationalSeedScenarios.SeedAsync(third, seed: "8");
        Assert.NotEqual(first, await NationalSeedScenarios.ChecksumAsync(third));
    }

    [Fact]
    public async Task Seed_IntoADatabaseThatHoldsData_IsRefusedAndAddsNothing()
    {
        await NationalSeedScenarios.SeedAsync(_first);
        var before = await NationalSeedScenarios.ChecksumAsync(_first);

        var again = await AtharTool.RunAsync(_first.Environment, "seed", "--scale", NationalSeedScenarios.Scale);

        Assert.True(again.ExitCode == 1, again.ToString());
        Assert.Contains("empty database", again.Error, StringComparison.Ordinal);
        Assert.Equal(before, await NationalSeedScenarios.ChecksumAsync(_first));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("many")]
    [InlineData("21")]
    public async Task Seed_WithABadScale_IsAUsageError(string scale)
    {
        var result = await AtharTool.RunAsync(_first.Environment, "seed", "--scale", scale);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("--scale", result.Error, StringComparison.Ordinal);
    }
}
