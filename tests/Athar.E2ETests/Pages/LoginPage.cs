namespace Athar.E2ETests.Pages;

public sealed class LoginPage(IPage page) : AtharPage(page)
{
    public ILocator Identifier => Page.Locator("#Input_Identifier");

    public ILocator Password => Page.Locator("#Input_Password");

    public ILocator SubmitButton => Page.Locator("#login-submit");

    /// <summary>The form-level refusal ("the sign-in details are not correct").</summary>
    public ILocator Error => Page.Locator("#login-form .validation-summary-errors");

    public async Task<LoginPage> OpenAsync()
    {
        await GotoAsync("/account/login");
        return this;
    }

    public async Task SignInAsync(string identifier, string password)
    {
        await Identifier.FillAsync(identifier);
        await Password.FillAsync(password);
        await ClickAndWaitForPageAsync(SubmitButton);
        // The demo admin signs in with two factors; its authenticator key is published with the demo data.
        if (Path == "/account/login-2fa" && identifier == Infrastructure.TestPeople.DemoAdmin)
        {
            await Page.Locator("#Code").FillAsync(Athar.IntegrationTests.Infrastructure.Totp.Code(Data.Seeding.DemoData.AdminAuthenticatorKey));
            await ClickAndWaitForPageAsync(Page.Locator("#two-factor-submit"));
        }
    }
}
