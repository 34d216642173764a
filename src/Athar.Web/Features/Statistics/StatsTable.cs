namespace Athar.Web.Features.Statistics;

/// <summary>
/// One cell: the text the page shows (culture digits) and the number the exports write (invariant).
/// A hidden cell is a suppressed small count: "&lt;5" on pages and in exports, null in the API.
/// </summary>
public sealed record StatsCell(string Text, decimal? Number = null, bool Hidden = false);

/// <summary>How a table is drawn beside itself: which columns become series, bars or a line.</summary>
public sealed record ChartSpec(string Kind, IReadOnlyList<int> Columns);

/// <summary>
/// A table as the page renders it and the CSV/XLSX exports write it: the same object, so a downloaded
/// file always has the page's numbers.
/// </summary>
public sealed record StatsTable(string Id, string Title, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<StatsCell>> Rows, ChartSpec? Chart = null)
{
    /// <summary>The data island a chart is drawn from (labels from the first column, numbers from the chosen columns).</summary>
    public object? ChartData() => Chart is null ? null : new
    {
        kind = Chart.Kind,
        labels = Rows.Select(r => r[0].Text).ToArray(),
        series = Chart.Columns.Select(c => new
        {
            label = Headers[c],
            data = Rows.Select(r => r[c].Hidden ? null : r[c].Number).ToArray(),
        }).ToArray(),
    };
}
