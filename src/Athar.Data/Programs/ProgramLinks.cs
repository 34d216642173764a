using Microsoft.EntityFrameworkCore;

namespace Athar.Data.Programs;

/// <summary>
/// Moves an opportunity into (or out of) a program. The statistics' activity facts copy the program when
/// hours are verified, so the facts of hours verified earlier are moved too, in the same transaction: the
/// dashboard's program cut and the program page then agree about hours verified before the link.
/// </summary>
public static class ProgramLinks
{
    /// <summary>Sets the program; false when the opportunity does not exist.</summary>
    public static async Task<bool> SetAsync(AtharDbContext db, Guid opportunityId, Guid? programId, CancellationToken ct = default)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var changed = await db.Opportunities.Where(o => o.Id == opportunityId)
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.ProgramId, programId), ct);
            if (changed == 0)
                return false;
            await db.StatsActivity.Where(a => a.OpportunityId == opportunityId)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.ProgramId, programId), ct);
            await transaction.CommitAsync(ct);
            return true;
        });
    }
}
