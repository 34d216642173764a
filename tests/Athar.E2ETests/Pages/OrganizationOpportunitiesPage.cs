namespace Athar.E2ETests.Pages;

/// <summary>/org/{organizationId}/opportunities: the organisation's own opportunities in every status, with their lifecycle actions.</summary>
public sealed class OrganizationOpportunitiesPage(IPage page) : AtharPage(page)
{
    /// <summary>The confirmation after an action ("saved as a draft", "published").</summary>
    public ILocator Done => Page.Locator("#staff-done");

    public ILocator Error => Page.Locator("#staff-error");

    public async Task<OrganizationOpportunitiesPage> OpenAsync(Guid organizationId)
    {
        await GotoAsync($"/org/{organizationId}/opportunities");
        return this;
    }

    /// <summary>The list item of the opportunity with this title (its data-status holds the status).</summary>
    public ILocator Item(string title) => Page.Locator("li.staff-opportunity")
        .Filter(new() { Has = Page.Locator("h2 a", new() { HasTextString = title }) });

    public ILocator StatusBadge(string title) => Item(title).Locator(".badge").First;

    public Task PublishAsync(string title) => ClickAndWaitForPageAsync(Item(title).Locator("button.action-publish"));
}
