using Athar.E2ETests.Infrastructure;
using Athar.E2ETests.Pages;

namespace Athar.E2ETests.Journeys;

[Collection(SharedBrowser.Name)]
public sealed class AccessTests(BrowserFixture browser, AtharServer server) : IClassFixture<AtharServer>
{
    [Fact]
    public async Task Admin_OpenedByVolunteer_ShowsArabicAccessDeniedPage()
    {
        await using var session = await browser.OpenAsync(server);
        var login = await new LoginPage(session.Page).OpenAsync();
        await login.SignInAsync(TestPeople.DemoVolunteer, TestPeople.DemoPassword);
        await Expect(session.Page.Locator("#main-nav a[href='/admin']")).ToHaveCountAsync(0);

        var response = await session.Page.GotoAsync("/admin");

        var denied = new AccessDeniedPage(session.Page);
        Assert.Equal("/account/access-denied", denied.Path);
        Assert.Equal(403, response!.Status);
        await denied.ExpectLanguageAsync("ar");
        await Expect(denied.Heading).ToHaveTextAsync(Texts.Ar("AccessDenied.Title"));
        await Expect(session.Page.Locator("main")).ToContainTextAsync(Texts.Ar("AccessDenied.Body"));
        await Expect(denied.HomeLink).ToBeVisibleAsync();
        await Expect(session.Page.Locator("main")).Not.ToContainTextAsync(Texts.Ar("Admin.Title"));
        await Screenshots.SaveAsync(session.Page, "access-denied-volunteer-ar");
    }

    [Fact]
    public async Task Profile_OpenedAnonymously_RedirectsToLogin_AndReturnsAfterSignIn()
    {
        await using var session = await browser.OpenAsync(server);

        await session.Page.GotoAsync("/profile");

        var login = new LoginPage(session.Page);
        Assert.Equal("/account/login", login.Path);
        Assert.Contains("ReturnUrl=%2Fprofile", new Uri(session.Page.Url).Query, StringComparison.OrdinalIgnoreCase);
        await login.ExpectLanguageAsync("ar");
        await Expect(login.Heading).ToHaveTextAsync(Texts.Ar("Login.Title"));
        await Expect(session.Page.Locator("#profile-national-id")).ToHaveCountAsync(0);

        await login.SignInAsync(TestPeople.DemoVolunteer, TestPeople.DemoPassword);
        var profile = new ProfilePage(session.Page);
        Assert.Equal("/profile", profile.Path);
        await Expect(profile.Heading).ToHaveTextAsync(Texts.Ar("Profile.Title"));
    }
}
