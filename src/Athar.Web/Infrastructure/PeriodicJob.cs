namespace Athar.Web.Infrastructure;

/// <summary>
/// A background job that runs every <see cref="Interval"/> until shutdown. A failed run is logged and
/// retried at the next tick; the wait uses the app's TimeProvider, so tests drive it with a fake clock.
/// </summary>
public abstract class PeriodicJob(TimeProvider clock, ILogger logger) : BackgroundService
{
    protected TimeProvider Clock { get; } = clock;

    protected ILogger Logger { get; } = logger;

    protected abstract TimeSpan Interval { get; }

    public abstract Task RunOnceAsync(CancellationToken cancellationToken = default);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Logger.LogWarning(ex, "{Job} failed; it will run again in {Interval}", GetType().Name, Interval);
            }
            try
            {
                await Task.Delay(Interval, Clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
