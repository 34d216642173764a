using System.Globalization;
using Athar.Data;
using Microsoft.EntityFrameworkCore;

namespace Athar.Cli.Commands;

/// <summary>Commands other than migrate refuse to run on a database that is missing or behind the code.</summary>
internal static class SchemaCheck
{
    public static async Task<bool> IsCurrentAsync(AtharDbContext db, TextWriter error, CancellationToken cancellationToken)
    {
        // GetPendingMigrations checks that the database exists before reading its history,
        // so a missing SQLite file is not created by asking.
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
        if (pending == 0)
            return true;
        error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"athar: the database is not up to date ({pending} pending migration(s)). Run 'athar migrate' first, with the same database options."));
        return false;
    }
}
