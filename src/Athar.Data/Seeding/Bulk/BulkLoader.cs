using Athar.Data.Infrastructure;

namespace Athar.Data.Seeding.Bulk;

/// <summary>
/// Fast loading of many rows into tables of a freshly migrated database, inside one transaction: the
/// tables' indexes, keys and triggers are set aside first and rebuilt once at the end, which is far
/// cheaper than maintaining them row by row. A failure rolls everything back, the set-aside indexes included.
/// </summary>
public abstract class BulkLoader : IAsyncDisposable
{
    /// <summary>Opens the transaction and sets aside the indexes, constraints and triggers of <paramref name="tables"/>.</summary>
    public abstract Task BeginAsync(IReadOnlyCollection<string> tables, CancellationToken cancellationToken);

    /// <summary>Writes one batch of entities of one table. Called from a single thread, in order.</summary>
    public abstract void Write(BulkTable table, IReadOnlyList<object> rows, CancellationToken cancellationToken);

    /// <summary>Rebuilds what was set aside, runs <paramref name="afterLoad"/> (search index, statistics) and commits.</summary>
    public abstract Task CommitAsync(IReadOnlyList<RebuildStep> afterLoad, Action<string> stage, CancellationToken cancellationToken);

    /// <summary>Housekeeping after the commit that cannot run in a transaction (planner statistics, visibility).</summary>
    public abstract Task OptimizeAsync(CancellationToken cancellationToken);

    public abstract ValueTask DisposeAsync();
}
