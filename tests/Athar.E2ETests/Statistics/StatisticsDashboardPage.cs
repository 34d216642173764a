using System.Globalization;
using System.Text;
using Athar.E2ETests.Pages;

namespace Athar.E2ETests.Statistics;

/// <summary>The indicators dashboard (/statistics/dashboard): filters, tables with charts beside them, downloads.</summary>
public sealed class StatisticsDashboardPage(IPage page) : AtharPage(page)
{
    public ILocator Region => Page.Locator("#regionId");

    public ILocator Period => Page.Locator("#period");

    public ILocator Apply => Page.Locator("#apply-filters");

    public ILocator Table(string id) => Page.Locator($"#table-{id}");

    public ILocator Chart(string id) => Page.Locator($"canvas[data-chart='{id}']");

    public ILocator Download(string id, string format) => Page.Locator($"#export-{id}-{format}");

    public async Task<StatisticsDashboardPage> OpenAsync(string query)
    {
        await GotoAsync("/statistics/dashboard?" + query);
        return this;
    }

    public async Task FilterByRegionAsync(string regionId)
    {
        await Region.SelectOptionAsync(regionId);
        await ClickAndWaitForPageAsync(Apply);
    }

    /// <summary>The table's figures as the reader sees them, turned into invariant numbers (Arabic-Indic digits and separators undone).</summary>
    public async Task<List<List<string>>> NumbersAsync(string id)
    {
        var rows = new List<List<string>>();
        foreach (var row in await Table(id).Locator("tbody tr").AllAsync())
        {
            var cells = new List<string>();
            foreach (var cell in await row.Locator("td").AllAsync())
                cells.Add(Invariant(await cell.InnerTextAsync()));
            rows.Add(cells);
        }
        return rows;
    }

    public static string Invariant(string shown)
    {
        var sb = new StringBuilder();
        foreach (var c in shown)
        {
            if (c is >= '\u0660' and <= '\u0669') sb.Append((char)('0' + (c - '\u0660')));
            else if (c is >= '0' and <= '9' or '-') sb.Append(c);
            else if (c is '.' or '\u066B') sb.Append('.');
        }
        return decimal.Parse(sb.ToString(), CultureInfo.InvariantCulture).ToString("0.##########", CultureInfo.InvariantCulture);
    }
}
