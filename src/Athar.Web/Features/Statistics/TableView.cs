namespace Athar.Web.Features.Statistics;

/// <summary>A table on a page, with its CSV and XLSX downloads (none when the path is null).</summary>
public sealed record TableView(StatsTable Table, string? ExportPath, string? ExportQuery)
{
    public string Href(string format) => $"{ExportPath}.{format}?{ExportQuery}";

    /// <summary>Dashboard tables download from /statistics/export/{table}.{format} with the page's cut.</summary>
    public static TableView ForDashboard(StatsTable table, string query) => new(table, "/statistics/export/" + table.Id, query);
}

/// <summary>The chart data of a page's tables, written once as a JSON data island (the CSP forbids inline scripts).</summary>
public static class ChartIsland
{
    private static readonly System.Text.Json.JsonSerializerOptions Options = new(System.Text.Json.JsonSerializerDefaults.Web);

    // The default encoder escapes <, > and & so the island can never close its script element.
    public static string Json(IEnumerable<StatsTable> tables) =>
        System.Text.Json.JsonSerializer.Serialize(tables.Where(t => t.Chart is not null).ToDictionary(t => t.Id, t => t.ChartData()), Options);
}
