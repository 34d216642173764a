using System.Globalization;
using Athar.Data;
using Athar.Data.Seeding;
using Microsoft.EntityFrameworkCore;

namespace Athar.Cli.Commands;

/// <summary>athar seed demo: the web app's demo data, on demand; idempotent like DemoData itself.</summary>
internal sealed class SeedDemoCommand(AtharDbContext db, DemoData demo, CliConsole console)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        if (!await SchemaCheck.IsCurrentAsync(db, console.Error, cancellationToken))
            return ExitCodes.Refused;

        var before = await db.Users.CountAsync(cancellationToken);
        var logins = await demo.SeedAsync(cancellationToken);
        var added = await db.Users.CountAsync(cancellationToken) - before;

        var output = console.Output;
        output.WriteLine(added > 0
            ? string.Create(CultureInfo.InvariantCulture, $"Demo data added ({added} accounts).")
            : "Demo data already present; nothing added.");
        DemoData.Print(logins, output);
        return ExitCodes.Success;
    }
}
