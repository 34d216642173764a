using System.Data.Common;

namespace Athar.Data.Infrastructure;

/// <summary>
/// One step of a rebuild that runs in the caller's connection and transaction (the seeder's finishing phase,
/// <c>athar stats rebuild</c>): a SQL statement, or work done in C# where one pass in the application beats many
/// set-based statements (<see cref="Statistics.ReachRollupBuilder"/>). A string converts to a step, so lists of
/// statements stay lists of steps.
/// </summary>
public sealed class RebuildStep
{
    private readonly string? _sql;
    private readonly Func<DbConnection, DbTransaction, CancellationToken, Task>? _run;
    private readonly string? _label;

    private RebuildStep(string? sql, Func<DbConnection, DbTransaction, CancellationToken, Task>? run, string? label = null) =>
        (_sql, _run, _label) = (sql, run, label);

    public static implicit operator RebuildStep(string sql) => new(sql, null);

    /// <summary>A step done in code; <paramref name="label"/> names it in the timings (default: its method).</summary>
    public static RebuildStep Code(Func<DbConnection, DbTransaction, CancellationToken, Task> run, string? label = null) => new(null, run, label);

    /// <summary>The statement, or null for a step done in code.</summary>
    public string? Sql => _sql;

    /// <summary>The statement, or the method that does the step in code (for timings).</summary>
    public string Label => _sql ?? _label ?? $"{_run!.Method.DeclaringType?.Name}.{_run.Method.Name}";

    /// <summary>Without a command timeout: at national scale single statements run for minutes.</summary>
    public async Task ExecuteAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        if (_run is not null)
        {
            await _run(connection, transaction, cancellationToken);
            return;
        }
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = _sql;
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
