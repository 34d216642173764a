#:project ../../src/Athar.Data/Athar.Data.csproj
#:property Configuration=Release
#:property PublishAot=false

// Read-only exactness and timing check of ReachRollupBuilder at scale (issue #7):
//   dotnet run bench/reach/count.cs -- "Host=127.0.0.1;Port=55470;Username=postgres;Database=athar_bench_s1"
// Counts every StatsReach cell from StatsActivity in one pass (no writes: the session is read-only), then compares
// the counts with the stored StatsReach rows, which the SQL rebuild and the trigger produced.
using System.Diagnostics;
using Athar.Data.Statistics;
using Npgsql;

var connectionString = args.Length > 0 ? args[0] : "Host=127.0.0.1;Port=55470;Username=postgres;Database=athar_bench_s1";
var builder = new NpgsqlConnectionStringBuilder(connectionString) { Options = "-c default_transaction_read_only=on", CommandTimeout = 0 };
await using var connection = new NpgsqlConnection(builder.ConnectionString);
await connection.OpenAsync();
await using var transaction = await connection.BeginTransactionAsync();

var watch = Stopwatch.StartNew();
var counts = await ReachRollupBuilder.CountAsync(connection, transaction, CancellationToken.None);
watch.Stop();
var process = Process.GetCurrentProcess();
Console.WriteLine($"builder: {counts.Count:N0} cells in {watch.Elapsed.TotalSeconds:0.0} s " +
    $"(process CPU {process.TotalProcessorTime.TotalSeconds:0.0} s, peak working set {process.PeakWorkingSet64 / 1048576} MB)");

var stored = new Dictionary<ReachCell, long>();
await using (var command = new NpgsqlCommand("SELECT \"PeriodKind\", \"PeriodKey\", \"Dim\", \"DimValue\", \"Volunteers\" FROM \"StatsReach\" WHERE \"Volunteers\" <> 0", connection, transaction))
await using (var reader = await command.ExecuteReaderAsync())
{
    while (await reader.ReadAsync())
        stored[new ReachCell((ReachPeriod)reader.GetInt32(0), reader.GetInt32(1), (RollupDim)reader.GetInt32(2), reader.GetInt64(3))] = reader.GetInt64(4);
}
var missing = stored.Keys.Where(k => !counts.ContainsKey(k)).ToList();
var extra = counts.Keys.Where(k => !stored.ContainsKey(k)).ToList();
var different = counts.Where(c => stored.TryGetValue(c.Key, out var s) && s != c.Value).ToList();
Console.WriteLine($"stored: {stored.Count:N0} non-zero rows, {stored.Values.Sum():N0} volunteer-cells; builder: {counts.Values.Sum():N0}");
Console.WriteLine($"missing from the builder: {missing.Count}, only in the builder: {extra.Count}, different counts: {different.Count}");
foreach (var (cell, n) in different.Take(10))
    Console.WriteLine($"  {cell}: builder {n}, stored {stored[cell]}");
return missing.Count + extra.Count + different.Count == 0 ? 0 : 1;
