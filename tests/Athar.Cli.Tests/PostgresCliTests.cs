using Athar.Cli.Tests.Infrastructure;
using Npgsql;

namespace Athar.Cli.Tests;

/// <summary>
/// The same behaviours on PostgreSQL, each test in a database of its own. Needs ATHAR_TEST_POSTGRES (./test.sh
/// sets it); without it these fail with a message saying so. Locally: --filter "Database!=Postgres".
/// </summary>
[Trait("Database", "Postgres")]
public sealed class PostgresCliTests : IAsyncLifetime
{
    private PostgresTestDatabase? _database;

    private PostgresTestDatabase Database => _database ?? throw new InvalidOperationException("The test database was not created.");

    public async Task InitializeAsync() => _database = await PostgresTestDatabase.CreateAsync();

    public async Task DisposeAsync()
    {
        if (_database is not null)
            await _database.DisposeAsync();
    }

    [Fact]
    public Task Migrate_OnPostgres_CreatesTheSchemaWithThirteenRegions() =>
        CliScenarios.Migrate_CreatesTheSchemaWithThirteenRegions(Database);

    [Fact]
    public Task AdminCreate_OnPostgres_MakesAConfirmedPlatformAdminWhosePasswordVerifies() =>
        CliScenarios.AdminCreate_MakesAConfirmedPlatformAdminWhosePasswordVerifies(Database);

    [Fact]
    public Task BackupThenRestore_OnPostgres_BringsBackExactlyTheBackedUpState() =>
        BackupScenarios.BackupThenRestore_BringsBackExactlyTheBackedUpState(Database);

    [Fact]
    public Task PrivacyAccessedBy_OnPostgres_ListsExactlyThePeopleTheAccountWasShown() =>
        BackupScenarios.PrivacyAccessedBy_ListsExactlyThePeopleTheAccountWasShown(Database);

    [Fact]
    public Task AdminCreate_OnPostgres_Twice_IsIdempotent() =>
        CliScenarios.AdminCreate_Twice_IsIdempotent(Database);

    [Fact]
    public Task Seed_OnPostgres_SatisfiesTheDomainInvariants() =>
        NationalSeedScenarios.Seed_SatisfiesTheDomainInvariants(Database);

    [Fact]
    public async Task Seed_OnPostgres_GivesTheSameDataAsOnSqlite()
    {
        await using var sqlite = new SqliteTestDatabase();
        await NationalSeedScenarios.SeedAsync(sqlite);
        await NationalSeedScenarios.SeedAsync(Database);

        Assert.Equal(await NationalSeedScenarios.ChecksumAsync(sqlite), await NationalSeedScenarios.ChecksumAsync(Database));
    }

    /// <summary>
    /// The seeder sets keys, indexes and triggers aside while it loads and rebuilds (the activity facts' keys and indexes
    /// until their table is full) and installs the statistics triggers' latest SQL: afterwards the schema must be the
    /// one the migrations made, definition for definition, function bodies included.
    /// </summary>
    [Fact]
    public async Task Seed_OnPostgres_LeavesEveryKeyIndexTriggerAndFunctionAsTheMigrationsMadeThem()
    {
        await AtharTool.MigrateAsync(Database);
        var migrated = await SchemaAsync();
        Assert.Contains(migrated, line => line.StartsWith("index CREATE UNIQUE INDEX \"PK_StatsActivity\"", StringComparison.Ordinal));

        await NationalSeedScenarios.SeedAsync(Database);

        Assert.Equal(migrated, await SchemaAsync());
    }

    private async Task<List<string>> SchemaAsync()
    {
        const string sql = """
            SELECT 'constraint ' || conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint WHERE connamespace = 'public'::regnamespace
            UNION ALL SELECT 'index ' || indexdef FROM pg_indexes WHERE schemaname = 'public'
            UNION ALL SELECT 'trigger ' || pg_get_triggerdef(oid) FROM pg_trigger WHERE NOT tgisinternal
            UNION ALL SELECT 'function ' || proname || ' ' || md5(prosrc) FROM pg_proc WHERE pronamespace = 'public'::regnamespace
            ORDER BY 1
            """;
        await using var connection = new NpgsqlConnection(Database.Options.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var lines = new List<string>();
        while (await reader.ReadAsync())
            lines.Add(reader.GetString(0));
        return lines;
    }

    [Fact]
    public Task Import_OnPostgres_DryRunThenImportThenAgain_AddsOnce() => ImportScenarios.DryRun_ThenImport_ThenAgain_AddsOnce(Database);

    [Fact]
    public Task Import_OnPostgres_Problems_AreListedByRowAndColumn() => ImportScenarios.Problems_AreListedByRowAndColumn_AndNothingIsWritten(Database);
}
