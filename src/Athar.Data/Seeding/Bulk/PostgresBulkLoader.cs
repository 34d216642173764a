using System.Data.Common;
using Athar.Data.Infrastructure;
using Npgsql;
using NpgsqlTypes;

namespace Athar.Data.Seeding.Bulk;

/// <summary>
/// PostgreSQL: binary COPY into tables whose foreign keys, primary and unique keys, indexes and triggers
/// were dropped in the same transaction, then recreated from their saved definitions (the foreign keys
/// are validated again when added back). DDL is transactional in PostgreSQL, so a failed load leaves the
/// schema as it was.
/// </summary>
public sealed class PostgresBulkLoader(string connectionString) : BulkLoader
{
    private readonly NpgsqlConnection _connection = new(connectionString);
    private NpgsqlTransaction? _transaction;
    private readonly List<string> _restore = [];

    public override async Task BeginAsync(IReadOnlyCollection<string> tables, CancellationToken cancellationToken)
    {
        await _connection.OpenAsync(cancellationToken);
        _transaction = await _connection.BeginTransactionAsync(cancellationToken);
        // Index builds sort in memory rather than in temporary files when they can; the server's own
        // settings (durability included) are untouched.
        await ExecuteAsync("SET LOCAL maintenance_work_mem = '512MB';", cancellationToken);

        var names = tables.ToArray();
        var foreignKeys = await ReadAsync(_connection, _transaction, """
            SELECT format('ALTER TABLE %s DROP CONSTRAINT %I;', c.conrelid::regclass, c.conname),
                   format('ALTER TABLE %s ADD CONSTRAINT %I %s;', c.conrelid::regclass, c.conname, pg_get_constraintdef(c.oid))
            FROM pg_constraint c
            WHERE c.contype = 'f' AND (c.conrelid::regclass::text = ANY(@quoted) OR c.confrelid::regclass::text = ANY(@quoted))
            ORDER BY c.conname
            """, names, cancellationToken);
        var keys = await ReadAsync(_connection, _transaction, KeysSql, names, cancellationToken);
        var indexes = await ReadAsync(_connection, _transaction, IndexesSql, names, cancellationToken);
        var triggers = await ReadAsync(_connection, _transaction, """
            SELECT format('DROP TRIGGER %I ON %s;', t.tgname, t.tgrelid::regclass), pg_get_triggerdef(t.oid) || ';'
            FROM pg_trigger t
            WHERE NOT t.tgisinternal AND t.tgrelid::regclass::text = ANY(@quoted)
            ORDER BY t.tgname
            """, names, cancellationToken);

        // Drop dependants first; rebuild keys first, then indexes, then foreign keys (which need the keys), then triggers.
        foreach (var (drop, _) in foreignKeys.Concat(triggers).Concat(indexes).Concat(keys))
            await ExecuteAsync(drop, cancellationToken);
        _restore.AddRange(keys.Select(k => k.Create));
        _restore.AddRange(indexes.Select(i => i.Create));
        _restore.AddRange(foreignKeys.Select(f => f.Create));
        _restore.AddRange(triggers.Select(t => t.Create));
    }

    public override void Write(BulkTable table, IReadOnlyList<object> rows, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Copy(_connection, table, rows);
    }

    /// <summary>
    /// One binary COPY of <paramref name="rows"/>, in the connection's current transaction; the table's triggers fire as for INSERTs.
    /// <paramref name="timeout"/> replaces the connection's command timeout for it (<see cref="TimeSpan.Zero"/>: none).
    /// </summary>
    internal static void Copy(NpgsqlConnection connection, BulkTable table, IReadOnlyList<object> rows, TimeSpan? timeout = null)
    {
        var columns = string.Join(", ", table.Columns.Select(c => Quote(c.Name)));
        using var importer = connection.BeginBinaryImport($"COPY {Quote(table.Name)} ({columns}) FROM STDIN (FORMAT BINARY)");
        if (timeout is { } limit)
            importer.Timeout = limit;
        foreach (var row in rows)
        {
            importer.StartRow();
            foreach (var column in table.Columns)
                WriteValue(importer, column.Read(row));
        }
        importer.Complete();
    }

    private static void WriteValue(NpgsqlBinaryImporter importer, object? value)
    {
        switch (value)
        {
            case null: importer.WriteNull(); break;
            case Guid g: importer.Write(g, NpgsqlDbType.Uuid); break;
            case string s: importer.Write(s, NpgsqlDbType.Text); break;
            case int i: importer.Write(i, NpgsqlDbType.Integer); break;
            case long l: importer.Write(l, NpgsqlDbType.Bigint); break;
            case bool b: importer.Write(b, NpgsqlDbType.Boolean); break;
            case DateTimeOffset t: importer.Write(t.ToUniversalTime(), NpgsqlDbType.TimestampTz); break;
            case DateOnly d: importer.Write(d, NpgsqlDbType.Date); break;
            case TimeOnly t: importer.Write(t, NpgsqlDbType.Time); break;
            case decimal m: importer.Write(m, NpgsqlDbType.Numeric); break;
            default: throw new NotSupportedException($"The bulk loader cannot write a {value.GetType().Name}.");
        }
    }

