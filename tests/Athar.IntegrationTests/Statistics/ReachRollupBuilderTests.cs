using System.Data.Common;
using Athar.Data.Infrastructure;
using Athar.Data.Statistics;
using Athar.IntegrationTests.Infrastructure;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Athar.IntegrationTests.Statistics;

/// <summary>
/// The one-pass reach builder (seeder, <c>athar stats rebuild</c>) writes exactly the StatsReach rows of the migrations'
/// 70 set-based passes, on random activity facts that reach every period kind (quarters and Hijri years included) and
/// every dimension, with inactive rows (zero and negative minutes) that must count nowhere. This also holds
/// <see cref="StatsRollupKeys"/> (C#) to <see cref="StatsRollupSql.PeriodKey"/> and <see cref="StatsRollupSql.DimValue"/> (SQL).
/// </summary>
public sealed class ReachRollupBuilderTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Builder_WritesTheSameReachRows_AsTheSqlPasses(TestDatabase database)
    {
        var app = fixture.For(database);
        var provider = database == TestDatabase.Postgres ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;
        foreach (var seed in new[] { 1, 2, 3 })
        {
            await using DbConnection connection = database == TestDatabase.Postgres
                ? new NpgsqlConnection(app.ConnectionString)
                : new SqliteConnection(app.ConnectionString);
            await connection.OpenAsync();
            // Rolled back at the end: the other tests' facts and rollups stay as they were.
            await using var transaction = await connection.BeginTransactionAsync();
            foreach (var statement in StatsRollupSql.DropTriggers(provider))
                await ExecuteAsync(connection, transaction, statement);
            await ExecuteAsync(connection, transaction, "DELETE FROM \"StatsActivity\";");
            var active = await InsertRandomFactsAsync(connection, transaction, database, new Random(seed));

            await ExecuteAsync(connection, transaction, "DELETE FROM \"StatsReach\";");
            foreach (var statement in StatsRollupSql.ReachInserts())
                await ExecuteAsync(connection, transaction, statement);
            var fromSql = await ReachRowsAsync(connection, transaction);

            var written = await ReachRollupBuilder.RebuildAsync(connection, transaction, CancellationToken.None);
            var fromBuilder = await ReachRowsAsync(connection, transaction);

            // The data reaches every kind and dimension, and the SQL's own answer agrees with the facts: the comparison means something.
            Assert.Equal(Enum.GetValues<ReachPeriod>().Length, fromSql.Select(r => r.Split(' ')[0]).Distinct().Count());
            Assert.Equal(StatsRollupSql.Dims.Count, fromSql.Select(r => r.Split(' ')[2]).Distinct().Count());
            Assert.Contains($"{(int)ReachPeriod.Year} 2026 {(int)RollupDim.None} 0 {active.Where(a => a.Month / 100 == 2026).Select(a => a.Volunteer).Distinct().Count()}", fromSql);
            Assert.Equal(fromSql.Count, written);
            Assert.Equal(fromSql, fromBuilder);
            await transaction.RollbackAsync();
        }
    }

    private sealed record Fact(Guid Volunteer, int Month);

    /// <summary>
    /// 40 volunteers with 0–12 rows each over 2024-11 to 2027-02 (every quarter, year ends) and Hijri 1446–1448, every
    /// dimension varied, a quarter of the rows inactive (0 or negative minutes). Returns the active rows.
    /// </summary>
    private static async Task<List<Fact>> InsertRandomFactsAsync(DbConnection connection, DbTransaction transaction, TestDatabase database, Random random)
    {
        var active = new List<Fact>();
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        string[] columns = ["VolunteerId", "OpportunityId", "Month", "HijriMonth", "RegionId", "FieldId", "CityId", "OrganizationId", "OrganizationType",
            "ProgramId", "VolunteeringType", "Gender", "AgeBand", "Minutes", "Records"];
        insert.CommandText = $"INSERT INTO \"StatsActivity\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) " +
            $"VALUES ({string.Join(", ", columns.Select(c => "@" + c))});";
        var parameters = columns.ToDictionary(c => c, c =>
        {
            var p = insert.CreateParameter();
            p.ParameterName = "@" + c;
            insert.Parameters.Add(p);
            return p;
        });
        // EF stores a Guid as upper-case text in SQLite; the builder must read it as the app writes it.
        object Id(Guid id) => database == TestDatabase.Sqlite ? id.ToString().ToUpperInvariant() : id;

        for (var v = 0; v < 40; v++)
        {
            var volunteer = Guid.NewGuid();
            // A person's region, gender and age band mostly repeat across their rows, as in real data, so cells are shared.
            var region = random.Next(1, 14);
            var gender = random.Next(1, 3);
            var band = random.Next(0, 7);
            for (var r = random.Next(0, 13); r > 0; r--)
            {
                var month = AddMonths(202411, random.Next(0, 28));
                var hijri = AddMonths(144601, random.Next(0, 36));
                var minutes = random.Next(4) switch { 0 => random.Next(-120, 1), _ => random.Next(1, 600) };
                var rowRegion = random.Next(4) == 0 ? random.Next(1, 14) : region;
                parameters["VolunteerId"].Value = Id(volunteer);
                parameters["OpportunityId"].Value = Id(Guid.NewGuid());
                parameters["Month"].Value = month;
                parameters["HijriMonth"].Value = hijri;
                parameters["RegionId"].Value = rowRegion;
                parameters["FieldId"].Value = random.Next(1, 17);
                parameters["CityId"].Value = rowRegion * 100 + random.Next(1, 4);
                parameters["OrganizationId"].Value = Id(Guid.NewGuid());
                parameters["OrganizationType"].Value = random.Next(1, 7);
                parameters["ProgramId"].Value = DBNull.Value;
                parameters["VolunteeringType"].Value = random.Next(1, 4);
                parameters["Gender"].Value = random.Next(8) == 0 ? 3 - gender : gender;
                parameters["AgeBand"].Value = random.Next(8) == 0 ? random.Next(0, 7) : band;
                parameters["Minutes"].Value = (long)minutes;
                parameters["Records"].Value = 1;
                await insert.ExecuteNonQueryAsync();
                if (minutes > 0)
                    active.Add(new Fact(volunteer, month));
            }
        }
        return active;
    }

    private static int AddMonths(int yyyymm, int months)
    {
        var index = yyyymm / 100 * 12 + yyyymm % 100 - 1 + months;
        return index / 12 * 100 + index % 12 + 1;
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<List<string>> ReachRowsAsync(DbConnection connection, DbTransaction transaction)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT \"PeriodKind\", \"PeriodKey\", \"Dim\", \"DimValue\", \"Volunteers\" FROM \"StatsReach\"";
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            rows.Add($"{reader.GetInt32(0)} {reader.GetInt32(1)} {reader.GetInt32(2)} {reader.GetInt64(3)} {reader.GetInt64(4)}");
        rows.Sort(StringComparer.Ordinal);
        return rows;
    }
}
