using System.Globalization;
using Athar.Data;
using Athar.Data.Audit;
using Athar.Data.Infrastructure;

namespace Athar.Cli.Commands;

/// <summary>athar audit seal: seals the audit entries waiting for the app's sealing job (e.g. before a backup or a verification).</summary>
internal sealed class AuditSealCommand(AtharDbContext db, AuditSealer sealer, DatabaseOptions database, CliConsole console)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        if (!await SchemaCheck.IsCurrentAsync(db, console.Error, cancellationToken))
            return ExitCodes.Refused;
        var count = await sealer.SealPendingAsync(cancellationToken);
        console.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{database.Provider} {CliConfiguration.Describe(database)}: {count} audit entries sealed."));
        return ExitCodes.Success;
    }
}
