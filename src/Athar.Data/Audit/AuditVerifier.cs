using Athar.Core.Audit;
using Microsoft.EntityFrameworkCore;

namespace Athar.Data.Audit;

/// <summary>The result of checking the whole chain, and how many entries still wait to be sealed.</summary>
public sealed record AuditReport(AuditVerdict Verdict, long Pending, string? HeadHash);

/// <summary>
/// Recomputes every sealed entry's hash in sequence order, in batches (constant memory however long the trail),
/// and reports the first break. Read-only: it never seals or repairs anything.
/// </summary>
public sealed class AuditVerifier(AtharDbContext db)
{
    private const int BatchSize = 5000;

    public async Task<AuditReport> VerifyAsync(CancellationToken cancellationToken = default)
    {
        var previousHash = AuditChain.Genesis;
        long previousSequence = 0;
        long checkedCount = 0;
        while (true)
        {
            var after = previousSequence;
            var batch = await db.AuditEntries.AsNoTracking()
                .Where(e => e.Sequence > after)
                .OrderBy(e => e.Sequence)
                .Take(BatchSize)
                .ToListAsync(cancellationToken);
            var verdict = AuditChain.Verify(batch.Select(e => new SealedAuditEntry(e.FactsAt(e.Sequence!.Value), e.PreviousHash ?? "", e.Hash ?? "")), previousHash, previousSequence);
            checkedCount += verdict.Checked;
            if (!verdict.Intact)
                return new AuditReport(verdict with { Checked = checkedCount }, await PendingAsync(cancellationToken), null);
            if (batch.Count == 0)
                return new AuditReport(new AuditVerdict(checkedCount, null, null), await PendingAsync(cancellationToken), checkedCount == 0 ? null : previousHash);
            previousHash = batch[^1].Hash!;
            previousSequence = batch[^1].Sequence!.Value;
        }
    }

    private Task<long> PendingAsync(CancellationToken cancellationToken) =>
        db.AuditEntries.LongCountAsync(e => e.Hash == null, cancellationToken);
}
