using System.Globalization;
using System.Security.Claims;
using Athar.Core.Audit;
using Athar.Core.Statistics;
using Athar.Data;
using Athar.Data.Audit;
using Athar.Web.Infrastructure;
using Athar.Web.Localization;
using Athar.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Athar.Web.Features.Statistics;

public static class StatisticsEndpoints
{
    public sealed record IndicatorResponse(string Key, string Unit, bool Available, bool Applies, decimal? Value, decimal? Previous, decimal? Growth);

    public sealed record TableResponse(string Id, string Title, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<CellResponse>> Rows);

    public sealed record CellResponse(string Text, decimal? Value);

    /// <summary><c>ComputedAt</c>: when the figures were read (dashboards may be served from a cache for a few seconds).</summary>
    public sealed record DashboardResponse(string Period, string Scope, IReadOnlyList<IndicatorResponse> Indicators, IReadOnlyList<TableResponse> Tables, TargetResponse? Target, DateTimeOffset ComputedAt);

    public sealed record TargetResponse(long Target, int Year, long Current, decimal Progress, long? Projected);

    public static RouteGroupBuilder Map(RouteGroupBuilder api)
    {
        var open = api.MapGroup("/stats").WithTags("Statistics").AllowAnonymous();
        open.MapGet("/", OpenAsync).WithName("GetOpenStatistics")
            .WithSummary("National and regional aggregates for anyone; figures about fewer than five people (and their complements) are null.");

        var signedIn = api.MapGroup("/stats").WithTags("Statistics").RequireAuthorization();
        signedIn.MapGet("/dashboard", DashboardAsync).WithName("GetStatisticsDashboard")
            .WithSummary("Every indicator with growth and breakdowns for a cut (period, region, city, field, gender, age band, organisation type, organisation, program), locked to the caller's scope.");
        api.MapGet("/me/stats", MineAsync).WithTags("Statistics").RequireAuthorization(Policies.Volunteer)
            .WithName("GetMyStatistics").WithSummary("The signed-in volunteer's own numbers.");
        return api;
    }

    /// <summary>Downloads beside the pages (cookie sign-in): every table of a dashboard, and the open regional table.</summary>
    public static void MapExports(WebApplication app)
    {
        app.MapGet("/statistics/export/{table}.{format}", ExportAsync).RequireAuthorization().ExcludeFromDescription();
        app.MapGet("/statistics/open/export/regions.{format}", OpenExportAsync).AllowAnonymous().ExcludeFromDescription();
    }

    private static async Task<Results<Ok<OpenStatistics>, ProblemHttpResult>> OpenAsync(string? period, PublicStatistics statistics, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        var p = StatsRequest.DefaultPeriod(clock);
        if (period is not null && !StatsPeriod.TryParse(period, out p))
            return Invalid(http, "period");
        return TypedResults.Ok(await statistics.CachedAsync(p, ct));
    }

    private static async Task<Results<Ok<DashboardResponse>, NotFound, ProblemHttpResult>> DashboardAsync(
        HttpContext http, ClaimsPrincipal user, StatsScopes scopes, StatsReports reports, TimeProvider clock, CancellationToken ct)
    {
        var (filter, scope, invalid) = await ResolveAsync(http, user, scopes, clock, ct);
        if (invalid is not null)
            return Invalid(http, invalid);
        if (filter is null || scope is null)
            return TypedResults.NotFound();
        var (dashboard, computedAt) = scope.Kind == ScopeKind.Volunteer
            ? new CachedFigures<Dashboard>(await reports.OwnAsync(filter, ct), clock.GetUtcNow())
            : await reports.CachedDashboardAsync(scope, filter, ct);
        return TypedResults.Ok(ToResponse(dashboard, scope.Kind, computedAt));
    }

    private static async Task<Results<Ok<DashboardResponse>, ProblemHttpResult>> MineAsync(HttpContext http, ClaimsPrincipal user, StatsReports reports, TimeProvider clock, CancellationToken ct)
    {
        var (filter, invalid) = StatsRequest.From(http.Request.Query).ToFilter(clock);
        if (filter is null)
            return Invalid(http, invalid!);
        var own = filter with { RegionId = null, CityId = null, OrganizationId = null, OrganizationType = null, ProgramId = null, VolunteerId = user.RequiredUserId() };
        return TypedResults.Ok(ToResponse(await reports.OwnAsync(own, ct), ScopeKind.Volunteer, clock.GetUtcNow()));
    }

