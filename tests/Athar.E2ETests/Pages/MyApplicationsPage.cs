namespace Athar.E2ETests.Pages;

/// <summary>/me/applications: the volunteer's applications and their status.</summary>
public sealed class MyApplicationsPage(IPage page) : AtharPage(page)
{
    public async Task<MyApplicationsPage> OpenAsync()
    {
        await GotoAsync("/me/applications");
        return this;
    }

    public ILocator Application(string title) => Page.Locator("#my-applications article.application")
        .Filter(new() { Has = Page.Locator("h2 a", new() { HasTextString = title }) });

    public ILocator Status(string title) => Application(title).Locator(".status");
}
