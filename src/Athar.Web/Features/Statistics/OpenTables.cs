namespace Athar.Web.Features.Statistics;

/// <summary>The open-statistics tables (national figures and regions), suppressed cells included.</summary>
public sealed class OpenTables(StatsLabels labels)
{
    private StatsCell Cell(OpenFigure figure, bool money = false, bool hours = false) =>
        figure.Suppressed ? labels.Hidden()
        : money ? labels.Sar(figure.Value!.Value)
        : hours ? labels.Hours(figure.Value!.Value)
        : labels.Count((long)figure.Value!.Value);

    public StatsTable National(OpenStatistics s)
    {
        var l = labels.L;
        IReadOnlyList<StatsCell> Row(string key, StatsCell value) => [new StatsCell(l["Indicator." + key]), value];
        return new StatsTable("national", l["Table.national"], [l["Column.Indicator"], l["Column.Value"]],
        [
            Row("RegisteredVolunteers", Cell(s.RegisteredVolunteers)),
            Row("UniqueActiveVolunteers", Cell(s.UniqueActiveVolunteers)),
            Row("VerifiedHours", Cell(s.VerifiedHours, hours: true)),
            Row("EconomicValue", Cell(s.EconomicValueSar, money: true)),
            Row("OpportunitiesPublished", labels.Count(s.OpportunitiesPublished)),
            Row("OrganizationsVerified", labels.Count(s.OrganizationsVerified)),
        ]);
    }

    public StatsTable Regions(OpenStatistics s)
    {
        var l = labels.L;
        var rows = s.Regions.Select(r => (IReadOnlyList<StatsCell>)
        [
            new StatsCell(labels.Region(r.RegionId)),
            Cell(r.RegisteredVolunteers),
            Cell(r.UniqueActiveVolunteers),
            Cell(r.VerifiedHours, hours: true),
            Cell(r.EconomicValueSar, money: true),
            labels.Count(r.OpportunitiesPublished),
        ]).ToList();
        return new StatsTable("regions", l["Table.regions"],
            [l["Column.Region"], l["Indicator.RegisteredVolunteers"], l["Indicator.UniqueActiveVolunteers"], l["Indicator.VerifiedHours"], l["Indicator.EconomicValue"], l["Indicator.OpportunitiesPublished"]],
            rows, new ChartSpec("bar", [2, 3]));
    }
}
