using System.Globalization;
using Athar.Data;
using Athar.Data.Audit;
using Athar.Data.Infrastructure;

namespace Athar.Cli.Commands;

/// <summary>athar audit verify: recomputes the audit trail's hash chain and reports the first break. Read-only.</summary>
internal sealed class AuditVerifyCommand(AtharDbContext db, AuditVerifier verifier, DatabaseOptions database, CliConsole console)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        if (!await SchemaCheck.IsCurrentAsync(db, console.Error, cancellationToken))
            return ExitCodes.Refused;
        var report = await verifier.VerifyAsync(cancellationToken);
        var where = string.Create(CultureInfo.InvariantCulture, $"{database.Provider} {CliConfiguration.Describe(database)}");
        if (!report.Verdict.Intact)
        {
            var why = report.Verdict.Problem switch
            {
                "missing" => "an entry is missing (deleted, or its sequence number changed)",
                "link" => "the entry does not link to the entry before it",
                _ => "the entry was changed after it was sealed",
            };
            console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{where}: audit trail BROKEN at entry {report.Verdict.BrokenAt}: {why}. {report.Verdict.Checked} entries before it are intact."));
            return ExitCodes.Refused;
        }
        console.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{where}: audit trail intact, {report.Verdict.Checked} sealed entries checked, {report.Pending} waiting to be sealed. Head: {report.HeadHash ?? "(empty)"}"));
        return ExitCodes.Success;
    }
}
