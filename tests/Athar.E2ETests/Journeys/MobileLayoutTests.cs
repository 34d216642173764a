using Athar.E2ETests.Infrastructure;
using Athar.E2ETests.Pages;

namespace Athar.E2ETests.Journeys;

[Collection(SharedBrowser.Name)]
public sealed class MobileLayoutTests(BrowserFixture browser, AtharServer server) : IClassFixture<AtharServer>
{
    [Theory]
    [InlineData("/", "ar", "home")]
    [InlineData("/", "en", "home")]
    [InlineData("/account/register", "ar", "registration")]
    [InlineData("/account/login", "ar", "login")]
    public async Task Page_OnPhoneViewport_HasNoHorizontalOverflow(string path, string language, string name)
    {
        // An iPhone 12–15 sized viewport.
        await using var session = await browser.OpenAsync(server, width: 390, height: 844);
        var page = new HomePage(session.Page);
        if (language == "en")
            await session.Page.GotoAsync($"/language/en?returnUrl={Uri.EscapeDataString(path)}");
        else
            await session.Page.GotoAsync(path);

        Assert.Equal(path, page.Path);
        await page.ExpectLanguageAsync(language);
        Assert.True(await page.IsStyledAsync(), $"{path} is unstyled on a phone.");
        // The navigation collapses behind the menu button.
        await Expect(session.Page.Locator(".navbar-toggler")).ToBeVisibleAsync();
        await Expect(session.Page.Locator("#main-nav")).Not.ToBeVisibleAsync();
        var widths = await page.ScrollAndClientWidthAsync();
        await Screenshots.SaveAsync(session.Page, $"mobile-390-{name}-{language}");
        Assert.True(widths[0] <= widths[1], $"{path} ({language}) scrolls sideways on a 390px phone: scrollWidth {widths[0]} > clientWidth {widths[1]}.");
    }
}
