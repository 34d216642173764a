using Athar.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Athar.Web.Features.Privacy;

/// <summary>The person's own data, to download as JSON or CSV, with the ways to delete the account.</summary>
[Authorize]
public sealed class DataModel(PersonalDataExport export) : PageModel
{
    public PersonalDataExport.Record Record { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Record = await export.ForAsync(User.RequiredUserId(), cancellationToken);

    public async Task<IActionResult> OnGetJsonAsync(CancellationToken cancellationToken) =>
        File(PersonalDataExport.ToJson(await export.ForAsync(User.RequiredUserId(), cancellationToken)), "application/json", "athar-my-data.json");

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken) =>
        File(PersonalDataExport.ToCsv(await export.ForAsync(User.RequiredUserId(), cancellationToken)), "text/csv; charset=utf-8", "athar-my-data.csv");
}
