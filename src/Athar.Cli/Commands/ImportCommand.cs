using System.Diagnostics;
using System.Globalization;
using Athar.Core.Import;
using Athar.Data;
using Athar.Data.Import;
using Microsoft.EntityFrameworkCore;

namespace Athar.Cli.Commands;

/// <summary>athar import KIND FILE --organization ID [--dry-run]: the web page's import, from the command line.</summary>
internal sealed class ImportCommand(AtharDbContext db, ImportEngine engine, CliConsole console)
{
    /// <summary>The web page's limit is lower; an operator's file on disk may be larger.</summary>
    public const long MaxFileBytes = 256L * 1024 * 1024;

    internal sealed record Request(ImportKind Kind, string File, string Organization, bool DryRun, ImportEncoding Encoding, CultureInfo Language)
    {
        public static Request From(CliArguments arguments)
        {
            var kindText = arguments.Words[1];
            var kind = ImportKinds.FromSlug(kindText) ?? throw new UsageException($"the kind must be volunteers, opportunities or hours, not '{kindText}'.");
            var encoding = arguments.Optional("--encoding")?.ToLowerInvariant() switch
            {
                null => ImportEncoding.Auto,
                "utf-8" or "utf8" => ImportEncoding.Utf8,
                "windows-1256" or "cp1256" or "1256" => ImportEncoding.Windows1256,
                var other => throw new UsageException($"--encoding must be utf-8 or windows-1256, not '{other}'."),
            };
            var language = arguments.Optional("--language")?.ToLowerInvariant() switch
            {
                null or "en" => CultureInfo.GetCultureInfo("en"),
                "ar" => CultureInfo.GetCultureInfo("ar"),
                var other => throw new UsageException($"--language must be en or ar, not '{other}'."),
            };
            return new Request(kind, arguments.Words[2], arguments.Required("--organization"), arguments.Flag("--dry-run"), encoding, language);
        }
    }

    public async Task<int> RunAsync(Request request, CancellationToken cancellationToken)
    {
        if (!await SchemaCheck.IsCurrentAsync(db, console.Error, cancellationToken))
            return ExitCodes.Refused;
        var file = new FileInfo(request.File);
        if (!file.Exists)
        {
            console.Error.WriteLine($"athar: no file '{request.File}'.");
            return ExitCodes.Refused;
        }
        if (file.Length > MaxFileBytes)
        {
            console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"athar: the file is larger than {MaxFileBytes / 1024 / 1024} MB."));
            return ExitCodes.Refused;
        }
        var organization = await FindOrganizationAsync(request.Organization, cancellationToken);
        if (organization is null)
        {
            console.Error.WriteLine($"athar: no organisation with the id or registration number '{request.Organization}'.");
            return ExitCodes.Refused;
        }
        if (!ImportEngine.MayImport(organization))
        {
            console.Error.WriteLine($"athar: the organisation '{organization.Name.En ?? organization.Name.Ar}' is {organization.Status.ToString().ToLowerInvariant()} and may not import.");
            return ExitCodes.Refused;
        }

        var content = await File.ReadAllBytesAsync(file.FullName, cancellationToken);
        var importRequest = new ImportRequest(organization.Id, request.Kind, content, file.Name, request.Encoding, null, "cli");
        var progress = new ImportProgress();
        var watch = Stopwatch.StartNew();
        ImportOutcome outcome;
        using (new CliProgressBar(console.Error, watch, () => new(progress.Fraction, progress.Done, "rows", progress.Stage, progress.Stage == "writing")))
        {
            outcome = request.DryRun
                ? await engine.CheckAsync(importRequest, progress, cancellationToken)
                : await engine.ImportAsync(importRequest, progress, cancellationToken);
        }

        var output = console.Output;
        var what = request.Kind.Slug();
        if (outcome.AlreadyImported)
        {
            output.WriteLine($"Already imported: this {what} file was imported for this organisation before; nothing was added.");
            return ExitCodes.Success;
        }
        if (outcome.Problems.Count > 0)
        {
            console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{outcome.Problems.Count:N0} problems in {outcome.Rows:N0} rows ({outcome.Format ?? "unreadable"}); nothing was {(request.DryRun ? "checked further" : "imported")}:"));
            output.WriteLine("row\tcolumn\tproblem");
            foreach (var problem in outcome.Problems)
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{problem.Row}\t{ImportMessages.ColumnName(request.Kind, problem.Column, request.Language)}\t{ImportMessages.Describe(problem, request.Language)}"));
            return ExitCodes.Refused;
        }
        var verb = request.DryRun ? "Dry run: no problems in" : "Imported";
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{verb} {outcome.Rows:N0} rows of {what} ({outcome.Format}) in {watch.Elapsed.TotalSeconds:0.0} s: {outcome.Added:N0} {(request.DryRun ? "to add" : "added")}, {outcome.Matched:N0} matched existing volunteers, {outcome.Skipped:N0} already there."));
        if (outcome.UnderReview > 0)
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {outcome.UnderReview:N0} hours are older than the approval window and wait for a platform admin's review."));
        if (request.DryRun)
            output.WriteLine("Nothing was written. Run again without --dry-run to import.");
        return ExitCodes.Success;
    }

    private async Task<Data.Organizations.Organization?> FindOrganizationAsync(string key, CancellationToken cancellationToken)
    {
        if (Guid.TryParse(key, out var id))
            return await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, cancellationToken);
        var matches = await db.Organizations.AsNoTracking().Where(o => o.RegistrationNumber == key).Take(2).ToListAsync(cancellationToken);
        return matches.Count == 1 ? matches[0] : null;
    }
}
