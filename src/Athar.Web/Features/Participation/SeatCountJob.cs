using Athar.Data;
using Athar.Data.Opportunities;
using Athar.Web.Infrastructure;

namespace Athar.Web.Features.Participation;

/// <summary>
/// Folds the queued seat changes into each opportunity's seats taken every two seconds (<see cref="SeatCountFold"/>):
/// what search shows and sorts by lags an acceptance by that much, within the search cache's own lag. Several nodes may
/// run it; one folds at a time.
/// </summary>
public sealed class SeatCountJob(IServiceScopeFactory scopes, TimeProvider clock, ILogger<SeatCountJob> logger) : PeriodicJob(clock, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromSeconds(2);

    public override async Task RunOnceAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        await SeatCountFold.FoldAsync(scope.ServiceProvider.GetRequiredService<AtharDbContext>(), cancellationToken);
    }
}
