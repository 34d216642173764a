using Athar.Data;

namespace Athar.Web.Features.Opportunities;

/// <summary>Keeps each opportunity's "next shift" current as shifts start, every few minutes.</summary>
public sealed class OpportunityJobs(IServiceScopeFactory scopes, TimeProvider clock, ILogger<OpportunityJobs> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

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
                logger.LogWarning(ex, "Advancing opportunities' next shifts failed; will retry");
            }
            try
            {
                await Task.Delay(Interval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    public async Task RunOnceAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AtharDbContext>();
        await OpportunityIndexing.AdvanceNextShiftsAsync(db, clock.GetUtcNow(), cancellationToken);
    }
}
