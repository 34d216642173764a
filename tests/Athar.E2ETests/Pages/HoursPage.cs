namespace Athar.E2ETests.Pages;

/// <summary>/org/{organizationId}/hours: hours computed from attendance, waiting for staff to approve, adjust or reject.</summary>
public sealed class HoursPage(IPage page) : AtharPage(page)
{
    public async Task<HoursPage> OpenAsync(Guid organizationId)
    {
        await GotoAsync($"/org/{organizationId}/hours");
        return this;
    }

    public ILocator Rows => Page.Locator("#hours-list .hours-row");

    public ILocator Row(string title, string volunteerName) => Rows
        .Filter(new() { HasTextString = title })
        .Filter(new() { HasTextString = volunteerName });

    public static ILocator StatusBadge(ILocator row) => row.Locator(".badge").First;

    public Task ApproveAsync(ILocator row) => ClickAndWaitForPageAsync(row.Locator("button.approve"));
}
