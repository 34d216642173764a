namespace Athar.E2ETests.Pages;

/// <summary>The page a guardian opens from the SMS, without an account.</summary>
public sealed class GuardianConfirmPage(IPage page) : AtharPage(page)
{
    public ILocator ConsentButton => Page.Locator("#guardian-consent");

    public ILocator Confirmed => Page.Locator("#guardian-confirmed");

    public ILocator Invalid => Page.Locator("#guardian-invalid");

    public ILocator Card => Page.Locator("main .athar-card");

    public async Task<GuardianConfirmPage> OpenAsync(string linkPathAndQuery)
    {
        await GotoAsync(linkPathAndQuery);
        return this;
    }

    public Task ConsentAsync() => ClickAndWaitForPageAsync(ConsentButton);
}
