namespace Athar.E2ETests.Pages;

public sealed class HomePage(IPage page) : AtharPage(page)
{
    public ILocator RegisterCallToAction => Page.Locator("#cta-register");

    public ILocator RegisterNavLink => Page.Locator("#nav-register");

    public async Task<HomePage> OpenAsync()
    {
        await GotoAsync("/");
        return this;
    }

    public async Task<RegisterPage> GoToRegisterAsync()
    {
        await ClickAndWaitForPageAsync(RegisterCallToAction);
        return new RegisterPage(Page);
    }
}
