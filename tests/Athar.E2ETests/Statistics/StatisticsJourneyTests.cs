using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml.Linq;
using Athar.E2ETests.Infrastructure;
using Athar.E2ETests.Pages;

namespace Athar.E2ETests.Statistics;

/// <summary>The national dashboard in both languages: filter, then download CSV and XLSX whose numbers are the page's; the open page suppresses small counts.</summary>
[Collection(SharedBrowser.Name)]
public sealed class StatisticsJourneyTests(BrowserFixture browser, AtharServer server) : IClassFixture<AtharServer>
{
    [Theory]
    [InlineData("ar")]
    [InlineData("en")]
    public async Task NationalDashboard_FilteredByRegion_DownloadsMatchThePage(string language)
    {
        await using var session = await browser.OpenAsync(server);
        var login = await new LoginPage(session.Page).OpenAsync();
        await login.SignInAsync(TestPeople.DemoAdmin, TestPeople.DemoPassword);
        var dashboard = await new StatisticsDashboardPage(session.Page).OpenAsync("period=2026");
        if (language == "en")
            await dashboard.SwitchLanguageAsync();
        await dashboard.ExpectLanguageAsync(language);
        await Expect(dashboard.Table("regions")).ToBeVisibleAsync();
        await Expect(dashboard.Chart("regions")).ToBeVisibleAsync();

        await dashboard.FilterByRegionAsync("2");

        Assert.Contains("regionId=2", session.Page.Url, StringComparison.Ordinal);
        await Expect(dashboard.Table("cities")).ToBeVisibleAsync();
        var shown = await dashboard.NumbersAsync("months");
        Assert.Contains(shown, row => row.Any(v => v != "0"));
        Assert.False(await dashboard.HasHorizontalOverflowAsync());
        await Screenshots.SaveAsync(session.Page, $"statistics-dashboard-{language}");

        var csv = await DownloadAsync(session.Page, dashboard.Download("months", "csv"));
        var xlsx = await DownloadAsync(session.Page, dashboard.Download("months", "xlsx"));

        Assert.Equal(Encoding.UTF8.GetPreamble(), csv[..3]);
        var csvRows = Encoding.UTF8.GetString(csv[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(line => line.Split(',').Skip(1).Select(Normal).ToList()).ToList();
        var sheetRows = XlsxRows(xlsx).Skip(1).Select(r => r.Skip(1).Select(Normal).ToList()).ToList();
        Assert.Equal(shown, csvRows);
        Assert.Equal(shown, sheetRows);
    }

    [Fact]
    public async Task OpenStatistics_ShowSuppressedCounts_InArabicAndEnglish()
    {
        await using var session = await browser.OpenAsync(server);
        await session.Page.GotoAsync("/statistics?period=2026");
        var page = new StatisticsDashboardPage(session.Page);
        await page.ExpectLanguageAsync("ar");
        await Expect(page.Table("regions").Locator(".stats-suppressed").First).ToHaveTextAsync("أقل من ٥");
        await Expect(page.Chart("regions")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(session.Page, "statistics-open-ar");

        await page.SwitchLanguageAsync();
        await Expect(page.Table("regions").Locator(".stats-suppressed").First).ToHaveTextAsync("<5");
        Assert.False(await page.HasHorizontalOverflowAsync());
        await Screenshots.SaveAsync(session.Page, "statistics-open-en");
    }

    private static string Normal(string value) => decimal.Parse(value, CultureInfo.InvariantCulture).ToString("0.##########", CultureInfo.InvariantCulture);

    private static async Task<byte[]> DownloadAsync(IPage page, ILocator link)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        var path = await download.PathAsync();
        return await File.ReadAllBytesAsync(path!);
    }

    private static List<List<string>> XlsxRows(byte[] xlsx)
    {
        using var zip = new ZipArchive(new MemoryStream(xlsx));
        using var stream = zip.GetEntry("xl/worksheets/sheet1.xml")!.Open();
        XNamespace ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        return XDocument.Load(stream).Descendants(ns + "row")
            .Select(r => r.Elements(ns + "c").Select(c => (string?)c.Element(ns + "v") ?? string.Concat(c.Descendants(ns + "t").Select(t => t.Value))).ToList())
            .ToList();
    }
}
