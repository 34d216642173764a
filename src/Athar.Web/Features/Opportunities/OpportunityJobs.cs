using Athar.Data;
using Athar.Web.Infrastructure;

namespace Athar.Web.Features.Opportunities;

/// <summary>Keeps each opportunity's "next shift" current as shifts start, every few minutes.</summary>
public sealed class OpportunityJobs(IServiceScopeFactory scopes, TimeProvider clock, ILogger<OpportunityJobs> logger) : PeriodicJob(clock, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromMinutes(5);

    public override async Task RunOnceAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AtharDbContext>();
        await OpportunityIndexing.AdvanceNextShiftsAsync(db, Clock.GetUtcNow(), cancellationToken);
    }
}
