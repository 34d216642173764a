using Athar.Cli.Commands;
using Athar.Cli.Tests.Infrastructure;
using Athar.Core.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Athar.Cli.Tests;

public sealed class AdminCreateCommandTests : IAsyncLifetime
{
    private readonly SqliteTestDatabase _database = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public Task AdminCreate_MakesAConfirmedPlatformAdminWhosePasswordVerifies() =>
        CliScenarios.AdminCreate_MakesAConfirmedPlatformAdminWhosePasswordVerifies(_database);

    [Fact]
    public Task AdminCreate_Twice_IsIdempotent() =>
        CliScenarios.AdminCreate_Twice_IsIdempotent(_database);

    [Fact]
    public async Task AdminCreate_ForAnExistingAccount_AddsThePlatformAdminRoleOnly()
    {
        await AtharTool.MigrateAsync(_database);
        Assert.Equal(0, (await AtharTool.RunAsync(_database.Environment, "seed", "demo")).ExitCode);

        // No password needed: the account exists and keeps its own.
        var result = await AtharTool.RunAsync(_database.Environment, "admin", "create", "--email", "VOLUNTEER@athar.local", "--name", "ريم الشهري");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("added the PlatformAdmin role", result.Output, StringComparison.Ordinal);
        Assert.Equal([Roles.PlatformAdmin, Roles.Volunteer], await AtharTool.RolesOfAsync(_database, "volunteer@athar.local"));
        await using var db = _database.CreateContext();
        Assert.Equal(7, await db.Users.CountAsync());
        var user = await db.Users.SingleAsync(u => u.Email == "volunteer@athar.local");
        Assert.Equal("ريم إبراهيم الشهري", user.FullNameAr);
        Assert.True(AtharTool.PasswordVerifies(user, Athar.Data.Seeding.DemoData.Password));
    }

    [Theory]
    [InlineData("Short1A")]        // 7 characters
    [InlineData("password123")]     // a common password
    [InlineData("qwertyuiop")]      // a keyboard pattern
    [InlineData("Noura-Lantern-77")] // the admin's name
    [InlineData("chief-harbour-51")] // the e-mail's local part
    public async Task AdminCreate_WithAWeakPassword_IsRefusedAndCreatesNothing(string password)
    {
        await AtharTool.MigrateAsync(_database);

        var result = await AtharTool.AdminCreateAsync(_database, "chief@example.sa", password);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("not created", result.Error, StringComparison.Ordinal);
        Assert.Contains("Password", result.Error, StringComparison.Ordinal);
        await using var db = _database.CreateContext();
        Assert.Equal(0, await db.Users.CountAsync());
        Assert.Equal(0, await db.UserRoles.CountAsync());
    }

    [Theory]
    [InlineData("not-an-email")]
    [InlineData("chief@localhost")]
    [InlineData("chief@@example.sa")]
    [InlineData("Chief <chief@example.sa>")]
    [InlineData("chief@example.")]
    public async Task AdminCreate_WithAMalformedEmail_IsRefused(string email)
    {
        await AtharTool.MigrateAsync(_database);

        var result = await AtharTool.AdminCreateAsync(_database, email);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("not a valid e-mail address", result.Error, StringComparison.Ordinal);
        await using var db = _database.CreateContext();
        Assert.Equal(0, await db.Users.CountAsync());
    }

    [Fact]
    public async Task AdminCreate_WithoutEmail_IsAUsageError()
    {
        var result = await AtharTool.RunAsync(_database.Environment, "admin", "create", "--name", "مدير المنصة", "--password", AtharTool.AdminPassword);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("'--email' is required", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(_database.FilePath));
    }

