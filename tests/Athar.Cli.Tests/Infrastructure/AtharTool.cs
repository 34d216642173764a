using Athar.Data.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Athar.Cli.Tests.Infrastructure;

public sealed record CliResult(int ExitCode, string Output, string Error)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Error}";
}

/// <summary>Runs `athar` in-process, as Program.cs does, with captured streams.</summary>
public static class AtharTool
{
    public const string AdminPassword = "Cedar-Lantern-2026";

    public static async Task<CliResult> RunAsync(IDictionary<string, string?> environment, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await AtharCli.RunAsync(args, output, error, environment);
        return new CliResult(code, output.ToString(), error.ToString());
    }

    /// <summary>The internal entry point, for what the public one takes from the real console: the password prompt.</summary>
    internal static async Task<CliResult> RunWithPromptAsync(IDictionary<string, string?> environment, SecretReader? prompt, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var console = new CliConsole(output, error, new Dictionary<string, string?>(environment, StringComparer.Ordinal), prompt);
        var code = await AtharCli.RunAsync(args, console, CancellationToken.None);
        return new CliResult(code, output.ToString(), error.ToString());
    }

    public static async Task<CliResult> MigrateAsync(ITestDatabase database)
    {
        var result = await RunAsync(database.Environment, "migrate");
        Assert.True(result.ExitCode == 0, result.ToString());
        return result;
    }

    public static Task<CliResult> AdminCreateAsync(ITestDatabase database, string email, string password = AdminPassword) =>
        RunAsync(database.Environment, "admin", "create", "--email", email, "--name", "نورة المشرفة", "--name-en", "Noura Admin", "--password", password);

    public static async Task<List<string>> RolesOfAsync(ITestDatabase database, string email)
    {
        var normalized = email.ToUpperInvariant();
        await using var db = database.CreateContext();
        return await (from user in db.Users
                      join link in db.UserRoles on user.Id equals link.UserId
                      join role in db.Roles on link.RoleId equals role.Id
                      where user.NormalizedEmail == normalized
                      orderby role.Name
                      select role.Name!).ToListAsync();
    }

    public static bool PasswordVerifies(AtharUser user, string password) =>
        user.PasswordHash is not null
        && new PasswordHasher<AtharUser>().VerifyHashedPassword(user, user.PasswordHash, password) != PasswordVerificationResult.Failed;
}
