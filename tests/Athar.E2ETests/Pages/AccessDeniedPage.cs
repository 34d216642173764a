namespace Athar.E2ETests.Pages;

public sealed class AccessDeniedPage(IPage page) : AtharPage(page)
{
    public ILocator HomeLink => Page.Locator("main .athar-card a[href='/']");
}