    [Fact]
    public async Task AdminCreate_WithoutName_IsAUsageError()
    {
        var result = await AtharTool.RunAsync(_database.Environment, "admin", "create", "--email", "chief@example.sa", "--password", AtharTool.AdminPassword);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("'--name' is required", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("م")]
    [InlineData("12345")]
    public async Task AdminCreate_WithAnInvalidName_IsRefused(string name)
    {
        await AtharTool.MigrateAsync(_database);

        var result = await AtharTool.RunAsync(_database.Environment, "admin", "create", "--email", "chief@example.sa", "--name", name, "--password", AtharTool.AdminPassword);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("--name", result.Error, StringComparison.Ordinal);
        await using var db = _database.CreateContext();
        Assert.Equal(0, await db.Users.CountAsync());
    }

    [Fact]
    public async Task AdminCreate_ReadsThePasswordFromTheEnvironment()
    {
        await AtharTool.MigrateAsync(_database);
        var environment = _database.Environment;
        environment[AdminCreateCommand.PasswordVariable] = "From-Env-2026";

        var result = await AtharTool.RunAsync(environment, "admin", "create", "--email", "chief@example.sa", "--name", "مدير المنصة");

        Assert.True(result.ExitCode == 0, result.ToString());
        await using var db = _database.CreateContext();
        Assert.True(AtharTool.PasswordVerifies(await db.Users.SingleAsync(), "From-Env-2026"));
    }

    [Fact]
    public async Task AdminCreate_PrefersThePasswordOptionToTheEnvironment()
    {
        await AtharTool.MigrateAsync(_database);
        var environment = _database.Environment;
        environment[AdminCreateCommand.PasswordVariable] = "From-Env-2026";

        var result = await AtharTool.RunAsync(environment, "admin", "create", "--email", "chief@example.sa", "--name", "مدير المنصة", "--password", "From-Option-2026");

        Assert.True(result.ExitCode == 0, result.ToString());
        await using var db = _database.CreateContext();
        Assert.True(AtharTool.PasswordVerifies(await db.Users.SingleAsync(), "From-Option-2026"));
    }

    [Fact]
    public async Task AdminCreate_WithNoPasswordAndNoTerminal_IsAUsageErrorThatSaysWhereToPutIt()
    {
        await AtharTool.MigrateAsync(_database);

        var result = await AtharTool.RunWithPromptAsync(_database.Environment, prompt: null, "admin", "create", "--email", "chief@example.sa", "--name", "مدير المنصة");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains(AdminCreateCommand.PasswordVariable, result.Error, StringComparison.Ordinal);
        await using var db = _database.CreateContext();
        Assert.Equal(0, await db.Users.CountAsync());
    }

    [Fact]
    public async Task AdminCreate_AtATerminal_AsksForThePasswordTwice()
    {
        await AtharTool.MigrateAsync(_database);
        var prompts = new List<string>();

        var result = await AtharTool.RunWithPromptAsync(_database.Environment, (prompt, _) => { prompts.Add(prompt); return "Typed-Pass-2026"; },
            "admin", "create", "--email", "chief@example.sa", "--name", "مدير المنصة");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(2, prompts.Count);
        await using var db = _database.CreateContext();
        Assert.True(AtharTool.PasswordVerifies(await db.Users.SingleAsync(), "Typed-Pass-2026"));
    }

    [Fact]
    public async Task AdminCreate_WhenTheTypedPasswordsDiffer_IsRefusedAndCreatesNothing()
    {
        await AtharTool.MigrateAsync(_database);
        var answers = new Queue<string>(["Typed-Pass-2026", "Typed-Pass-2027"]);

        var result = await AtharTool.RunWithPromptAsync(_database.Environment, (_, _) => answers.Dequeue(),
            "admin", "create", "--email", "chief@example.sa", "--name", "مدير المنصة");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("differ", result.Error, StringComparison.Ordinal);
        await using var db = _database.CreateContext();
        Assert.Equal(0, await db.Users.CountAsync());
    }

    [Fact]
    public async Task AdminCreate_BeforeMigrate_IsRefusedWithAHint()
    {
        var result = await AtharTool.AdminCreateAsync(_database, "chief@example.sa");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("athar migrate", result.Error, StringComparison.Ordinal);
    }
}
