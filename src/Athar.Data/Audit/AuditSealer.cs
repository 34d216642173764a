using System.Data.Common;
using Athar.Core.Audit;
using Microsoft.EntityFrameworkCore;

namespace Athar.Data.Audit;

/// <summary>
/// Seals committed, unsealed audit entries into the hash chain, oldest first, in batches. Safe with several
/// sealers at once (app nodes, the CLI): each extends the chain from the head it read, the unique index on
/// <see cref="AuditEntry.Sequence"/> lets only one of two racing sealers win, and the loser starts again
/// from the new head. The chain's order is the sealing order; each entry also keeps the instant it was written.
/// </summary>
public sealed class AuditSealer(AtharDbContext db)
{
    public const int BatchSize = 500;
    private const int Attempts = 5;

    public async Task<int> SealPendingAsync(CancellationToken cancellationToken = default)
    {
        var total = 0;
        var attempt = 0;
        while (true)
        {
            int sealedNow;
            try
            {
                sealedNow = await SealBatchAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is DbUpdateException or DbException && ++attempt < Attempts)
            {
                // Another sealer extended the chain first (unique sequence, or the row was sealed meanwhile).
                db.ChangeTracker.Clear();
                continue;
            }
            total += sealedNow;
            if (sealedNow < BatchSize)
                return total;
        }
    }

    private Task<int> SealBatchAsync(CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var head = await db.AuditEntries.AsNoTracking().Where(e => e.Sequence != null)
                .OrderByDescending(e => e.Sequence).Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync(cancellationToken);
            var pending = await db.AuditEntries.Where(e => e.Hash == null).OrderBy(e => e.Id).Take(BatchSize).ToListAsync(cancellationToken);
            if (pending.Count == 0)
                return 0;
            var sequence = head?.Sequence ?? 0;
            var previous = head?.Hash ?? AuditChain.Genesis;
            foreach (var entry in pending)
            {
                sequence++;
                entry.Sequence = sequence;
                entry.PreviousHash = previous;
                entry.Hash = AuditChain.HashOf(entry.FactsAt(sequence), previous);
                previous = entry.Hash;
            }
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return pending.Count;
        });
    }
}
