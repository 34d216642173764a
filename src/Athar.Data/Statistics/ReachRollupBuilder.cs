using System.Data.Common;
using System.Runtime.InteropServices;
using Athar.Data.Infrastructure;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace Athar.Data.Statistics;

/// <summary>One <see cref="StatsReach"/> row's key.</summary>
public readonly record struct ReachCell(ReachPeriod Kind, int PeriodKey, RollupDim Dim, long DimValue);

/// <summary>
/// Rebuilds <see cref="StatsReach"/> in one pass over the active activity rows, ordered by volunteer, instead of the
/// 70 <c>SELECT DISTINCT</c> passes of <see cref="StatsRollupSql.RebuildRollups"/> (one per period kind and dimension,
/// each re-reading and re-sorting every row: 170 s of the 357 s statistics rebuild at scale 0.3, issue #7). For each
/// volunteer it collects the distinct (period, dimension value) cells of their rows and adds one to each cell's count,
/// which is the same exact distinct count. The keys come from <see cref="StatsRollupKeys"/>; the migrations keep the
/// SQL rebuild, and ReachRollupBuilderTests hold the two to the same rows.
/// </summary>
public static class ReachRollupBuilder
{
    private const string ActiveColumns =
        "SELECT \"VolunteerId\", \"Month\", \"HijriMonth\", \"RegionId\", \"CityId\", \"FieldId\", \"Gender\", \"AgeBand\", " +
        "\"OrganizationType\", \"VolunteeringType\" FROM \"StatsActivity\" WHERE \"Minutes\" > 0";

    /// <summary>
    /// The active rows' rollup columns, one volunteer's rows together (the order within a volunteer does not matter).
    /// PostgreSQL would read them in order through the key (VolunteerId first), one random heap page per row: 145 s for
    /// the 8M rows of scale 1, against 33 s for a sequential scan and a sort (EXPLAIN ANALYZE, same load, see
    /// bench/results/2026-12-07-reach-rebuild.md); <c>OFFSET 0</c> keeps the scan from being planned for the outer order.
    /// SQLite has no <c>OFFSET</c> without <c>LIMIT</c> and reads its smaller databases through the key.
    /// </summary>
    private static string ActiveRows(bool postgres) => postgres
        ? $"SELECT * FROM ({ActiveColumns} OFFSET 0) a ORDER BY \"VolunteerId\""
        : $"{ActiveColumns} ORDER BY \"VolunteerId\"";

    // Arrays, not the IReadOnlyLists: the loops below run ~70 times per row over millions of rows.
    private static readonly ReachPeriod[] Kinds = [.. StatsRollupSql.Kinds];
    private static readonly RollupDim[] Dims = [.. StatsRollupSql.Dims];

    /// <summary>Replaces every StatsReach row with the counts from the active activity rows; returns the rows written.</summary>
    public static async Task<int> RebuildAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        var counts = await CountAsync(connection, transaction, cancellationToken);
        await ((RebuildStep)"DELETE FROM \"StatsReach\";").ExecuteAsync(connection, transaction, cancellationToken);
        if (connection is NpgsqlConnection npgsql)
            await CopyAsync(npgsql, counts, cancellationToken);
        else
            await InsertAsync((SqliteConnection)connection, (SqliteTransaction)transaction, counts, cancellationToken);
        return counts.Count;
    }

    /// <summary>The distinct active volunteers of every reach cell, read from StatsActivity without writing anything.</summary>
    public static async Task<Dictionary<ReachCell, long>> CountAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<ReachCell, long>();
        // Reused for every volunteer: a volunteer's rows share most cells (same year, region, gender, age band).
        var cells = new HashSet<ReachCell>();
        var values = new long[Dims.Length];
        Guid? volunteer = null;
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = ActiveRows(connection is NpgsqlConnection);
        command.CommandTimeout = 0;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var id = reader.GetGuid(0);
            if (id != volunteer)
            {
                AddOnePerCell(cells, counts);
                volunteer = id;
            }
            var facts = new RollupFacts(reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3), reader.GetInt32(4), reader.GetInt32(5),
                reader.GetInt32(6), reader.GetInt32(7), reader.GetInt32(8), reader.GetInt32(9));
            for (var i = 0; i < Dims.Length; i++)
                values[i] = StatsRollupKeys.DimValue(Dims[i], facts);
            foreach (var kind in Kinds)
            {
                var period = StatsRollupKeys.PeriodKey(kind, facts.Month, facts.HijriMonth);
                for (var i = 0; i < Dims.Length; i++)
                    cells.Add(new ReachCell(kind, period, Dims[i], values[i]));
            }
        }
        AddOnePerCell(cells, counts);
        return counts;
    }

    private static void AddOnePerCell(HashSet<ReachCell> cells, Dictionary<ReachCell, long> counts)
    {
        foreach (var cell in cells)
            CollectionsMarshal.GetValueRefOrAddDefault(counts, cell, out _)++;
        cells.Clear();
    }

    private static async Task CopyAsync(NpgsqlConnection connection, Dictionary<ReachCell, long> counts, CancellationToken cancellationToken)
    {
        // COPY runs in the connection's open transaction.
        await using var copy = await connection.BeginBinaryImportAsync(
            "COPY \"StatsReach\" (\"PeriodKind\", \"PeriodKey\", \"Dim\", \"DimValue\", \"Volunteers\") FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var (cell, volunteers) in counts)
        {
            await copy.StartRowAsync(cancellationToken);
            await copy.WriteAsync((int)cell.Kind, NpgsqlDbType.Integer, cancellationToken);
            await copy.WriteAsync(cell.PeriodKey, NpgsqlDbType.Integer, cancellationToken);
            await copy.WriteAsync((int)cell.Dim, NpgsqlDbType.Integer, cancellationToken);
            await copy.WriteAsync(cell.DimValue, NpgsqlDbType.Bigint, cancellationToken);
            await copy.WriteAsync(volunteers, NpgsqlDbType.Bigint, cancellationToken);
        }
        await copy.CompleteAsync(cancellationToken);
    }

    private static async Task InsertAsync(SqliteConnection connection, SqliteTransaction transaction, Dictionary<ReachCell, long> counts, CancellationToken cancellationToken)
    {
        // One prepared statement rebound per row, in the caller's transaction: SQLite's fastest plain insert path.
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO \"StatsReach\" (\"PeriodKind\", \"PeriodKey\", \"Dim\", \"DimValue\", \"Volunteers\") VALUES ($k, $p, $d, $v, $n);";
        var k = insert.Parameters.Add("$k", SqliteType.Integer);
        var p = insert.Parameters.Add("$p", SqliteType.Integer);
        var d = insert.Parameters.Add("$d", SqliteType.Integer);
        var v = insert.Parameters.Add("$v", SqliteType.Integer);
        var n = insert.Parameters.Add("$n", SqliteType.Integer);
        insert.Prepare();
        foreach (var (cell, volunteers) in counts)
        {
            k.Value = (int)cell.Kind;
            p.Value = cell.PeriodKey;
            d.Value = (int)cell.Dim;
            v.Value = cell.DimValue;
            n.Value = volunteers;
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
