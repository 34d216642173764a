using System.Globalization;
using Athar.Data;
using Athar.Data.Infrastructure;

namespace Athar.Cli.Commands;

/// <summary>athar backup --file F: a consistent copy of the whole database.</summary>
internal sealed class BackupCommand(AtharDbContext db, DatabaseOptions database, CliConsole console)
{
    public async Task<int> RunAsync(string file, CancellationToken cancellationToken)
    {
        if (!await SchemaCheck.IsCurrentAsync(db, console.Error, cancellationToken))
            return ExitCodes.Refused;
        await DatabaseBackup.BackupAsync(database, file, cancellationToken);
        console.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Backed up {database.Provider} {CliConfiguration.Describe(database)} to {file} ({new FileInfo(file).Length:N0} bytes)."));
        return ExitCodes.Success;
    }
}

/// <summary>athar restore --file F: replaces the database's content with a backup made by athar backup.</summary>
internal sealed class RestoreCommand(DatabaseOptions database, CliConsole console)
{
    public async Task<int> RunAsync(string file, CancellationToken cancellationToken)
    {
        await DatabaseBackup.RestoreAsync(database, file, cancellationToken);
        console.Output.WriteLine($"Restored {database.Provider} {CliConfiguration.Describe(database)} from {file}. Run 'athar migrate' if the backup is older than this version.");
        return ExitCodes.Success;
    }
}
