using Athar.Cli.Tests.Infrastructure;
using Athar.Data.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Athar.Cli.Tests;

/// <summary>athar backup / restore round trips, and athar privacy accessed-by, on both databases.</summary>
public static class BackupScenarios
{
    public static async Task BackupThenRestore_BringsBackExactlyTheBackedUpState(ITestDatabase database)
    {
        var file = Path.Combine(Path.GetTempPath(), $"athar-backup-{Guid.NewGuid():N}.bak");
        try
        {
            await AtharTool.MigrateAsync(database);
            Assert.Equal(0, (await AtharTool.AdminCreateAsync(database, "kept@example.sa")).ExitCode);

            var backup = await AtharTool.RunAsync(database.Environment, "backup", "--file", file);
            Assert.True(backup.ExitCode == 0, backup.ToString());
            Assert.True(new FileInfo(file).Length > 0);

            Assert.Equal(0, (await AtharTool.AdminCreateAsync(database, "later@example.sa")).ExitCode);
            var restore = await AtharTool.RunAsync(database.Environment, "restore", "--file", file);
            Assert.True(restore.ExitCode == 0, restore.ToString());

            await using var db = database.CreateContext();
            Assert.Equal(["kept@example.sa"], await db.Users.Select(u => u.Email!).ToListAsync());
            // The restored database is whole: migrations recorded, triggers in place (the audit trail verifies).
            var verify = await AtharTool.RunAsync(database.Environment, "audit", "verify");
            Assert.True(verify.ExitCode == 0, verify.ToString());
        }
        finally
        {
            File.Delete(file);
        }
    }

    public static async Task PrivacyAccessedBy_ListsExactlyThePeopleTheAccountWasShown(ITestDatabase database)
    {
        await AtharTool.MigrateAsync(database);
        Assert.Equal(0, (await AtharTool.AdminCreateAsync(database, "viewer@example.sa")).ExitCode);
        Assert.Equal(0, (await AtharTool.AdminCreateAsync(database, "seen@example.sa")).ExitCode);
        Assert.Equal(0, (await AtharTool.AdminCreateAsync(database, "unseen@example.sa")).ExitCode);
        await using (var db = database.CreateContext())
        {
            var ids = await db.Users.ToDictionaryAsync(u => u.Email!, u => u.Id);
            var at = new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);
            db.PersonalDataAccessLog.AddRange(
                new PersonalDataAccess { At = at, ViewerId = ids["viewer@example.sa"], PersonId = ids["seen@example.sa"], Purpose = PersonalDataPurposes.AdminRecentUsers },
                new PersonalDataAccess { At = at.AddDays(1), ViewerId = ids["viewer@example.sa"], PersonId = ids["seen@example.sa"], Purpose = PersonalDataPurposes.Applicants },
                new PersonalDataAccess { At = at, ViewerId = ids["seen@example.sa"], PersonId = ids["unseen@example.sa"], Purpose = PersonalDataPurposes.Applicants });
            await db.SaveChangesAsync();
        }

        var result = await AtharTool.RunAsync(database.Environment, "privacy", "accessed-by", "--user", "viewer@example.sa");
        var later = await AtharTool.RunAsync(database.Environment, "privacy", "accessed-by", "--user", "viewer@example.sa", "--since", "2026-11-22");
        var unknown = await AtharTool.RunAsync(database.Environment, "privacy", "accessed-by", "--user", "nobody@example.sa");

        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal("person_id,name,email,phone,views,first_at,last_at,purposes", lines[0]);
        var row = Assert.Single(lines.Skip(1));
        Assert.Contains(",seen@example.sa,,2,", row, StringComparison.Ordinal);
        Assert.EndsWith("admin.recent-users applicants", row, StringComparison.Ordinal);
        Assert.DoesNotContain("unseen@example.sa", result.Output, StringComparison.Ordinal);
        Assert.Single(later.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(1, unknown.ExitCode);
    }
}

public sealed class BackupCommandTests : IAsyncLifetime
{
    private readonly SqliteTestDatabase _database = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public Task BackupThenRestore_OnSqlite_BringsBackExactlyTheBackedUpState() => BackupScenarios.BackupThenRestore_BringsBackExactlyTheBackedUpState(_database);

    [Fact]
    public Task PrivacyAccessedBy_OnSqlite_ListsExactlyThePeopleTheAccountWasShown() => BackupScenarios.PrivacyAccessedBy_ListsExactlyThePeopleTheAccountWasShown(_database);

    [Fact]
    public async Task Backup_WithoutAFile_IsAUsageError()
    {
        var result = await AtharTool.RunAsync(_database.Environment, "backup");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("'--file' is required", result.Error, StringComparison.Ordinal);
    }
}
