namespace Athar.E2ETests.Pages;

public sealed class ProfilePage(IPage page) : AtharPage(page)
{
    public ILocator NationalId => Page.Locator("#profile-national-id");

    public ILocator NameAr => Page.Locator("#profile-name-ar");

    public ILocator Region => Page.Locator("#profile-region");

    /// <summary>The warning a minor sees until their guardian consents.</summary>
    public ILocator GuardianPending => Page.Locator("#guardian-pending");

    public ILocator EditLink => Page.Locator("#edit-profile");

    public ILocator NavLink => Page.Locator("#main-nav a.nav-link[href='/profile']");

    public async Task<ProfilePage> OpenAsync()
    {
        await GotoAsync("/profile");
        return this;
    }

    /// <summary>Reaches the profile the way a person does: through the navigation bar.</summary>
    public async Task<ProfilePage> OpenFromNavigationAsync()
    {
        await ClickAndWaitForPageAsync(NavLink);
        return this;
    }
}
