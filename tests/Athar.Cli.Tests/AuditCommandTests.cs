using Athar.Cli.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Athar.Cli.Tests;

public sealed class AuditCommandTests : IAsyncLifetime
{
    private readonly SqliteTestDatabase _database = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task AuditVerify_IsIntactAfterSealing_AndReportsAnEntryAlteredBehindTheTriggersBack()
    {
        await AtharTool.MigrateAsync(_database);
        Assert.Equal(0, (await AtharTool.AdminCreateAsync(_database, "chief@example.sa")).ExitCode);

        var waiting = await AtharTool.RunAsync(_database.Environment, "audit", "verify");
        Assert.True(waiting.ExitCode == 0, waiting.ToString());
        Assert.Contains("0 sealed entries checked, 1 waiting to be sealed", waiting.Output, StringComparison.Ordinal);

        var seal = await AtharTool.RunAsync(_database.Environment, "audit", "seal");
        Assert.True(seal.ExitCode == 0, seal.ToString());
        Assert.Contains("1 audit entries sealed", seal.Output, StringComparison.Ordinal);
        var intact = await AtharTool.RunAsync(_database.Environment, "audit", "verify");
        Assert.True(intact.ExitCode == 0, intact.ToString());
        Assert.Contains("audit trail intact, 1 sealed entries checked, 0 waiting", intact.Output, StringComparison.Ordinal);

        await using (var connection = new SqliteConnection($"Data Source={_database.FilePath};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var update = connection.CreateCommand();
            // The trigger refuses the change first; only someone who drops it can alter the row.
            update.CommandText = "UPDATE \"AuditEntries\" SET \"Detail\" = 'via=web'";
            await Assert.ThrowsAsync<SqliteException>(() => update.ExecuteNonQueryAsync());
            update.CommandText = "DROP TRIGGER audit_seal_only; UPDATE \"AuditEntries\" SET \"Detail\" = 'via=web';";
            await update.ExecuteNonQueryAsync();
        }

        var broken = await AtharTool.RunAsync(_database.Environment, "audit", "verify");
        Assert.True(broken.ExitCode == 1, broken.ToString());
        Assert.Contains("BROKEN at entry 1: the entry was changed after it was sealed", broken.Error, StringComparison.Ordinal);
    }
}
