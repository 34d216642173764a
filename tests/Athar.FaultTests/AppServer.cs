using System.Diagnostics;
using System.Net;

namespace Athar.FaultTests;

/// <summary>
/// A real Athar.Web process (the build of the same configuration as this test project), started as deploy/cluster.sh
/// starts a node: environment variables for the database and options, plain HTTP on a loopback port, its output to
/// a log file. <see cref="Kill"/> is SIGKILL: no shutdown code runs, as when a machine loses power.
/// </summary>
public sealed class AppServer : IAsyncDisposable
{
    private readonly Dictionary<string, string> _environment;
    private readonly string _log;
    private Process? _process;
    private readonly Lock _logGate = new();
    private StreamWriter? _logWriter;

    public AppServer(int port, string provider, string connectionString, IReadOnlyDictionary<string, string>? settings = null)
    {
        Port = port;
        _log = Path.Combine(Paths.Artifacts, $"fault-node-{port}.log");
        _environment = new()
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
            ["DOTNET_gcServer"] = "0",
            ["Athar__Database__Provider"] = provider,
            ["ConnectionStrings__Athar"] = connectionString,
            ["Athar__SeedDemoData"] = "true",
            // One client address (the test) sends everything: the abuse limits would refuse the load itself.
            ["Athar__RateLimits__Enabled"] = "false",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            _environment[key] = value;
    }

    public int Port { get; }

    public Uri Address => new($"http://127.0.0.1:{Port}");

    public async Task StartAsync()
    {
        var dll = Paths.WebDll;
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(dll)! };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--contentRoot");
        start.ArgumentList.Add(Path.GetDirectoryName(dll)!);
        foreach (var (key, value) in _environment)
            start.Environment[key] = value;
        _process?.Dispose();
        _process = Process.Start(start)!;
        lock (_logGate)
            _logWriter ??= new StreamWriter(_log, append: true) { AutoFlush = true };
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        // Generous: the first start migrates and seeds, on a machine that may be busy.
        var deadline = DateTime.UtcNow.AddMinutes(4);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"Athar.Web on {Port} exited ({_process.ExitCode}); see {_log}");
            try
            {
                if ((await probe.GetAsync(new Uri(Address, "/health"))).StatusCode == HttpStatusCode.OK)
                    return;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet (migrating, seeding).
            }
            await Task.Delay(250);
        }
        throw new InvalidOperationException($"Athar.Web on {Port} did not become healthy; see {_log}");
    }

    /// <summary>SIGKILL: the process ends at once, mid-request, without flushing or shutting anything down.</summary>
    public void Kill()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        _process?.Dispose();
        lock (_logGate)
        {
            _logWriter?.Dispose();
            _logWriter = null;
        }
        return ValueTask.CompletedTask;
    }

    // Output may still arrive from a killed process's pipes; after disposal it is dropped.
    private void Append(string? line)
    {
        if (line is null)
            return;
        lock (_logGate)
            _logWriter?.WriteLine(line);
    }
}

internal static class Paths
{
    public static string Root { get; } = FindRoot();

    public static string Artifacts
    {
        get
        {
            var path = Path.Combine(Root, "artifacts");
            Directory.CreateDirectory(path);
            return path;
        }
    }

    /// <summary>src/Athar.Web/bin/&lt;this project's configuration&gt;/net10.0/Athar.Web.dll.</summary>
    public static string WebDll
    {
        get
        {
            // This assembly runs from tests/Athar.FaultTests/bin/<Configuration>/<framework>/.
            var framework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var configuration = framework.Parent!.Name;
            var dll = Path.Combine(Root, "src", "Athar.Web", "bin", configuration, framework.Name, "Athar.Web.dll");
            return File.Exists(dll) ? dll : throw new InvalidOperationException($"{dll} is missing: build the solution in {configuration} first.");
        }
    }

    /// <summary>A line to the test output and to artifacts/fault-report.txt, which test.sh prints after the run.</summary>
    public static void Report(Xunit.Abstractions.ITestOutputHelper output, string line)
    {
        output.WriteLine(line);
        File.AppendAllText(Path.Combine(Artifacts, "fault-report.txt"), line + Environment.NewLine);
    }

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Athar.slnx")))
            directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("Athar.slnx not found above the test binaries.");
    }
}
