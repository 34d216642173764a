using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Athar.Data.Seeding.Bulk;

/// <summary>
/// Collects generated entities per table and hands full batches to the loader on a second thread, so
/// generating rows and sending them to the database overlap. Batches keep their order; a loader failure
/// stops the generator at its next row.
/// </summary>
public sealed class BulkWriter : IDisposable
{
    private const int BatchSize = 20_000;

    private readonly IModel _model;
    private readonly Dictionary<Type, (BulkTable Table, List<object> Rows)> _buffers = [];
    private readonly Dictionary<string, long> _counts = new(StringComparer.Ordinal);
    private readonly BlockingCollection<(BulkTable Table, List<object> Rows)> _queue = new(boundedCapacity: 4);
    private readonly CancellationTokenSource _stop;
    private readonly Task _consumer;
    private long _total;

    public BulkWriter(BulkLoader loader, IModel model, CancellationToken cancellationToken)
    {
        _model = model;
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var token = _stop.Token;
        _consumer = Task.Factory.StartNew(() =>
        {
            try
            {
                foreach (var (table, rows) in _queue.GetConsumingEnumerable(token))
                    loader.Write(table, rows, token);
            }
            catch
            {
                _stop.Cancel();
                throw;
            }
        }, token, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    /// <summary>Rows written (queued) so far, all tables together; read by the progress display from another thread.</summary>
    public long Total => Interlocked.Read(ref _total);

    public IReadOnlyDictionary<string, long> Counts => _counts;

    /// <summary>The table names of <paramref name="entityTypes"/>, for the loader to prepare.</summary>
    public IReadOnlyCollection<string> TablesOf(IEnumerable<Type> entityTypes) =>
        entityTypes.Select(t => Table(t).Table.Name).Distinct(StringComparer.Ordinal).ToList();

    public void Add<T>(T entity) where T : class
    {
        var buffer = Table(typeof(T));
        buffer.Rows.Add(entity);
        Interlocked.Increment(ref _total);
        if (buffer.Rows.Count >= BatchSize)
            Send(typeof(T));
    }

    /// <summary>Sends what is buffered and waits until the loader has written everything.</summary>
    public async Task CompleteAsync()
    {
        foreach (var type in _buffers.Keys.ToList())
            Send(type);
        _queue.CompleteAdding();
        await _consumer;
    }

    private (BulkTable Table, List<object> Rows) Table(Type type)
    {
        if (!_buffers.TryGetValue(type, out var buffer))
        {
            var entityType = _model.FindEntityType(type) ?? throw new InvalidOperationException($"{type.Name} is not in the model.");
            buffer = (BulkTable.For(entityType), new List<object>(BatchSize));
            _buffers[type] = buffer;
            _counts.TryAdd(buffer.Table.Name, 0);
        }
        return buffer;
    }

    private void Send(Type type)
    {
        var (table, rows) = _buffers[type];
        if (rows.Count == 0)
            return;
        _counts[table.Name] += rows.Count;
        try
        {
            _queue.Add((table, rows), _stop.Token);
        }
        catch (OperationCanceledException) when (_consumer.IsFaulted)
        {
            // The loader failed: its exception is the one worth reporting.
            _consumer.GetAwaiter().GetResult();
            throw;
        }
        _buffers[type] = (table, new List<object>(BatchSize));
    }

    public void Dispose()
    {
        _stop.Cancel();
        _stop.Dispose();
        _queue.Dispose();
    }
}
