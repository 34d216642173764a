using System.Diagnostics;
using System.Globalization;
using Athar.Data;
using Athar.Data.Infrastructure;
using Athar.Data.Statistics;

namespace Athar.Cli.Commands;

/// <summary>athar stats rebuild: recomputes the statistics aggregates from the raw verified hours.</summary>
internal sealed class StatsRebuildCommand(AtharDbContext db, StatsRebuild rebuild, DatabaseOptions database, CliConsole console)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        if (!await SchemaCheck.IsCurrentAsync(db, console.Error, cancellationToken))
            return ExitCodes.Refused;
        var watch = Stopwatch.StartNew();
        var rows = await rebuild.RunAsync(cancellationToken);
        console.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{database.Provider} {CliConfiguration.Describe(database)}: statistics rebuilt from the verified hours, {rows} activity rows, {watch.Elapsed.TotalSeconds:0.0} s."));
        return ExitCodes.Success;
    }
}
