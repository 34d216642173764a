using System.Globalization;
using System.Text;
using Athar.Core.Text;
using Athar.Core.Reference;
using Athar.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Athar.Web.Features.Participation;

/// <summary>The volunteer's record (السجل التطوعي): every participation with verified hours, totals per field and year, as a page and as CSV.</summary>
[Authorize(Policy = Policies.Volunteer)]
public sealed class RecordModel(ParticipationQueries queries, IStringLocalizer<ParticipationText> t) : PageModel
{
    public ParticipationQueries.VolunteerRecord Record { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Record = await queries.RecordAsync(User.RequiredUserId(), cancellationToken);

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        var record = await queries.RecordAsync(User.RequiredUserId(), cancellationToken);
        var arabic = Localization.AtharCultures.IsArabic(CultureInfo.CurrentUICulture);
        var csv = new StringBuilder();
        Row(csv, t["Record.Opportunity"], t["Record.Organization"], t["Record.Field"], "From", "To", t["Record.Hours"]);
        foreach (var p in record.Participations)
        {
            var field = ReferenceData.Fields.FirstOrDefault(f => f.Id == p.FieldId);
            Row(csv, p.Title.Current, p.Organization.Current, arabic ? field?.NameAr : field?.NameEn,
                p.First.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), p.Last.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                (p.Minutes / 60m).ToString("0.##", CultureInfo.InvariantCulture));
        }
        // A byte-order mark so spreadsheet programs read the Arabic as UTF-8.
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray();
        return File(bytes, "text/csv; charset=utf-8", "athar-record.csv");
    }

    private static void Row(StringBuilder csv, params string?[] cells) =>
        csv.Append(string.Join(',', cells.Select(SpreadsheetCells.CsvTextQuoted))).Append("\r\n");
}
