namespace Athar.E2ETests.Pages;

/// <summary>/org/{organizationId}/applicants: staff accept, wait-list or reject applications, grouped by shift.</summary>
public sealed class ApplicantsPage(IPage page) : AtharPage(page)
{
    public async Task<ApplicantsPage> OpenAsync(Guid organizationId)
    {
        await GotoAsync($"/org/{organizationId}/applicants");
        return this;
    }

    /// <summary>The card of one opportunity's shift.</summary>
    public ILocator Group(string title) => Page.Locator("main section.athar-card")
        .Filter(new() { Has = Page.Locator("h2", new() { HasTextString = title }) });

    public ILocator Row(string title, string volunteerName) => Group(title).Locator("table.applicants tbody tr")
        .Filter(new() { HasTextString = volunteerName });

    /// <summary>The "status" column of a row.</summary>
    public static ILocator StatusCell(ILocator row) => row.Locator("td").Nth(3);

    public static ILocator AcceptButton(ILocator row) => row.Locator("button.accept");

    public Task AcceptAsync(ILocator row) => ClickAndWaitForPageAsync(AcceptButton(row));
}
