using System.Globalization;
using Athar.Data;
using Athar.Data.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Athar.Cli.Commands;

/// <summary>athar migrate: applies the configured provider's migrations, creating the database if needed.</summary>
internal sealed class MigrateCommand(AtharDbContext db, DatabaseOptions database, CliConsole console)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var output = console.Output;
        var target = CliConfiguration.Describe(database);
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count == 0)
        {
            output.WriteLine($"{database.Provider} {target}: up to date, nothing to apply.");
            return ExitCodes.Success;
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{database.Provider} {target}: applying {pending.Count} migration(s):"));
        foreach (var migration in pending)
            output.WriteLine("  " + migration);
        await db.Database.MigrateAsync(cancellationToken);
        output.WriteLine("Done.");
        return ExitCodes.Success;
    }
}
