using Athar.Data.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace Athar.Cli;

/// <summary>
/// Chooses the database as the web app does (Athar:Database:Provider, Athar:Database:ConnectionString,
/// ConnectionStrings:Athar overriding it), read from the environment, then the --provider/--connection options.
/// </summary>
internal static class CliConfiguration
{
    public static DatabaseOptions ResolveDatabase(IReadOnlyDictionary<string, string?> environment, CliArguments arguments)
    {
        var configuration = FromEnvironment(environment);
        var defaults = new DatabaseOptions();

        var providerText = arguments.Optional("--provider") ?? configuration["Athar:Database:Provider"];
        var provider = ParseProvider(providerText);

        var connection = arguments.Optional("--connection")
            ?? NonEmpty(configuration.GetConnectionString("Athar"))
            ?? NonEmpty(configuration["Athar:Database:ConnectionString"]);
        if (connection is null)
        {
            // The default is a SQLite file; PostgreSQL has no sensible default server to guess.
            if (provider != DatabaseProvider.Sqlite)
                throw new UsageException("the Postgres provider needs a connection string: --connection \"Host=...;Database=...;Username=...\" or ConnectionStrings__Athar.");
            connection = defaults.ConnectionString;
        }

        EnsureReadable(provider, connection);
        return new DatabaseOptions { Provider = provider, ConnectionString = connection, MigrateOnStartup = false };
    }

    /// <summary>Where the data lives, without secrets: the SQLite file's full path, or PostgreSQL's host, port, database and user.</summary>
    public static string Describe(DatabaseOptions options)
    {
        if (options.Provider == DatabaseProvider.Sqlite)
        {
            var sqlite = new SqliteConnectionStringBuilder(options.ConnectionString);
            return string.IsNullOrEmpty(sqlite.DataSource) || sqlite.DataSource == ":memory:" || sqlite.Mode == SqliteOpenMode.Memory
                ? "(in memory)"
                : Path.GetFullPath(sqlite.DataSource);
        }
        var npgsql = new NpgsqlConnectionStringBuilder(options.ConnectionString);
        return FormattableString.Invariant($"database '{npgsql.Database ?? npgsql.Username}' on {npgsql.Host}:{npgsql.Port} as {npgsql.Username}");
    }

    private static IConfiguration FromEnvironment(IReadOnlyDictionary<string, string?> environment) =>
        // Same mapping as the host's environment-variable provider: "__" separates sections.
        new ConfigurationBuilder()
            .AddInMemoryCollection(environment.Select(e => KeyValuePair.Create(e.Key.Replace("__", ":", StringComparison.Ordinal), e.Value)))
            .Build();

    private static DatabaseProvider ParseProvider(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null or "" or "sqlite" => DatabaseProvider.Sqlite,
        "postgres" or "postgresql" or "npgsql" => DatabaseProvider.Postgres,
        _ => throw new UsageException($"unknown database provider '{text}': use sqlite or postgres."),
    };

    private static void EnsureReadable(DatabaseProvider provider, string connection)
    {
        try
        {
            _ = provider == DatabaseProvider.Sqlite
                ? new SqliteConnectionStringBuilder(connection).ConnectionString
                : new NpgsqlConnectionStringBuilder(connection).ConnectionString;
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidOperationException)
        {
            throw new UsageException($"the connection string is not valid for {provider}: {e.Message}");
        }
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
