namespace Athar.E2ETests.Pages;

/// <summary>/org/{organizationId}/roster: today's shifts (Saudi date) and their accepted volunteers, one tap to check in or out.</summary>
public sealed class RosterPage(IPage page) : AtharPage(page)
{
    public async Task<RosterPage> OpenAsync(Guid organizationId)
    {
        await GotoAsync($"/org/{organizationId}/roster");
        return this;
    }

    public ILocator Shift(string title) => Page.Locator("section.roster-shift")
        .Filter(new() { Has = Page.Locator("h2", new() { HasTextString = title }) });

    public ILocator Entry(string title, string volunteerName) => Shift(title).Locator("li.roster-entry")
        .Filter(new() { HasTextString = volunteerName });

    public static ILocator CheckInButton(ILocator entry) => entry.Locator("button.check-in");

    public static ILocator CheckOutButton(ILocator entry) => entry.Locator("button.check-out");

    public Task CheckInAsync(ILocator entry) => ClickAndWaitForPageAsync(CheckInButton(entry));

    public Task CheckOutAsync(ILocator entry) => ClickAndWaitForPageAsync(CheckOutButton(entry));
}
