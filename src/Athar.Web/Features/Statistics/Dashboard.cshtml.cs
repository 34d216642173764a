using Athar.Core.Statistics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Athar.Web.Features.Statistics;

/// <summary>The indicators dashboard: national for platform admins, a region for its supervisors, an organisation for its staff.</summary>
[Authorize]
public sealed class DashboardModel(StatsScopes scopes, StatsReports reports, TimeProvider clock) : PageModel
{
    public StatsScope Scope { get; private set; } = null!;
    public Dashboard Data { get; private set; } = null!;
    public DateTimeOffset ComputedAt { get; private set; }
    public string Query { get; private set; } = "";
    public IReadOnlyList<StatsPeriod> Periods { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var (filter, scope, invalid) = await StatisticsEndpoints.ResolveAsync(HttpContext, User, scopes, clock, ct);
        if (invalid is not null)
            return BadRequest();
        if (filter is null || scope is null)
            return NotFound();
        if (scope.Kind == ScopeKind.Volunteer)
            return Redirect("/statistics/me");
        Scope = scope;
        (Data, ComputedAt) = await reports.CachedDashboardAsync(scope, filter, ct);
        Query = StatsRequest.QueryString(filter);
        Periods = PeriodChoices.Recent(clock, filter.Period);
        return Page();
    }
}
