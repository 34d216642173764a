using System.Data.Common;
using Athar.Data.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Athar.Data.Seeding.Bulk;

/// <summary>
/// SQLite: one prepared INSERT per table, bound row after row inside one large transaction, into tables
/// whose secondary indexes and triggers were dropped in that transaction and are recreated at the end.
/// Foreign keys are switched off while loading and checked as a whole before the commit.
/// </summary>
public sealed class SqliteBulkLoader(string connectionString) : BulkLoader
{
    private readonly SqliteConnection _connection = new(connectionString);
    private SqliteTransaction? _transaction;
    private readonly List<string> _restore = [];
    private readonly Dictionary<string, (SqliteCommand Command, SqliteParameter[] Parameters)> _inserts = new(StringComparer.Ordinal);

    public override async Task BeginAsync(IReadOnlyCollection<string> tables, CancellationToken cancellationToken)
    {
        await _connection.OpenAsync(cancellationToken);
        // foreign_keys cannot change inside a transaction; a bigger page cache keeps the indexes' B-trees in memory.
        // A rollback journal instead of the WAL while loading: the new pages are written once, into the file, rather
        // than into the WAL and again at the checkpoint; the journal holds only the few pages that existed before.
        // synchronous stays FULL, so the commit is as durable as any other.
        await ExecuteAsync("PRAGMA foreign_keys=OFF; PRAGMA journal_mode=DELETE; PRAGMA synchronous=FULL; PRAGMA cache_size=-262144;", cancellationToken);
        _transaction = _connection.BeginTransaction();

        var saved = new List<(string Type, string Name, string Sql)>();
        await using (var command = _connection.CreateCommand())
        {
            command.Transaction = _transaction;
            var names = tables.ToList();
            command.CommandText = "SELECT type, name, sql FROM sqlite_master WHERE type IN ('index', 'trigger') AND sql IS NOT NULL AND tbl_name IN (" +
                string.Join(", ", names.Select((_, i) => "$t" + i)) + ") ORDER BY type, name";
            for (var i = 0; i < names.Count; i++)
                command.Parameters.AddWithValue("$t" + i, names[i]);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
                saved.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        }
        foreach (var (type, name, _) in saved)
            await ExecuteAsync($"DROP {type.ToUpperInvariant()} \"{name}\";", cancellationToken);
        // Indexes before triggers: a trigger may rely on nothing, but rebuilding indexes first keeps it simple to read.
        _restore.AddRange(saved.Where(s => s.Type == "index").Select(s => s.Sql + ";"));
        _restore.AddRange(saved.Where(s => s.Type == "trigger").Select(s => s.Sql + ";"));
    }

    public override void Write(BulkTable table, IReadOnlyList<object> rows, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (!_inserts.TryGetValue(table.Name, out var insert))
        {
            var command = _connection.CreateCommand();
            command.Transaction = _transaction;
            command.CommandText = $"INSERT INTO \"{table.Name}\" ({string.Join(", ", table.Columns.Select(c => "\"" + c.Name + "\""))}) VALUES ({string.Join(", ", table.Columns.Select((_, i) => "$p" + i))})";
            // Untyped parameters: Store below has already turned every value into the storage class EF uses.
            var parameters = table.Columns.Select((_, i) => new SqliteParameter("$p" + i, DBNull.Value)).ToArray();
            command.Parameters.AddRange(parameters);
            command.Prepare();
            insert = (command, parameters);
            _inserts[table.Name] = insert;
        }
        var columns = table.Columns;
        foreach (var row in rows)
        {
            for (var i = 0; i < columns.Count; i++)
                insert.Parameters[i].Value = Store(columns[i].Read(row));
            insert.Command.ExecuteNonQuery();
        }
    }

    // EF's SQLite mappings store these as text; the formats are the ones EF itself writes and reads back.
    internal static object Store(object? value) => value switch
    {
        null => DBNull.Value,
        Guid g => g.ToString().ToUpperInvariant(),
        DateTimeOffset t => t.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFFzzz", System.Globalization.CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        TimeOnly t => t.Ticks % TimeSpan.TicksPerSecond == 0
            ? t.ToString("HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture)
            : t.ToString("HH:mm:ss.fffffff", System.Globalization.CultureInfo.InvariantCulture),
        decimal m => m.ToString("0.0###########################", System.Globalization.CultureInfo.InvariantCulture),
        bool b => b ? 1L : 0L,
        _ => value,
    };

    public override async Task CommitAsync(IReadOnlyList<RebuildStep> afterLoad, Action<string> stage, CancellationToken cancellationToken)
    {
        stage("indexes");
        foreach (var statement in _restore)
            await TimedAsync(statement, () => ExecuteAsync(statement, cancellationToken));
        stage("search and statistics");
        foreach (var step in afterLoad)
            await TimedAsync(step.Label, () => step.ExecuteAsync(_connection, _transaction!, cancellationToken));
        stage("foreign key check");
        await using (var check = _connection.CreateCommand())
        {
            check.Transaction = _transaction;
            check.CommandText = "PRAGMA foreign_key_check;";
            await using var reader = await check.ExecuteReaderAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken))
                throw new InvalidOperationException($"Bulk load broke a foreign key: table {reader.GetString(0)}, parent {reader.GetString(2)}; nothing was committed.");
        }
        stage("commit");
        await _transaction!.CommitAsync(cancellationToken);
        await _transaction.DisposeAsync();
        _transaction = null;
    }

    public override async Task OptimizeAsync(CancellationToken cancellationToken) =>
        await ExecuteAsync("ANALYZE; PRAGMA journal_mode=WAL;", cancellationToken);

    public override async ValueTask DisposeAsync()
    {
        foreach (var (command, _) in _inserts.Values)
            await command.DisposeAsync();
        if (_transaction is not null)
            await _transaction.DisposeAsync();
        await _connection.DisposeAsync();
    }

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using DbCommand command = _connection.CreateCommand();
        command.Transaction = _transaction;
        command.CommandText = sql;
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
