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
            await Page.Locator("#Code").FillAsync(await DemoAdminCodeAsync());
            await ClickAndWaitForPageAsync(Page.Locator("#two-factor-submit"));
        }
    }

    private static readonly SemaphoreSlim CodeLock = new(1, 1);
    private static long? _lastDemoAdminStep;

    /// <summary>
    /// Each authenticator code signs in once, and the browser tests share one app: remember the step last used so
    /// a second sign-in takes a code not used yet (waiting for the next one when needed).
    /// </summary>
    private static async Task<string> DemoAdminCodeAsync()
    {
        await CodeLock.WaitAsync();
        try
        {
            var step = await Athar.IntegrationTests.Infrastructure.Totp.UnusedStepAsync(_lastDemoAdminStep);
            _lastDemoAdminStep = step;
            return Athar.IntegrationTests.Infrastructure.Totp.CodeAt(Data.Seeding.DemoData.AdminAuthenticatorKey, step);
        }
        finally
        {
            CodeLock.Release();
        }
    }
}
