using System.Globalization;
using Athar.Data;
using Athar.Data.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Athar.Cli.Commands;

/// <summary>athar info: which database the tool sees and what is in it.</summary>
internal sealed class InfoCommand(AtharDbContext db, DatabaseOptions database, CliConsole console)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var output = console.Output;
        output.WriteLine($"Provider:       {database.Provider}");
        output.WriteLine($"Database:       {CliConfiguration.Describe(database)}");

        // Asking for the history checks that the database exists first; a missing SQLite file is not created.
        var applied = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).Count();
        if (applied == 0)
        {
            output.WriteLine("Migrations:     none applied (the database is missing or empty)");
            console.Error.WriteLine("athar: nothing to count yet. Run 'athar migrate' first, with the same database options.");
            return ExitCodes.Refused;
        }

        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Migrations:     {applied} applied, {pending} pending"));
        if (pending > 0)
        {
            console.Error.WriteLine("athar: the database is behind the code; counts need 'athar migrate' first.");
            return ExitCodes.Refused;
        }

        var users = await db.Users.CountAsync(cancellationToken);
        var volunteers = await db.Volunteers.CountAsync(cancellationToken);
        var organisations = await db.Organizations.CountAsync(cancellationToken);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Users:          {users}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Volunteers:     {volunteers}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Organisations:  {organisations}"));
        return ExitCodes.Success;
    }
}
