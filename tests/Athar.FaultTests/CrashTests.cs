using System.Net;
using Xunit;
using Xunit.Abstractions;

namespace Athar.FaultTests;

/// <summary>
/// The server process is killed with SIGKILL in the middle of a burst of check-ins and hours approvals and started
/// again on the same database: every write it acknowledged with 2xx is stored exactly once, and the client's
/// retries with the same Idempotency-Key after the restart double nothing.
/// </summary>
[Collection(FaultServers.Name)]
public sealed class CrashTests(FaultPostgres postgres, ITestOutputHelper output)
{
    [Theory]
    [InlineData("Sqlite", 29101)]
    [InlineData("Postgres", 29102)]
    public async Task KilledMidBurst_AndRestarted_EveryAcknowledgedWriteIsStoredExactlyOnce_AndRetriesDoubleNothing(string provider, int port)
    {
        var database = await Databases.FreshAsync(postgres, provider, "athar_crash");
        await using var server = new AppServer(port, provider, database.ConnectionString);
        await server.StartAsync();
        var workload = new Workload(database);
        await workload.PrepareAsync(checkIns: 60, approvals: 60);
        var writes = StaffApi.Writes(workload, $"crash{Random.Shared.Next(100_000, 999_999)}");

        using (var client = await StaffApi.SignInAsync(server.Address))
        {
            var started = 0;
            var killer = Task.Run(async () =>
            {
                while (Volatile.Read(ref started) < writes.Count / 3)
                    await Task.Delay(5);
                server.Kill();
            });
            await Parallel.ForEachAsync(writes, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (write, ct) =>
            {
                Interlocked.Increment(ref started);
                await StaffApi.SendAsync(client, write, ct);
            });
            await killer;
        }
        var beforeKill = writes.Count(w => w.Acknowledged);
        var unanswered = writes.Count(w => !w.Acknowledged);

        await server.StartAsync();
        using (var client = await StaffApi.SignInAsync(server.Address))
        {
            // Every write again with its own key: acknowledged ones must change nothing, the others may now apply.
            await Parallel.ForEachAsync(writes, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (write, ct) => await StaffApi.SendAsync(client, write, ct));
        }
        var stored = await workload.ReadAsync();

        Paths.Report(output, $"CRASH ({provider}): {writes.Count} writes, {beforeKill} acknowledged before SIGKILL, {unanswered} without an answer; "
            + "answers: " + string.Join(", ", writes.SelectMany(w => w.Answers).GroupBy(s => (int)s).OrderBy(g => g.Key).Select(g => $"{g.Key}×{g.Count()}"))
            + $"; stored after restart: {stored.AttendanceByApplication.Count} check-ins, {stored.ApprovedHours.Count} approvals");
        Assert.InRange(beforeKill, 1, writes.Count - 1);
        Assert.DoesNotContain(writes.SelectMany(w => w.Answers), s => s >= HttpStatusCode.InternalServerError && s != HttpStatusCode.ServiceUnavailable);
        stored.AssertEveryAcknowledgedWriteStoredExactlyOnce(writes);
    }
}
