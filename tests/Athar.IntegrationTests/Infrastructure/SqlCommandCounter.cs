using System.Collections.Concurrent;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Athar.IntegrationTests.Infrastructure;

/// <summary>
/// Counts the SQL commands EF Core sends while serving one request, for the N+1 tests. A request opts in with the
/// <see cref="Header"/> header carrying an id; commands are attributed through an AsyncLocal that the request's own
/// async flow carries, so background jobs running at the same time are not counted.
/// </summary>
public sealed class SqlCommandCounter : DbCommandInterceptor, IStartupFilter
{
    public const string Header = "X-Test-Count-Sql";

    private static readonly AsyncLocal<StrongBox<int>?> Current = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<int>> _results = new(StringComparer.Ordinal);

    /// <summary>The number of commands the request sent with this id ran, once it has finished.</summary>
    public Task<int> CountForAsync(string id) => Result(id).Task.WaitAsync(TimeSpan.FromSeconds(30));

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (http, nextMiddleware) =>
        {
            if (!http.Request.Headers.TryGetValue(Header, out var id))
            {
                await nextMiddleware(http);
                return;
            }
            var box = new StrongBox<int>();
            Current.Value = box;
            try
            {
                await nextMiddleware(http);
            }
            finally
            {
                Current.Value = null;
                Result(id.ToString()).TrySetResult(box.Value);
            }
        });
        next(app);
    };

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result) =>
        Count(result);

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Count(result));

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result) =>
        Count(result);

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Count(result));

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result) =>
        Count(result);

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Count(result));

    private static T Count<T>(T result)
    {
        if (Current.Value is { } box)
            Interlocked.Increment(ref box.Value);
        return result;
    }

    private TaskCompletionSource<int> Result(string id) =>
        _results.GetOrAdd(id, _ => new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously));
}
