using Athar.Data.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Athar.FaultTests;

/// <summary>A fresh database per test: a SQLite file under /tmp or a database on the durable fault server.</summary>
internal static class Databases
{
    public static async Task<DatabaseOptions> FreshAsync(FaultPostgres postgres, string provider, string name)
    {
        if (provider == nameof(DatabaseProvider.Sqlite))
        {
            var directory = Path.Combine(Path.GetTempPath(), "athar-faults");
            Directory.CreateDirectory(directory);
            var path = Path.Combine(directory, $"{name}.db");
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
                File.Delete(path + suffix);
            return new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = $"Data Source={path}" };
        }
        await postgres.CreateDatabaseAsync(name);
        return new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = FaultPostgres.ConnectionString(name) };
    }
}
