namespace Athar.IntegrationTests.Infrastructure;

/// <summary>Every integration test runs on both databases: SQLite (embedded) and PostgreSQL (production).</summary>
public enum TestDatabase
{
    Sqlite,
    Postgres,
}

public static class Databases
{
    public static TheoryData<TestDatabase> Both => new() { TestDatabase.Sqlite, TestDatabase.Postgres };

    /// <summary>
    /// The base connection string of the PostgreSQL server the test script starts (test.sh sets it).
    /// Without it the PostgreSQL half of the suite fails loudly rather than being skipped.
    /// </summary>
    public static string PostgresServer =>
        Environment.GetEnvironmentVariable("ATHAR_TEST_POSTGRES") is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                "ATHAR_TEST_POSTGRES is not set. Run the suite with ./test.sh, which starts a private PostgreSQL server, " +
                "or export ATHAR_TEST_POSTGRES=\"Host=127.0.0.1;Port=5432;Username=postgres\".");
}
