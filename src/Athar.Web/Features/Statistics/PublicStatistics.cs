using Athar.Core.Reference;
using Athar.Core.Statistics;
using Athar.Data.Statistics;
using Athar.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Athar.Web.Features.Statistics;

/// <summary>A figure on the open-statistics page and API: null when suppressed.</summary>
public sealed record OpenFigure(decimal? Value, bool Suppressed);

public sealed record OpenRegion(int RegionId, string Code, string NameAr, string NameEn,
    OpenFigure RegisteredVolunteers, OpenFigure UniqueActiveVolunteers, OpenFigure VerifiedHours, OpenFigure EconomicValueSar, long OpportunitiesPublished);

public sealed record OpenStatistics(StatsPeriod Period,
    OpenFigure RegisteredVolunteers, OpenFigure UniqueActiveVolunteers, OpenFigure VerifiedHours, OpenFigure EconomicValueSar,
    long OpportunitiesPublished, long OrganizationsVerified, IReadOnlyList<OpenRegion> Regions)
{
    /// <summary>When the figures were read: they may come from this node's <see cref="DashboardCache"/> for a few seconds.</summary>
    public DateTimeOffset ComputedAt { get; init; }
}

/// <summary>
/// National and regional aggregates only, for anyone. Figures about people (registered, unique active)
/// and figures derived from them (hours, value) follow <see cref="Suppression"/>: below five people they
/// are hidden, with a complementary cell per column so subtraction from the national total recovers nothing.
/// Opportunities and organisations are not people and are shown as they are.
/// </summary>
public sealed class PublicStatistics(IndicatorQueries indicators, ActivityQueries activity, IOptions<HourlyValueOptions> rates, DashboardCache cache)
{
    /// <summary>
    /// The figures of a period from this node's <see cref="DashboardCache"/>. They are the same for every visitor and
    /// culture (labels are added by <see cref="OpenTables"/>), so the period is the whole key; computing them takes
    /// about thirty statements (two per region), which the page answered at 37 requests/s at scale 1 (issue #7).
    /// </summary>
    public async Task<OpenStatistics> CachedAsync(StatsPeriod period, CancellationToken ct)
    {
        var (figures, computedAt) = await cache.GetOrComputeAsync("open-statistics|" + period, c => ComputeAsync(period, c), ct);
        return figures with { ComputedAt = computedAt };
    }

    public async Task<OpenStatistics> ComputeAsync(StatsPeriod period, CancellationToken ct)
    {
        var national = new StatsFilter(period);
        var registered = await indicators.RegisteredVolunteersAsync(national, ct);
        var unique = await activity.UniqueVolunteersAsync(national, ct);
        var (minutes, _, value) = await activity.VerifiedAsync(national, rates.Value, ct);
        var (opportunities, _) = await indicators.PublishedAsync(national, ct);
        var organizations = await indicators.OrganizationsAt(national).CountAsync(o => o.Status == Data.Organizations.OrganizationStatus.Verified, ct);

        var byRegion = (await activity.BreakdownAsync(national, Breakdown.Region, rates.Value, ct)).ToDictionary(r => r.Key);
        var regions = ReferenceData.Regions;
        var registeredPerRegion = new List<long>();
        var opportunitiesPerRegion = new List<long>();
        foreach (var region in regions)
        {
            var cut = national with { RegionId = region.Id };
            registeredPerRegion.Add(await indicators.RegisteredVolunteersAsync(cut, ct));
            opportunitiesPerRegion.Add((await indicators.PublishedAsync(cut, ct)).Published);
        }
        var uniquePerRegion = regions.Select(r => byRegion.GetValueOrDefault(r.Id)?.Volunteers ?? 0).ToList();
        var hiddenRegistered = Suppression.Column(registeredPerRegion, registered);
        var hiddenActive = Suppression.Column(uniquePerRegion, unique);

        var rows = regions.Select((r, i) =>
        {
            var row = byRegion.GetValueOrDefault(r.Id);
            return new OpenRegion(r.Id, r.Code, r.NameAr, r.NameEn,
                Figure(registeredPerRegion[i], hiddenRegistered[i]),
                Figure(uniquePerRegion[i], hiddenActive[i]),
                Figure(Ratios.Hours(row?.Minutes ?? 0), hiddenActive[i]),
                Figure(row?.EconomicValue ?? 0, hiddenActive[i]),
                opportunitiesPerRegion[i]);
        }).ToList();

        var smallNation = Suppression.IsSmall(unique);
        return new OpenStatistics(period,
            Figure(registered, Suppression.IsSmall(registered)), Figure(unique, smallNation),
            Figure(Ratios.Hours(minutes), smallNation), Figure(value, smallNation),
            opportunities, organizations, rows);
    }

    private static OpenFigure Figure(decimal value, bool hidden) => hidden ? new OpenFigure(null, true) : new OpenFigure(value, false);
}
