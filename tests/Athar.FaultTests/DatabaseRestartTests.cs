using System.Diagnostics;
using System.Net;
using Xunit;
using Xunit.Abstractions;

namespace Athar.FaultTests;

/// <summary>
/// PostgreSQL is stopped (fast shutdown) and started again under a load of check-ins and approvals: the app
/// recovers by itself, answers no 500 (a 503 with Retry-After is allowed while the database is away), and every
/// acknowledged write is stored exactly once.
/// </summary>
[Collection(FaultServers.Name)]
public sealed class DatabaseRestartTests(FaultPostgres postgres, ITestOutputHelper output)
{
    [Fact]
    public async Task PostgresRestartedUnderLoad_TheAppRecoversByItself_WithNo500_AndNothingAcknowledgedLostOrDoubled()
    {
        var database = await Databases.FreshAsync(postgres, "Postgres", "athar_restart");
        await using var server = new AppServer(29103, "Postgres", database.ConnectionString);
        await server.StartAsync();
        var workload = new Workload(database);
        await workload.PrepareAsync(checkIns: 120, approvals: 80);
        var writes = StaffApi.Writes(workload, $"restart{Random.Shared.Next(100_000, 999_999)}");
        using var client = await StaffApi.SignInAsync(server.Address);

        var clock = Stopwatch.StartNew();
        var started = 0;
        var unavailableWithoutRetryAfter = 0;
        TimeSpan stoppedAt = default, restartedAt = default;
        var successes = new System.Collections.Concurrent.ConcurrentBag<TimeSpan>();
        var chaos = Task.Run(async () =>
        {
            while (Volatile.Read(ref started) < writes.Count / 4)
                await Task.Delay(5);
            await postgres.StopAsync();
            stoppedAt = clock.Elapsed;
            await Task.Delay(TimeSpan.FromSeconds(2));
            await postgres.StartAsync();
            restartedAt = clock.Elapsed;
        });
        await Parallel.ForEachAsync(writes, new ParallelOptions { MaxDegreeOfParallelism = 6 }, async (write, ct) =>
        {
            Interlocked.Increment(ref started);
            // A client that honours 503 + Retry-After (and retries a write that got no answer), with the same key.
            var deadline = clock.Elapsed + TimeSpan.FromSeconds(90);
            while (clock.Elapsed < deadline)
            {
                var (status, response) = await StaffApi.SendAsync(client, write, ct);
                if (Write.IsSuccess(status))
                {
                    successes.Add(clock.Elapsed);
                    return;
                }
                if (status == HttpStatusCode.ServiceUnavailable && response!.Headers.RetryAfter is null)
                    Interlocked.Increment(ref unavailableWithoutRetryAfter);
                if (status is not (0 or HttpStatusCode.ServiceUnavailable or HttpStatusCode.Conflict))
                    return;
                await Task.Delay(TimeSpan.FromMilliseconds(500), ct);
            }
        });
        await chaos;
        // The test's own pooled connections died with the server.
        Npgsql.NpgsqlConnection.ClearAllPools();
        var stored = await workload.ReadAsync();

        var afterRestart = successes.Where(t => t >= restartedAt).DefaultIfEmpty(TimeSpan.MaxValue).Min();
        Paths.Report(output, $"DB RESTART (Postgres): {writes.Count} writes; PostgreSQL stopped at {stoppedAt.TotalSeconds:0.0} s, started again at {restartedAt.TotalSeconds:0.0} s; "
            + (afterRestart == TimeSpan.MaxValue ? "no write succeeded after the restart" : $"first write acknowledged {(afterRestart - restartedAt).TotalSeconds:0.00} s after the start")
            + "; answers: " + string.Join(", ", writes.SelectMany(w => w.Answers).GroupBy(s => (int)s).OrderBy(g => g.Key).Select(g => $"{g.Key}×{g.Count()}")));
        Assert.NotEqual(default, stoppedAt);
        Assert.DoesNotContain(writes.SelectMany(w => w.Answers), s => s == HttpStatusCode.InternalServerError);
        Assert.Equal(0, unavailableWithoutRetryAfter);
        // The app came back by itself: every write was acknowledged in the end, some of them after the restart.
        Assert.All(writes, w => Assert.True(w.Acknowledged, $"{w.Path}: {string.Join(", ", w.Answers.Select(s => (int)s))}"));
        Assert.NotEqual(TimeSpan.MaxValue, afterRestart);
        Assert.Equal(workload.ApplicationsToCheckIn.Count, stored.AttendanceByApplication.Count);
        Assert.Equal(workload.HoursToApprove.Count, stored.ApprovedHours.Count);
        stored.AssertEveryAcknowledgedWriteStoredExactlyOnce(writes);
    }
}
