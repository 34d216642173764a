using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace Athar.IntegrationTests.Infrastructure;

/// <summary>
/// Loses the answer to one COMMIT, as a connection dropping during the commit would: the transaction is committed
/// on the server, and the app sees a transient network failure instead of the acknowledgement. Armed with a piece
/// of SQL (e.g. <c>INSERT INTO "Applications"</c>): the next transaction that runs it is the one whose commit
/// answer is lost. Disarmed, it only looks at command texts.
/// </summary>
public sealed class LostCommits : IDbCommandInterceptor, IDbTransactionInterceptor
{
    private readonly Lock _lock = new();
    private string? _sql;
    private DbTransaction? _target;

    /// <summary>Commits whose answer was lost so far.</summary>
    public int Lost { get; private set; }

    public void LoseTheCommitOfTheNextTransactionRunning(string sql)
    {
        lock (_lock)
            (_sql, _target) = (sql, null);
    }

    public ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Watch(command);
        return ValueTask.FromResult(result);
    }

    public InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Watch(command);
        return result;
    }

    public ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Watch(command);
        return ValueTask.FromResult(result);
    }

    public InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Watch(command);
        return result;
    }

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        TransactionCommitted(transaction, eventData);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
    {
        lock (_lock)
        {
            if (_target is null || !ReferenceEquals(transaction, _target))
                return;
            (_sql, _target) = (null, null);
            Lost++;
        }
        throw new NpgsqlException("The connection closed before the commit's answer arrived (test fault).", new IOException("Connection reset"));
    }

    private void Watch(DbCommand command)
    {
        if (_sql is null || command.Transaction is null)
            return;
        lock (_lock)
        {
            if (_sql is not null && _target is null && command.CommandText.Contains(_sql, StringComparison.Ordinal))
                _target = command.Transaction;
        }
    }
}
