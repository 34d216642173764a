using System.Globalization;
using Athar.Core.Calendar;
using Athar.Core.Statistics;
using Athar.Data.Statistics;
using Athar.Web.Infrastructure;
using Microsoft.Extensions.Options;

namespace Athar.Web.Features.Statistics;

/// <summary>A dashboard for one cut: the indicators with growth, the breakdown tables and, nationally, the target.</summary>
public sealed record Dashboard(StatsFilter Filter, IReadOnlyList<IndicatorValue> Indicators, IReadOnlyList<StatsTable> Tables, TargetStatus? Target);

public sealed record TargetStatus(long Target, int Year, long Current, decimal Progress, long? Projected, IReadOnlyList<(int Year, long Volunteers)> History);

/// <summary>Builds dashboards and their tables; the page, the API and the exports all read from here.</summary>
public sealed class StatsReports(
    IndicatorQueries indicators, ActivityQueries activity, StatsLabels labels,
    IOptions<HourlyValueOptions> rates, IOptions<TargetOptions> target, TimeProvider clock, DashboardCache cache)
{
    public static readonly IReadOnlyList<string> TableIds = ["indicators", "months", "regions", "fields", "gender", "age", "organization-types", "types"];

    public HourlyValueOptions Rates => rates.Value;

    /// <summary>
    /// The dashboard of a cut already locked into the viewer's scope (the caller checked access), from this node's
    /// <see cref="DashboardCache"/>: keyed by the scope's kind, every filter and the culture its tables are labelled in.
    /// </summary>
    public Task<CachedFigures<Dashboard>> CachedDashboardAsync(StatsScope scope, StatsFilter f, CancellationToken ct)
    {
        var national = scope.Kind == ScopeKind.National;
        var key = string.Join('|', "stats-dashboard", scope.Kind, StatsRequest.QueryString(f), f.VolunteerId,
            CultureInfo.CurrentCulture.Name, CultureInfo.CurrentUICulture.Name);
        return cache.GetOrComputeAsync(key, c => DashboardAsync(f, national, c), ct);
    }

    public async Task<Dashboard> DashboardAsync(StatsFilter f, bool national, CancellationToken ct)
    {
        var values = await indicators.ComputeAsync(f, rates.Value, clock.GetUtcNow(), withPrevious: true, ct);
        var tables = new List<StatsTable> { IndicatorTable(values) };
        foreach (var (id, by, chart) in Breakdowns(f))
            tables.Add(await BreakdownTableAsync(f, id, by, chart, ct));
        var status = national && f.Used == Dimensions.None ? await TargetAsync(ct) : null;
        return new Dashboard(f, values, tables, status);
    }

    /// <summary>The volunteer's own numbers: hours, value and months.</summary>
    public async Task<Dashboard> OwnAsync(StatsFilter f, CancellationToken ct)
    {
        var values = await indicators.ComputeAsync(f, rates.Value, clock.GetUtcNow(), withPrevious: true, ct);
        var own = values.Where(v => v.Indicator.Key is IndicatorKey.VerifiedHours or IndicatorKey.EconomicValue or IndicatorKey.Applications
            or IndicatorKey.AcceptanceRate or IndicatorKey.NoShowRate).ToList();
        var tables = new List<StatsTable> { IndicatorTable(own) };
        tables.Add(await BreakdownTableAsync(f, "months", Breakdown.Month, "bar", ct));
        tables.Add(await BreakdownTableAsync(f, "fields", Breakdown.Field, "bar", ct));
        return new Dashboard(f, own, tables, null);
    }

    private static IEnumerable<(string Id, Breakdown By, string Chart)> Breakdowns(StatsFilter f)
    {
        yield return ("months", Breakdown.Month, "line");
        yield return f.RegionId is null ? ("regions", Breakdown.Region, "bar") : ("cities", Breakdown.City, "bar");
        yield return ("fields", Breakdown.Field, "bar");
        yield return ("gender", Breakdown.Gender, "bar");
        yield return ("age", Breakdown.AgeBand, "bar");
        yield return ("organization-types", Breakdown.OrganizationType, "bar");
        yield return ("types", Breakdown.VolunteeringType, "bar");
    }

    public StatsTable IndicatorTable(IReadOnlyList<IndicatorValue> values)
    {
        var l = labels.L;
        var rows = values.Select(v => (IReadOnlyList<StatsCell>)
        [
            new StatsCell(labels.Indicator(v.Indicator.Key)),
            labels.Value(v.Indicator, v.Value, v.Applies),
            labels.Value(v.Indicator, v.Previous, v.Applies),
            v.Indicator.Available && v.Applies ? labels.Growth(v.Growth) : new StatsCell("—"),
        ]).ToList();
        return new StatsTable("indicators", l["Table.indicators"], [l["Column.Indicator"], l["Column.Value"], l["Column.Previous"], l["Column.Growth"]], rows);
    }

    public async Task<StatsTable> BreakdownTableAsync(StatsFilter f, string id, Breakdown by, string chart, CancellationToken ct)
    {
        var l = labels.L;
        var rows = await activity.BreakdownAsync(f, by, rates.Value, ct);
        if (by == Breakdown.Month)
        {
            // Every month of the period has a row, zero or not, so the line has no gaps.
            var byKey = rows.ToDictionary(r => r.Key);
            rows = f.Period.Months().Select(m => byKey.GetValueOrDefault(m) ?? new BreakdownRow(m, 0, 0, 0)).ToList();
        }
        var cells = rows.Select(r => (IReadOnlyList<StatsCell>)
        [
            new StatsCell(labels.Key(by, r.Key, f.Period.IsHijri)),
            labels.Count(r.Volunteers),
            labels.Hours(Ratios.Hours(r.Minutes)),
            labels.Sar(r.EconomicValue),
        ]).ToList();
        return new StatsTable(id, l["Table." + id], [l["Column." + by], l["Indicator.UniqueActiveVolunteers"], l["Indicator.VerifiedHours"], l["Indicator.EconomicValue"]], cells, new ChartSpec(chart, [1, 2]));
    }

    /// <summary>Progress of the current year's unique active volunteers toward the national target, with the trend's projection.</summary>
    public async Task<TargetStatus> TargetAsync(CancellationToken ct)
    {
        var year = DualDate.ToSaudiDate(clock.GetUtcNow()).Year;
        var history = await activity.VolunteersPerYearAsync(new StatsFilter(StatsPeriod.GregorianYear(year)), ct);
        var current = history.FirstOrDefault(h => h.Year == year).Volunteers;
        var complete = history.Where(h => h.Year < year).ToList();
        var t = target.Value;
        return new TargetStatus(t.Volunteers, t.Year, current, TargetProjection.Progress(current, t.Volunteers), TargetProjection.Project(complete, t.Year), history);
    }
}
