using System.Diagnostics;
using Npgsql;
using Xunit;

namespace Athar.ClusterTests;

/// <summary>
/// The loopback cluster of deploy/cluster.sh (PostgreSQL primary + hot standby, Redis, three app nodes, nginx),
/// brought up once for the test class and torn down at the end, also when a test fails.
/// </summary>
public sealed class Cluster : IAsyncLifetime
{
    public const int Nginx = 26050;
    private const int PrimaryPort = 26020;
    private const int StandbyPort = 26021;
    private const int NodeBasePort = 26040;
    private readonly string _database = "athar";
    private readonly string _directory = Environment.GetEnvironmentVariable("ATHAR_CLUSTER_DIR") ?? "/tmp/athar-cluster-test";

    public static string Root { get; } = FindRoot();

    public Uri Front { get; } = new($"http://127.0.0.1:{Nginx}");

    public static Uri Node(int n) => new($"http://127.0.0.1:{NodeBasePort + n}");

    /// <summary>Whichever server is the primary now (the standby after a promotion).</summary>
    public string PrimaryConnectionString => $"Host=127.0.0.1:{PrimaryPort},127.0.0.1:{StandbyPort};Target Session Attributes=read-write;Username=postgres;Database={_database};Pooling=false";

    public Task InitializeAsync() => RunAsync("up");

    public Task DisposeAsync() => RunAsync("down");

    public Task KillNodeAsync(int n) => RunAsync("kill-node", n.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public Task StartNodeAsync(int n) => RunAsync("start-node", n.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public Task PromoteStandbyAsync() => RunAsync("promote");

    public async Task<T> QueryAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(PrimaryConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>A statement on the hot standby itself (e.g. pausing its WAL replay), not on whichever server is primary.</summary>
    public async Task<T> OnStandbyAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection($"Host=127.0.0.1;Port={StandbyPort};Username=postgres;Database={_database};Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public Task OnStandbyAsync(string sql) => OnStandbyAsync<object>(sql);

    public async Task<List<object[]>> RowsAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(PrimaryConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<object[]>();
        while (await reader.ReadAsync())
        {
            var row = new object[reader.FieldCount];
            reader.GetValues(row);
            rows.Add(row);
        }
        return rows;
    }

    private async Task RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("bash") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(Root, "deploy", "cluster.sh"));
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        start.Environment["ATHAR_CLUSTER_DIR"] = _directory;
        // One client address (the test) sends everything: the abuse limits would refuse the load itself.
        start.Environment["Athar__RateLimits__Enabled"] = "false";
        // A message claimed by a killed node is sent by another after this lease, within the test's time.
        start.Environment["Athar__Messaging__Outbox__LeaseSeconds"] = "10";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"cluster.sh {string.Join(' ', arguments)} failed ({process.ExitCode}):\n{await output}\n{await error}");
    }

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Athar.slnx")))
            directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("Athar.slnx not found above the test binaries.");
    }
}
