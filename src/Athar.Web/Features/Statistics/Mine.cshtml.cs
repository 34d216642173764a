using Athar.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Athar.Web.Features.Statistics;

/// <summary>A volunteer's own numbers: verified hours, their value, applications, by month and field.</summary>
[Authorize(Policy = Policies.Volunteer)]
public sealed class MineModel(StatsReports reports, TimeProvider clock) : PageModel
{
    public Dashboard Data { get; private set; } = null!;
    public string Query { get; private set; } = "";
    public IReadOnlyList<Core.Statistics.StatsPeriod> Periods { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? period, CancellationToken ct)
    {
        var (filter, _) = new StatsRequest { Period = period }.ToFilter(clock);
        if (filter is null)
            return BadRequest();
        filter = filter with { VolunteerId = User.RequiredUserId() };
        Data = await reports.OwnAsync(filter, ct);
        Query = StatsRequest.QueryString(filter with { VolunteerId = null });
        Periods = PeriodChoices.Recent(clock, filter.Period);
        return Page();
    }
}
