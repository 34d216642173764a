using Athar.Cli.Tests.Infrastructure;

namespace Athar.Cli.Tests;

/// <summary>The command line itself: help, and usage errors (exit code 2) that never touch a database.</summary>
public sealed class UsageTests : IAsyncLifetime
{
    private readonly SqliteTestDatabase _database = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        Assert.False(File.Exists(_database.FilePath), "a usage error or help must not create the database");
        await _database.DisposeAsync();
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    public async Task Help_ListsTheCommandsAndWhereTheWebAppsDatabaseIs(string flag)
    {
        var result = await AtharTool.RunAsync(_database.Environment, flag);

        Assert.True(result.ExitCode == 0, result.ToString());
        foreach (var command in new[] { "migrate", "admin create", "seed demo", "info", "backup", "restore", "privacy accessed-by", "import", "--provider", "--connection", "ConnectionStrings__Athar", "Athar__Database__Provider" })
            Assert.Contains(command, result.Output, StringComparison.Ordinal);
        Assert.Contains("src/Athar.Web/data/athar.db", result.Output, StringComparison.Ordinal);
        Assert.Empty(result.Error);
    }

    [Theory]
    [InlineData("migrate")]
    [InlineData("admin create")]
    [InlineData("seed demo")]
    [InlineData("info")]
    [InlineData("backup")]
    [InlineData("restore")]
    [InlineData("privacy accessed-by")]
    [InlineData("import")]
    public async Task CommandHelp_ShowsTheCommandsUsage(string command)
    {
        var result = await AtharTool.RunAsync(_database.Environment, [.. command.Split(' '), "--help"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Usage: athar " + command, result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdminCreateHelp_DescribesThePasswordSourcesAndPolicy()
    {
        var result = await AtharTool.RunAsync(_database.Environment, "admin", "create", "--help");

        Assert.True(result.ExitCode == 0, result.ToString());
        foreach (var text in new[] { "--email", "--name", "--name-en", "--password", "ATHAR_ADMIN_PASSWORD", "at least 8 characters" })
            Assert.Contains(text, result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoCommand_IsAUsageErrorWithTheHelpOnStandardError()
    {
        var result = await AtharTool.RunAsync(_database.Environment);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("no command", result.Error, StringComparison.Ordinal);
        Assert.Contains("admin create", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("admin")]
    [InlineData("stats")]
    [InlineData("audit")]
    [InlineData("privacy")]
    [InlineData("backup", "now")]
    [InlineData("seed", "everything")]
    [InlineData("admin", "delete")]
    [InlineData("info", "extra")]
    public async Task UnknownCommand_IsAUsageError(params string[] args)
    {
        var result = await AtharTool.RunAsync(_database.Environment, args);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("unknown command", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("import")]
    [InlineData("import", "volunteers")]
    [InlineData("import", "volunteers", "a.csv", "b.csv")]
    public async Task Import_WithoutItsKindAndFile_IsAUsageErrorShowingTheUsage(params string[] args)
    {
        var result = await AtharTool.RunAsync(_database.Environment, [.. args, "--organization", "x"]);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("takes 2 arguments", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("'--organization' is required", "import", "hours", "a.csv", "--dry-run")]
    [InlineData("the kind must be volunteers, opportunities or hours", "import", "people", "a.csv", "--organization", "x")]
    [InlineData("--encoding must be utf-8 or windows-1256", "import", "hours", "a.csv", "--organization", "x", "--encoding", "latin1")]
    [InlineData("--language must be en or ar", "import", "hours", "a.csv", "--organization", "x", "--language", "fr")]
    [InlineData("has no option '--force'", "import", "hours", "a.csv", "--organization", "x", "--force", "1")]
    public async Task Import_WithBadOptions_IsAUsageErrorNamingTheProblem(string message, params string[] args)
    {
        var result = await AtharTool.RunAsync(_database.Environment, args);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Seed_WithoutItsScale_IsAUsageErrorNamingTheOption()
    {
        var result = await AtharTool.RunAsync(_database.Environment, "seed");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("'--scale' is required", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("info", "--email", "x@example.sa")]
    [InlineData("migrate", "--force", "yes")]
    [InlineData("info", "-x")]
    public async Task UnknownOption_IsAUsageError(params string[] args)
    {
        var result = await AtharTool.RunAsync(_database.Environment, args);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("option", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OptionWithoutValue_IsAUsageError()
    {
        var result = await AtharTool.RunAsync(_database.Environment, "admin", "create", "--name", "مدير المنصة", "--email");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("'--email' needs a value", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RepeatedOption_IsAUsageError()
    {
        var result = await AtharTool.RunAsync(_database.Environment, "admin", "create", "--email", "a@example.sa", "--email=b@example.sa", "--name", "مدير");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("more than once", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownProvider_IsAUsageError()
    {
        var result = await AtharTool.RunAsync(_database.Environment, "info", "--provider", "oracle");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("unknown database provider 'oracle'", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownProviderInTheEnvironment_IsAUsageError()
    {
        var environment = _database.Environment;
        environment["Athar__Database__Provider"] = "mysql";

        var result = await AtharTool.RunAsync(environment, "info");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("'mysql'", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Postgres_WithoutAConnectionString_IsAUsageError()
    {
        var result = await AtharTool.RunAsync(new Dictionary<string, string?> { ["Athar__Database__Provider"] = "Postgres" }, "migrate");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("needs a connection string", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMalformedConnectionString_IsAUsageError()
    {
        var result = await AtharTool.RunAsync(_database.Environment, "info", "--connection", "Nonsense Keyword=1");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("connection string is not valid", result.Error, StringComparison.Ordinal);
    }
}
