using System.Diagnostics;
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

    private readonly List<StepTiming> _timings = [];

    /// <summary>How long each statement or step of <see cref="CommitAsync"/> took, in order (the seeder prints the slowest).</summary>
    public IReadOnlyList<StepTiming> Timings => _timings;

    /// <summary>Runs one rebuild statement or step and records its time under <paramref name="label"/>.</summary>
    protected async Task TimedAsync(string label, Func<Task> run)
    {
        var watch = Stopwatch.StartNew();
        await run();
        _timings.Add(new StepTiming(StepTiming.Shorten(label), watch.Elapsed));
    }
}

/// <summary>One rebuild statement or step and its time.</summary>
public sealed record StepTiming(string Label, TimeSpan Took)
{
    /// <summary>The statement on one line, cut to 90 characters: enough to tell an index, a key or a rollup apart.</summary>
    public static string Shorten(string sql)
    {
        var line = string.Join(' ', sql.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));
        return line.Length <= 90 ? line : line[..89] + "…";
    }
}