    public override async Task CommitAsync(IReadOnlyList<RebuildStep> afterLoad, Action<string> stage, CancellationToken cancellationToken)
    {
        stage("keys and indexes");
        foreach (var statement in _restore)
            await TimedAsync(statement, () => ExecuteAsync(statement, cancellationToken));
        stage("search and statistics");
        foreach (var step in afterLoad)
            await TimedAsync(step.Label, () => step.ExecuteAsync(_connection, _transaction!, cancellationToken));
        stage("commit");
        await _transaction!.CommitAsync(cancellationToken);
        await _transaction.DisposeAsync();
        _transaction = null;
    }

    public override async Task OptimizeAsync(CancellationToken cancellationToken) =>
        // Freshly copied pages have no visibility map: VACUUM sets it (index-only scans) and ANALYZE feeds the planner.
        await ExecuteAsync("VACUUM (ANALYZE);", cancellationToken);

    public override async ValueTask DisposeAsync()
    {
        if (_transaction is not null)
            await _transaction.DisposeAsync();
        await _connection.DisposeAsync();
    }

    private Task ExecuteAsync(string sql, CancellationToken cancellationToken) => ExecuteAsync(_connection, _transaction!, sql, cancellationToken);

    private const string KeysSql = """
        SELECT format('ALTER TABLE %s DROP CONSTRAINT %I;', c.conrelid::regclass, c.conname),
               format('ALTER TABLE %s ADD CONSTRAINT %I %s;', c.conrelid::regclass, c.conname, pg_get_constraintdef(c.oid))
        FROM pg_constraint c
        WHERE c.contype IN ('p', 'u') AND c.conrelid::regclass::text = ANY(@quoted)
        ORDER BY c.conname
        """;

    private const string IndexesSql = """
        SELECT format('DROP INDEX %s;', i.indexrelid::regclass), pg_get_indexdef(i.indexrelid) || ';'
        FROM pg_index i
        WHERE i.indrelid::regclass::text = ANY(@quoted)
          AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
        ORDER BY i.indexrelid::regclass::text
        """;

    /// <summary>
    /// Two steps around a rebuild that fills <paramref name="tables"/> from nothing with plain INSERTs: their primary and
    /// unique keys and their indexes dropped before, and created again from their saved definitions after (nothing may
    /// reference the keys by a foreign key). Building an index over the finished table sorts once; maintaining four
    /// while inserting the activity facts' 8 million rows cost about 50 of the step's 130 s, and the application
    /// counters' upsert into their emptied, keyed table took 59.5 s where a plain insert and a key built after take 38 s (issue #7).
    /// </summary>
    public static (RebuildStep Drop, RebuildStep Restore) IndexesSetAsideAround(params string[] tables)
    {
        var label = tables.Length == 1 ? tables[0] : $"{tables.Length} tables";
        var restore = new List<string>();
        async Task DropAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
        {
            var (npgsql, tx) = ((NpgsqlConnection)connection, (NpgsqlTransaction)transaction);
            var keys = await ReadAsync(npgsql, tx, KeysSql, tables, cancellationToken);
            var indexes = await ReadAsync(npgsql, tx, IndexesSql, tables, cancellationToken);
            restore.Clear();
            restore.AddRange(keys.Select(k => k.Create).Concat(indexes.Select(i => i.Create)));
            foreach (var (drop, _) in indexes.Concat(keys))
                await ExecuteAsync(npgsql, tx, drop, cancellationToken);
        }
        async Task RestoreAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
        {
            foreach (var create in restore)
                await ExecuteAsync((NpgsqlConnection)connection, (NpgsqlTransaction)transaction, create, cancellationToken);
        }
        return (RebuildStep.Code(DropAsync, $"{label}: keys and indexes set aside"), RebuildStep.Code(RestoreAsync, $"{label}: keys and indexes built again"));
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<List<(string Drop, string Create)>> ReadAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, string[] tables, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        // regclass::text quotes mixed-case names: "Opportunities".
        command.Parameters.AddWithValue("quoted", tables.Select(Quote).ToArray());
        var rows = new List<(string, string)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            rows.Add((reader.GetString(0), reader.GetString(1)));
        return rows;
    }

    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
