using Athar.Data.Audit;
using Athar.Web.Infrastructure;

namespace Athar.Web.Features.Audit;

/// <summary>
/// Seals new audit entries into the hash chain every few seconds. Entries are written with the change they
/// record, so a crash between writing and sealing loses nothing: the next run (on any node) seals them.
/// </summary>
public sealed class AuditSealingJob(IServiceScopeFactory scopes, TimeProvider clock, ILogger<AuditSealingJob> logger) : PeriodicJob(clock, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromSeconds(10);

    public override async Task RunOnceAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AuditSealer>().SealPendingAsync(cancellationToken);
    }
}
