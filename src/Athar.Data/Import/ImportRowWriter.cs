using Athar.Data.Seeding.Bulk;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Athar.Data.Import;

/// <summary>
/// Inserts many entities in the context's open transaction, without change tracking: binary COPY on
/// PostgreSQL, one prepared INSERT bound row after row on SQLite. Unlike the seeder's bulk loader it keeps
/// every index, key and trigger in place (the database is live): the statistics triggers on VolunteerHours
/// fire for each row exactly as they do for a supervisor's approval.
/// </summary>
internal sealed class ImportRowWriter(AtharDbContext db, Action<int> written)
{
    private const int Chunk = 5_000;

    /// <summary>
    /// None: a COPY here runs the row triggers of every row it carries (for hours, the statistics rollups of each), which
    /// can outlast the 30-second command timeout on a busy server. On that timeout Npgsql gave up the connection while the
    /// server went on copying, and the retrying execution strategy started the import again on a new connection, which
    /// then waited on the organisation lock the abandoned transaction still held (the 2026-12-07 PostgreSQL run stalled
    /// so). The import is one transaction by design; its length is bounded by its file, and an interrupted CLI ends it.
    /// </summary>
    private static readonly TimeSpan CopyTimeout = TimeSpan.Zero;

    public void Write<T>(IReadOnlyList<T> rows, CancellationToken cancellationToken) where T : class
    {
        if (rows.Count == 0)
            return;
        var table = BulkTable.For(db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model."));
        var connection = db.Database.GetDbConnection();
        if (connection is NpgsqlConnection npgsql)
        {
            foreach (var chunk in rows.Chunk(Chunk * 4))
            {
                cancellationToken.ThrowIfCancellationRequested();
                PostgresBulkLoader.Copy(npgsql, table, chunk, CopyTimeout);
                written(chunk.Length);
            }
            return;
        }

        using var command = ((SqliteConnection)connection).CreateCommand();
        command.Transaction = (SqliteTransaction)(db.Database.CurrentTransaction ?? throw new InvalidOperationException("Import rows are written inside a transaction.")).GetDbTransaction();
        command.CommandText = $"INSERT INTO \"{table.Name}\" ({string.Join(", ", table.Columns.Select(c => "\"" + c.Name + "\""))}) VALUES ({string.Join(", ", table.Columns.Select((_, i) => "$p" + i))})";
        var parameters = table.Columns.Select((_, i) => new SqliteParameter("$p" + i, DBNull.Value)).ToArray();
        command.Parameters.AddRange(parameters);
        command.Prepare();
        var columns = table.Columns;
        var pending = 0;
        foreach (var row in rows)
        {
            for (var i = 0; i < columns.Count; i++)
                parameters[i].Value = SqliteBulkLoader.Store(columns[i].Read(row));
            command.ExecuteNonQuery();
            if (++pending == Chunk)
            {
                cancellationToken.ThrowIfCancellationRequested();
                written(pending);
                pending = 0;
            }
        }
        written(pending);
    }
}
