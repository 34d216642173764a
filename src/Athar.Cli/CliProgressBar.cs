using System.Diagnostics;
using System.Globalization;

namespace Athar.Cli;

/// <summary>What a progress bar shows: how far, how many of what, the stage, and whether the fraction is good for an ETA.</summary>
internal readonly record struct ProgressSnapshot(double Fraction, long Count, string Unit, string Stage, bool EtaKnown);

/// <summary>
/// A progress line on stderr with the count, rate and the time left: redrawn in place on a terminal,
/// one line per stage (and every 15 s) when stderr goes to a file or a test.
/// </summary>
internal sealed class CliProgressBar : IDisposable
{
    private readonly TextWriter _error;
    private readonly Stopwatch _watch;
    private readonly Func<ProgressSnapshot> _read;
    private readonly Timer _timer;
    private readonly bool _interactive = !Console.IsErrorRedirected;
    private readonly Lock _gate = new();
    private string _lastStage = string.Empty;
    private TimeSpan _lastLine;

    public CliProgressBar(TextWriter error, Stopwatch watch, Func<ProgressSnapshot> read)
    {
        _error = error;
        _watch = watch;
        _read = read;
        _timer = new Timer(_ => Draw(final: false), null, TimeSpan.Zero, TimeSpan.FromMilliseconds(250));
    }

    private void Draw(bool final)
    {
        lock (_gate)
        {
            var elapsed = _watch.Elapsed;
            var now = _read();
            var fraction = Math.Clamp(now.Fraction, 0, 1);
            var rate = now.Count / Math.Max(0.001, elapsed.TotalSeconds);
            var eta = now.EtaKnown && fraction > 0.01
                ? TimeSpan.FromSeconds(elapsed.TotalSeconds * (1 - fraction) / fraction).ToString(@"m\:ss", CultureInfo.InvariantCulture)
                : "--:--";
            const int width = 30;
            var filled = (int)Math.Round(width * fraction);
            var line = string.Create(CultureInfo.InvariantCulture,
                $"[{new string('#', filled)}{new string('.', width - filled)}] {fraction,4:P0} {now.Stage,-24} {now.Count,13:N0} {now.Unit} {rate,9:N0}/s  elapsed {elapsed:m\\:ss}  ETA {eta}");
            if (_interactive)
            {
                _error.Write("\r" + line.PadRight(Console.BufferWidth > 0 ? Math.Min(Console.BufferWidth - 1, 140) : 140));
                if (final)
                    _error.WriteLine();
            }
            else if (final || now.Stage != _lastStage || elapsed - _lastLine > TimeSpan.FromSeconds(15))
            {
                _error.WriteLine(line);
                _lastStage = now.Stage;
                _lastLine = elapsed;
            }
        }
    }

    public void Dispose()
    {
        _timer.Dispose();
        Draw(final: true);
    }
}
