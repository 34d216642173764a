using Athar.Data;
using Athar.Data.Infrastructure;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Athar.Cli.Tests.Infrastructure;

/// <summary>A fresh, empty database for one test, and the environment that points the CLI at it.</summary>
public interface ITestDatabase : IAsyncDisposable
{
    DatabaseOptions Options { get; }

    /// <summary>The variables the CLI reads, as a deployment would set them.</summary>
    Dictionary<string, string?> Environment { get; }
}

public static class TestDatabaseExtensions
{
    /// <summary>A context of the test's own, to look at what the CLI wrote.</summary>
    public static AtharDbContext CreateContext(this ITestDatabase database) => AtharDatabase.CreateContext(database.Options);
}

/// <summary>A SQLite file of its own under /tmp, deleted (with its WAL files) afterwards.</summary>
public sealed class SqliteTestDatabase : ITestDatabase
{
    public SqliteTestDatabase()
    {
        FilePath = Path.Combine(Path.GetTempPath(), $"athar-cli-{Guid.NewGuid():N}.db");
        Options = new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = $"Data Source={FilePath}" };
    }

    public string FilePath { get; }
    public DatabaseOptions Options { get; }

    public Dictionary<string, string?> Environment => new(StringComparer.Ordinal)
    {
        ["Athar__Database__Provider"] = "Sqlite",
        ["ConnectionStrings__Athar"] = Options.ConnectionString,
    };

    public ValueTask DisposeAsync()
    {
        // Pooled connections keep the file open; release them before deleting.
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            File.Delete(FilePath + suffix);
        return ValueTask.CompletedTask;
    }
}

/// <summary>
/// A database of its own (athar_cli_&lt;random&gt;) on the server named by ATHAR_TEST_POSTGRES, dropped afterwards.
/// Without the variable the PostgreSQL tests fail loudly: a green run must mean both providers were tested.
/// </summary>
public sealed class PostgresTestDatabase : ITestDatabase
{
    private readonly string _serverConnection;
    private readonly string _name;

    private PostgresTestDatabase(string serverConnection, string name, DatabaseOptions options)
    {
        _serverConnection = serverConnection;
        _name = name;
        Options = options;
    }

    public DatabaseOptions Options { get; }

    public Dictionary<string, string?> Environment => new(StringComparer.Ordinal)
    {
        ["Athar__Database__Provider"] = "Postgres",
        ["ConnectionStrings__Athar"] = Options.ConnectionString,
    };

    public static string Server =>
        System.Environment.GetEnvironmentVariable("ATHAR_TEST_POSTGRES") is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                "ATHAR_TEST_POSTGRES is not set, so the PostgreSQL CLI tests cannot run. Run ./test.sh, which starts a private " +
                "PostgreSQL server, or export ATHAR_TEST_POSTGRES=\"Host=127.0.0.1;Port=5432;Username=postgres\". " +
                "To run only the SQLite tests: dotnet test tests/Athar.Cli.Tests --filter \"Database!=Postgres\".");

    public static async Task<PostgresTestDatabase> CreateAsync()
    {
        var server = new NpgsqlConnectionStringBuilder(Server) { Database = "postgres", Pooling = false };
        var name = "athar_cli_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(server.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }
        var database = new NpgsqlConnectionStringBuilder(Server) { Database = name };
        return new PostgresTestDatabase(server.ConnectionString, name,
            new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = database.ConnectionString });
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_serverConnection);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
