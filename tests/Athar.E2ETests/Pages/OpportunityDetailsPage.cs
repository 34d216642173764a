namespace Athar.E2ETests.Pages;

/// <summary>/opportunities/{id}: the public page of one opportunity, its shifts and their apply links.</summary>
public sealed class OpportunityDetailsPage(IPage page) : AtharPage(page)
{
    public ILocator Title => Page.Locator("#opportunity-title");

    public ILocator Status => Page.Locator("#opportunity-status");

    public ILocator Organization => Page.Locator("#opportunity-organization");

    public ILocator Description => Page.Locator("#opportunity-description");

    public ILocator Place => Page.Locator("#opportunity-place");

    public ILocator Requirements => Page.Locator("#opportunity-requirements");

    public ILocator Shifts => Page.Locator("#opportunity-shifts li.shift-row");

    public ILocator ApplyLinks => Page.Locator("#opportunity-shifts a.apply-link");

    /// <summary>The opportunity's id, from the address.</summary>
    public Guid Id => Guid.Parse(Path.Split('/', StringSplitOptions.RemoveEmptyEntries)[1]);

    /// <summary>Follows the first shift's apply link (a volunteer lands on the apply page, a visitor on the sign-in page).</summary>
    public async Task<ApplyPage> FollowApplyLinkAsync()
    {
        await ClickAndWaitForPageAsync(ApplyLinks.First);
        return new ApplyPage(Page);
    }
}
