using System.Diagnostics;
using Npgsql;
using Xunit;

namespace Athar.FaultTests;

/// <summary>
/// A private PostgreSQL server with durable settings (fsync on, synchronous_commit on), which the tests stop and
/// start under load. Its own port and directory, so it never touches the suite's shared test server.
/// </summary>
public sealed class FaultPostgres : IAsyncLifetime
{
    public const int Port = 25480;
    private readonly string _directory = "/tmp/athar-faults-pg";
    private static readonly string Bin = Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin"))
        .OrderBy(d => d, StringComparer.Ordinal).LastOrDefault() ?? throw new InvalidOperationException("PostgreSQL is not installed (test.sh installs it).");

    public static string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database}";

    public async Task InitializeAsync()
    {
        await StopQuietlyAsync();
        if (Directory.Exists(_directory))
            Directory.Delete(_directory, recursive: true);
        Directory.CreateDirectory(_directory);
        if (IsRoot)
            await Shell.RunAsync("chown", "postgres:postgres", _directory);
        await RunAsPostgresAsync(Path.Combine(Bin, "initdb"), "-D", Path.Combine(_directory, "data"), "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8");
        await StartAsync();
    }

    public async Task DisposeAsync()
    {
        await StopQuietlyAsync();
        NpgsqlConnection.ClearAllPools();
    }

    public Task StartAsync() => RunAsPostgresAsync(Path.Combine(Bin, "pg_ctl"), "-D", Path.Combine(_directory, "data"), "-l", Path.Combine(_directory, "server.log"), "-w", "-t", "60",
        "-o", $"-p {Port} -c listen_addresses=127.0.0.1 -k {_directory} -c fsync=on -c synchronous_commit=on -c max_connections=100", "start");

    /// <summary>A fast shutdown, as an operator's restart does: sessions are disconnected, nothing committed is lost.</summary>
    public Task StopAsync() => RunAsPostgresAsync(Path.Combine(Bin, "pg_ctl"), "-D", Path.Combine(_directory, "data"), "-m", "fast", "-w", "stop");

    public async Task CreateDatabaseAsync(string name)
    {
        if (!File.Exists(Path.Combine(_directory, "data", "postmaster.pid")))
            throw new InvalidOperationException("The fault tests' PostgreSQL server is not running.");
        await using var connection = new NpgsqlConnection(ConnectionString("postgres") + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE); CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
    }

    private async Task StopQuietlyAsync()
    {
        if (File.Exists(Path.Combine(_directory, "data", "postmaster.pid")))
        {
            try { await StopAsync(); }
            catch (InvalidOperationException) { /* already gone */ }
        }
    }

    private static bool IsRoot => Environment.UserName == "root";

    // initdb refuses root; the server's files belong to the postgres user.
    private static Task RunAsPostgresAsync(string program, params string[] arguments) =>
        IsRoot ? Shell.RunAsync("runuser", ["-u", "postgres", "--", program, .. arguments]) : Shell.RunAsync(program, arguments);
}

[CollectionDefinition(Name)]
public sealed class FaultServers : ICollectionFixture<FaultPostgres>
{
    public const string Name = "faults";
}

internal static class Shell
{
    public static async Task RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}):\n{await output}\n{await error}");
    }
}
