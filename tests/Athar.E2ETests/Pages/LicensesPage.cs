namespace Athar.E2ETests.Pages;

/// <summary>/me/licenses: the volunteer's licence cards and their PDF downloads.</summary>
public sealed class LicensesPage(IPage page) : AtharPage(page)
{
    public ILocator Licenses => Page.Locator("#my-licenses .license");

    public ILocator License(string level, string status) => Page.Locator($"#my-licenses .license[data-level={level}][data-status={status}]");

    public static ILocator Number(ILocator license) => license.Locator(".number");

    public static ILocator StatusBadge(ILocator license) => license.Locator(".status");

    public static ILocator DownloadLink(ILocator license) => license.Locator("a.download-license");

    public async Task<LicensesPage> OpenAsync()
    {
        await GotoAsync("/me/licenses");
        return this;
    }

    /// <summary>Clicks the licence's download link and waits for the browser's download (an attachment, not a page).</summary>
    public Task<IDownload> DownloadAsync(ILocator license) =>
        Page.RunAndWaitForDownloadAsync(() => DownloadLink(license).ClickAsync());
}
