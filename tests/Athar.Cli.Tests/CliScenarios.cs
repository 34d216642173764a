using Athar.Cli.Tests.Infrastructure;
using Athar.Core.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Athar.Cli.Tests;

/// <summary>The behaviours checked on both providers; SQLite and PostgreSQL test classes call these.</summary>
public static class CliScenarios
{
    public static async Task Migrate_CreatesTheSchemaWithThirteenRegions(ITestDatabase database)
    {
        var first = await AtharTool.MigrateAsync(database);
        Assert.Contains("Initial", first.Output, StringComparison.Ordinal);

        await using (var db = database.CreateContext())
        {
            Assert.Equal(13, await db.Regions.CountAsync());
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.Equal(Roles.All.Order(StringComparer.Ordinal), (await db.Roles.Select(r => r.Name!).ToListAsync()).Order(StringComparer.Ordinal));
        }

        var second = await AtharTool.MigrateAsync(database);
        Assert.Contains("up to date", second.Output, StringComparison.Ordinal);
    }

    public static async Task AdminCreate_MakesAConfirmedPlatformAdminWhosePasswordVerifies(ITestDatabase database)
    {
        await AtharTool.MigrateAsync(database);

        var result = await AtharTool.AdminCreateAsync(database, "chief@example.sa");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("chief@example.sa", result.Output, StringComparison.Ordinal);
        await using var db = database.CreateContext();
        var user = await db.Users.SingleAsync();
        Assert.Equal("chief@example.sa", user.Email);
        Assert.Equal("chief@example.sa", user.UserName);
        Assert.True(user.EmailConfirmed);
        Assert.Equal("نورة المشرفة", user.FullNameAr);
        Assert.Equal("Noura Admin", user.FullNameEn);
        Assert.True(AtharTool.PasswordVerifies(user, AtharTool.AdminPassword));
        Assert.False(AtharTool.PasswordVerifies(user, "Wrong-Pass-2026"));
        Assert.Equal([Roles.PlatformAdmin], await AtharTool.RolesOfAsync(database, "chief@example.sa"));
    }

    public static async Task AdminCreate_Twice_IsIdempotent(ITestDatabase database)
    {
        await AtharTool.MigrateAsync(database);

        var first = await AtharTool.AdminCreateAsync(database, "chief@example.sa");
        var second = await AtharTool.AdminCreateAsync(database, "chief@example.sa", password: "Other-Pass-2027");

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Contains("already a platform admin", second.Output, StringComparison.Ordinal);
        await using var db = database.CreateContext();
        var user = await db.Users.SingleAsync();
        Assert.Single(await db.UserRoles.ToListAsync());
        // The second run neither replaced the account nor its password.
        Assert.True(AtharTool.PasswordVerifies(user, AtharTool.AdminPassword));
        Assert.Equal([Roles.PlatformAdmin], await AtharTool.RolesOfAsync(database, "chief@example.sa"));
    }
}
