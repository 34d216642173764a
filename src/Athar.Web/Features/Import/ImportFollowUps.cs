using Athar.Data;
using Athar.Web.Features.Licensing;
using Athar.Web.Features.Recognition;
using Athar.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Athar.Web.Features.Import;

/// <summary>
/// Licences and badges for people whose verified hours an import added (from this app or from the
/// command line): evaluated after the import's commit, as after a supervisor's approval (ReviewHours),
/// and idempotent, so a row processed twice by two nodes issues nothing twice.
/// </summary>
public sealed class ImportFollowUps(AtharDbContext db, LicenseIssuer licenses, Recognizer recognition, ILogger<ImportFollowUps> logger)
{
    public async Task<int> RunAsync(int max, CancellationToken cancellationToken = default)
    {
        var done = 0;
        while (done < max)
        {
            var batch = await db.ImportFollowUps.AsNoTracking().OrderBy(f => f.BatchId).Take(Math.Min(200, max - done)).ToListAsync(cancellationToken);
            if (batch.Count == 0)
                break;
            foreach (var followUp in batch)
            {
                try
                {
                    await licenses.EvaluateAsync(followUp.VolunteerId, cancellationToken);
                    await recognition.EvaluateAsync(followUp.VolunteerId, cancellationToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    db.ChangeTracker.Clear();
                    logger.LogError(ex, "Licence or badge evaluation after an import failed for {VolunteerId}", followUp.VolunteerId);
                }
                await db.ImportFollowUps.Where(f => f.BatchId == followUp.BatchId && f.VolunteerId == followUp.VolunteerId).ExecuteDeleteAsync(cancellationToken);
                done++;
            }
        }
        return done;
    }
}

/// <summary>Works through the follow-ups left by command-line imports (and by web imports interrupted by a restart).</summary>
public sealed class ImportFollowUpJob(IServiceScopeFactory scopes, TimeProvider clock, ILogger<ImportFollowUpJob> logger) : PeriodicJob(clock, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromMinutes(1);

    public override async Task RunOnceAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ImportFollowUps>().RunAsync(5_000, cancellationToken);
    }
}
