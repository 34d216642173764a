using Microsoft.EntityFrameworkCore;

namespace Athar.Data.Infrastructure;

/// <summary>
/// Makes a retried unit of work (<c>CreateExecutionStrategy().ExecuteAsync</c>) insert its rows once. When an
/// attempt fails its transaction rolls back, but the rows it added stay in the change tracker as Added; the next
/// attempt adds new ones beside them and saves both (a doubled notification, audit entry or consent), or trips a
/// unique index and reports the write as a duplicate. Taken before the strategy runs, <see cref="Restore"/> at
/// the start of every attempt forgets only what earlier attempts added; entities loaded or added before the
/// unit of work stay tracked (unlike <c>ChangeTracker.Clear()</c>).
/// </summary>
public sealed class RetryCheckpoint
{
    private readonly DbContext _db;
    private readonly HashSet<object> _addedBefore;

    public RetryCheckpoint(DbContext db)
    {
        _db = db;
        _addedBefore = db.ChangeTracker.Entries().Where(e => e.State == EntityState.Added)
            .Select(e => e.Entity).ToHashSet(ReferenceEqualityComparer.Instance);
    }

    /// <summary>Detaches every row added since the checkpoint (unsaved: its attempt rolled back).</summary>
    public void Restore()
    {
        foreach (var entry in _db.ChangeTracker.Entries().Where(e => e.State == EntityState.Added && !_addedBefore.Contains(e.Entity)).ToList())
            entry.State = EntityState.Detached;
    }
}
