using System.Globalization;
using Athar.Core.Text;
using Athar.Data;
using Athar.Data.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Athar.Cli.Commands;

/// <summary>
/// athar privacy accessed-by --user E: the people whose personal data an account was shown (PDPL breach notification:
/// who to tell, and how to reach them, when that account is compromised). Read-only.
/// </summary>
internal sealed class PrivacyAccessedByCommand(AtharDbContext db, PersonalDataAccessLog log, CliConsole console)
{
    internal sealed record Request(string User, DateTimeOffset? Since)
    {
        public static Request From(CliArguments arguments)
        {
            DateTimeOffset? since = null;
            if (arguments.Optional("--since") is { } text)
            {
                if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
                    throw new UsageException($"--since must be a date as yyyy-MM-dd, not '{text}'.");
                since = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            }
            return new Request(arguments.Required("--user"), since);
        }
    }

    public async Task<int> RunAsync(Request request, CancellationToken cancellationToken)
    {
        if (!await SchemaCheck.IsCurrentAsync(db, console.Error, cancellationToken))
            return ExitCodes.Refused;
        var normalized = request.User.ToUpperInvariant();
        var viewer = Guid.TryParse(request.User, out var id)
            ? await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => (Guid?)u.Id).FirstOrDefaultAsync(cancellationToken)
            : await db.Users.AsNoTracking().Where(u => u.NormalizedEmail == normalized).Select(u => (Guid?)u.Id).FirstOrDefaultAsync(cancellationToken);
        if (viewer is null)
        {
            console.Error.WriteLine($"athar: no account '{request.User}'.");
            return ExitCodes.Refused;
        }
        var people = await log.AccessedByAsync(viewer.Value, request.Since, cancellationToken);
        console.Output.WriteLine("person_id,name,email,phone,views,first_at,last_at,purposes");
        foreach (var p in people)
            console.Output.WriteLine(string.Join(',', p.PersonId.ToString(), SpreadsheetCells.CsvText(p.Name), SpreadsheetCells.CsvText(p.Email), SpreadsheetCells.CsvText(p.Phone), p.Views.ToString(CultureInfo.InvariantCulture),
                p.FirstAt.ToString("O", CultureInfo.InvariantCulture), p.LastAt.ToString("O", CultureInfo.InvariantCulture), string.Join(' ', p.Purposes)));
        console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{people.Count} people's personal data was shown to {request.User}."));
        return ExitCodes.Success;
    }
}
