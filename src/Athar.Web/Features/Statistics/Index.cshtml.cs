using Athar.Core.Statistics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Athar.Web.Features.Statistics;

/// <summary>Open statistics for anyone: national and regional aggregates, small counts suppressed.</summary>
[AllowAnonymous]
public sealed class IndexModel(PublicStatistics statistics, OpenTables tables, StatsScopes scopes, TimeProvider clock) : PageModel
{
    public OpenStatistics Data { get; private set; } = null!;
    public IReadOnlyList<StatsTable> Tables { get; private set; } = [];
    public IReadOnlyList<StatsPeriod> Periods { get; private set; } = [];
    public StatsScope? Scope { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? period, CancellationToken ct)
    {
        var p = StatsRequest.DefaultPeriod(clock);
        if (period is not null && !StatsPeriod.TryParse(period, out p))
            return BadRequest();
        Data = await statistics.CachedAsync(p, ct);
        Tables = [tables.National(Data), tables.Regions(Data)];
        Periods = PeriodChoices.Recent(clock, p).Where(x => x.Kind is PeriodKind.Year or PeriodKind.HijriYear || x == p).ToList();
        Scope = User.Identity?.IsAuthenticated == true ? await scopes.ForAsync(User, ct) : null;
        return Page();
    }
}
