using Athar.Core.Statistics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Athar.Web.Features.Statistics;

/// <summary>
/// The annual report of the nation, a region or an organisation (the caller's scope), laid out for
/// printing; the browser's "Save as PDF" makes the PDF, with Arabic shaped by the browser.
/// </summary>
[Authorize]
public sealed class ReportModel(StatsScopes scopes, StatsReports reports, StatsLabels labels, TimeProvider clock) : PageModel
{
    public Dashboard Data { get; private set; } = null!;
    public string Title { get; private set; } = "";
    public DateTimeOffset GeneratedAt { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var (filter, scope, invalid) = await StatisticsEndpoints.ResolveAsync(HttpContext, User, scopes, clock, ct);
        if (invalid is not null)
            return BadRequest();
        if (filter is null || scope is null || scope.Kind == ScopeKind.Volunteer)
            return NotFound();
        // An annual report covers a year: a month or quarter asked for becomes its year.
        if (filter.Period.Kind is PeriodKind.Month or PeriodKind.Quarter)
            filter = filter.WithPeriod(StatsPeriod.GregorianYear(filter.Period.Year));
        GeneratedAt = clock.GetUtcNow();
        Data = await reports.DashboardAsync(filter, scope.Kind == ScopeKind.National, ct);
        Title = scope.Kind switch
        {
            ScopeKind.National => labels.L["Scope.National"],
            ScopeKind.Regional => labels.Region(filter.RegionId!.Value),
            _ => scope.Organizations.First(o => o.Id == filter.OrganizationId).Name.Current,
        };
        return Page();
    }
}