    private static async Task<IResult> ExportAsync(string table, string format, HttpContext http, ClaimsPrincipal user, StatsScopes scopes, StatsReports reports, AuditTrail audit, AtharDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (format is not ("csv" or "xlsx"))
            return TypedResults.NotFound();
        var (filter, scope, invalid) = await ResolveAsync(http, user, scopes, clock, ct);
        if (invalid is not null)
            return Invalid(http, invalid);
        if (filter is null || scope is null)
            return TypedResults.NotFound();
        var dashboard = scope.Kind == ScopeKind.Volunteer ? await reports.OwnAsync(filter, ct) : (await reports.CachedDashboardAsync(scope, filter, ct)).Value;
        var found = dashboard.Tables.FirstOrDefault(t => t.Id == table);
        if (found is null)
            return TypedResults.NotFound();
        audit.Record(AuditActions.StatisticsExported, "StatisticsTable", table, user.RequiredUserId(), filter.OrganizationId,
            detail: AuditTrail.Detail(("format", format), ("scope", scope.Kind), ("query", StatsRequest.QueryString(filter))));
        await db.SaveChangesAsync(ct);
        return File(found, format, filter.Period);
    }

    private static async Task<IResult> OpenExportAsync(string format, string? period, PublicStatistics statistics, OpenTables tables, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        if (format is not ("csv" or "xlsx"))
            return TypedResults.NotFound();
        var p = StatsRequest.DefaultPeriod(clock);
        if (period is not null && !StatsPeriod.TryParse(period, out p))
            return Invalid(http, "period");
        return File(tables.Regions(await statistics.CachedAsync(p, ct)), format, p);
    }

    private static FileContentHttpResult File(StatsTable table, string format, StatsPeriod period)
    {
        var name = string.Create(CultureInfo.InvariantCulture, $"athar-{table.Id}-{period}.{format}");
        return format == "csv"
            ? TypedResults.File(TableExport.Csv(table), TableExport.CsvType, name)
            : TypedResults.File(TableExport.Xlsx(table, AtharCultures.IsArabic(CultureInfo.CurrentCulture)), TableExport.XlsxType, name);
    }

    public static async Task<(StatsFilter? Filter, StatsScope? Scope, string? Invalid)> ResolveAsync(HttpContext http, ClaimsPrincipal user, StatsScopes scopes, TimeProvider clock, CancellationToken ct)
    {
        var (requested, invalid) = StatsRequest.From(http.Request.Query).ToFilter(clock);
        if (requested is null)
            return (null, null, invalid);
        var scope = await scopes.ForAsync(user, ct);
        if (scope is null)
            return (null, null, null);
        return (await scopes.LockAsync(scope, requested, ct), scope, null);
    }

    private static DashboardResponse ToResponse(Dashboard d, ScopeKind scope, DateTimeOffset computedAt) => new(
        d.Filter.Period.ToString(),
        scope.ToString(),
        d.Indicators.Select(i => new IndicatorResponse(i.Indicator.Key.ToString(), i.Indicator.Unit.ToString(), i.Indicator.Available, i.Applies, i.Value, i.Previous, i.Growth)).ToList(),
        d.Tables.Select(t => new TableResponse(t.Id, t.Title, t.Headers, t.Rows.Select(r => (IReadOnlyList<CellResponse>)r.Select(c => new CellResponse(c.Text, c.Hidden ? null : c.Number)).ToList()).ToList())).ToList(),
        d.Target is { } t ? new TargetResponse(t.Target, t.Year, t.Current, t.Progress, t.Projected) : null,
        computedAt);

    private static ProblemHttpResult Invalid(HttpContext http, string parameter)
    {
        var t = http.RequestServices.GetRequiredService<IStringLocalizer<StatisticsText>>();
        var problem = new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = StatusCodes.Status400BadRequest, Title = t["Refusal.invalid-filter"], Detail = parameter };
        problem.Extensions["code"] = "invalid-filter";
        problem.Extensions["parameter"] = parameter;
        return TypedResults.Problem(problem);
    }
}
