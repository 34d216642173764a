using Athar.E2ETests.Infrastructure;
using Athar.E2ETests.Pages;

namespace Athar.E2ETests.Journeys;

[Collection(SharedBrowser.Name)]
public sealed class RegistrationJourneyTests(BrowserFixture browser, AtharServer server) : IClassFixture<AtharServer>
{
    // appsettings.json: Athar:Registration:MinimumAge.
    private const int MinimumAge = 13;

    [Fact]
    public async Task Register_ThroughArabicForm_ThenLogin_SwitchToEnglish()
    {
        await using var session = await browser.OpenAsync(server);

        var home = await new HomePage(session.Page).OpenAsync();
        await home.ExpectLanguageAsync("ar");
        Assert.True(await home.IsStyledAsync(), "The home page is unstyled: Bootstrap or site.css was not served.");
        await Expect(home.Heading).ToHaveTextAsync(Texts.Ar("Home.Headline"));

        var register = await home.GoToRegisterAsync();
        Assert.Equal("/account/register", register.Path);
        await register.ExpectLanguageAsync("ar");
        await Expect(register.Heading).ToHaveTextAsync(Texts.Ar("Register.Title"));
        var form = new RegistrationForm();
        await register.FillAsync(form);
        await Screenshots.SaveAsync(session.Page, "registration-form-filled-ar");
        await register.SubmitAsync();

        // New or already registered, everyone is sent to sign in with the same words (no account enumeration).
        var signIn = new LoginPage(session.Page);
        Assert.Equal("/account/login", signIn.Path);
        await Expect(session.Page.Locator("main .alert-success")).ToHaveTextAsync(Texts.Ar("Register.Received"));
        await signIn.SignInAsync(form.Email, form.Password);
        var profile = new ProfilePage(session.Page);
        await profile.OpenFromNavigationAsync();
        Assert.Equal("/profile", profile.Path);
        await profile.ExpectLanguageAsync("ar");
        await Expect(profile.Heading).ToHaveTextAsync(Texts.Ar("Profile.Title"));
        // Its owner sees the whole number, not the masked form staff see.
        await Expect(profile.NationalId).ToHaveTextAsync(form.NationalId);
        await Expect(profile.NameAr).ToHaveTextAsync(form.FullNameAr);
        await Expect(profile.Region).ToContainTextAsync("الرياض");
        await Expect(profile.GuardianPending).ToHaveCountAsync(0);
        await Screenshots.SaveAsync(session.Page, "profile-after-registration-ar");

        await profile.SignOutAsync();
        Assert.Equal("/", profile.Path);
        await Expect(session.Page.Locator("#nav-login")).ToBeVisibleAsync();
        await Expect(profile.SignOutButton).ToHaveCountAsync(0);

        var login = await new LoginPage(session.Page).OpenAsync();
        await login.SignInAsync(form.NationalId, form.Password);
        Assert.Equal("/", login.Path);
        await profile.OpenFromNavigationAsync();
        Assert.Equal("/profile", profile.Path);
        await Expect(profile.NationalId).ToHaveTextAsync(form.NationalId);

        await profile.SwitchLanguageAsync();
        Assert.Equal("/profile", profile.Path);
        await profile.ExpectLanguageAsync("en");
        Assert.True(await profile.IsStyledAsync(), "The English profile is unstyled.");
        await Expect(session.Page.Locator("link[href*='bootstrap.rtl']")).ToHaveCountAsync(0);
        await Expect(profile.Heading).ToHaveTextAsync(Texts.En("Profile.Title"));
        await Expect(session.Page.Locator("main dt").First).ToHaveTextAsync(Texts.En("Register.FullNameAr"));
        await Expect(profile.Region).ToContainTextAsync("Riyadh");
        await Expect(profile.LanguageSwitch).ToHaveTextAsync("العربية");
        await Expect(profile.NationalId).ToHaveTextAsync(form.NationalId);
        await Screenshots.SaveAsync(session.Page, "profile-after-login-en");

        Assert.Empty(session.Dialogs);
    }

