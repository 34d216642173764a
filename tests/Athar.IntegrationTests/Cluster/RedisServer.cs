using System.Diagnostics;
using System.Net.Sockets;

namespace Athar.IntegrationTests.Cluster;

/// <summary>A private, memory-only redis-server (Debian package redis-server) on a fixed loopback port for one test class.</summary>
public sealed class RedisServer : IAsyncDisposable
{
    private readonly Process _process;

    private RedisServer(Process process, int port)
    {
        _process = process;
        Configuration = $"127.0.0.1:{port}";
    }

    public string Configuration { get; }

    public static async Task<RedisServer> StartAsync(int port)
    {
        var start = new ProcessStartInfo("redis-server") { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[] { "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no" })
            start.ArgumentList.Add(argument);
        var process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start (apt-get install redis-server).");
        process.OutputDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", port);
                return new RedisServer(process, port);
            }
            catch (SocketException) when (attempt < 100 && !process.HasExited)
            {
                await Task.Delay(50);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
            _process.Kill();
        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