    [Fact]
    public Task Register_WithBadInput_ShowsArabicFieldErrors_AndKeepsValues() => RegisterWithBadInputAsync("ar");

    [Fact]
    public Task Register_WithBadInput_ShowsEnglishFieldErrors_AndKeepsValues() => RegisterWithBadInputAsync("en");

    private async Task RegisterWithBadInputAsync(string language)
    {
        await using var session = await browser.OpenAsync(server);
        var register = await new RegisterPage(session.Page).OpenAsync();
        await register.ExpectLanguageAsync("ar");
        if (language == "en")
        {
            await register.SwitchLanguageAsync();
            Assert.Equal("/account/register", register.Path);
        }
        await register.ExpectLanguageAsync(language);

        var form = new RegistrationForm
        {
            FullNameAr = "<script>alert(1)</script>",
            NationalId = TestPeople.WithBadCheckDigit(TestPeople.NewNationalId()),
            Mobile = "12345",
            BirthDate = TestPeople.BornYearsAgo(10),
            Email = TestPeople.NewEmail("rejected"),
        };
        await register.FillAsync(form);
        await register.SubmitAsync();

        Assert.Equal("/account/register", register.Path);
        await register.ExpectLanguageAsync(language);
        await Expect(register.FormErrors).ToHaveTextAsync(Texts.In(language, "Form.HasErrors"));
        await ExpectFieldErrorAsync(register, "FullNameAr", Texts.In(language, "Name.Invalid"));
        await ExpectFieldErrorAsync(register, "NationalId", Texts.In(language, "NationalId.BadCheckDigit"));
        await ExpectFieldErrorAsync(register, "Mobile", Texts.In(language, "Mobile.Invalid"));
        await ExpectFieldErrorAsync(register, "BirthDate", Texts.In(language, "BirthDate.TooYoung", MinimumAge));
        // The message sits beside its field, in the same column.
        await Expect(register.Field("NationalId").Locator("xpath=..").Locator("span[data-valmsg-for='Input.NationalId']")).ToBeVisibleAsync();
        foreach (var correct in new[] { "Email", "Password", "Gender", "RegionId", "CityId", "FullNameEn" })
            await Expect(register.FieldError(correct)).ToBeEmptyAsync();

        // Nothing typed is lost, except the password, which is never sent back.
        await Expect(register.Field("Email")).ToHaveValueAsync(form.Email);
        await Expect(register.Field("FullNameAr")).ToHaveValueAsync(form.FullNameAr);
        await Expect(register.Field("NationalId")).ToHaveValueAsync(form.NationalId);
        await Expect(register.Field("Mobile")).ToHaveValueAsync(form.Mobile);
        await Expect(register.Field("BirthDate")).ToHaveValueAsync(form.BirthDateValue);
        await Expect(register.Field("RegionId")).ToHaveValueAsync("1");
        await Expect(register.Field("CityId")).ToHaveValueAsync("101");
        await Expect(session.Page.Locator("#field-3")).ToBeCheckedAsync();
        await Expect(session.Page.Locator("#gender-female")).ToBeCheckedAsync();
        await Expect(register.Field("AcceptEthicsCharter")).ToBeCheckedAsync();
        await Expect(register.Field("Password")).ToHaveValueAsync(string.Empty);

        // The name came back as text, never as markup.
        Assert.Equal(0, await session.Page.EvaluateAsync<int>(
            "() => [...document.scripts].filter(s => s.textContent.includes('alert(1)')).length"));
        await Screenshots.SaveAsync(session.Page, $"registration-errors-{language}");

        var login = await new LoginPage(session.Page).OpenAsync();
        await login.SignInAsync(form.Email, form.Password);
        Assert.Equal("/account/login", login.Path);
        await Expect(login.Error).ToContainTextAsync(Texts.In(language, "Login.Failed"));

        Assert.Empty(session.Dialogs);
    }

    private static async Task ExpectFieldErrorAsync(RegisterPage register, string field, string message)
    {
        await Expect(register.FieldError(field)).ToHaveTextAsync(message);
        await Expect(register.Field(field)).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\binput-validation-error\b"));
    }
}
