using Athar.E2ETests.Infrastructure;
using Athar.E2ETests.Pages;

namespace Athar.E2ETests.Journeys;

[Collection(SharedBrowser.Name)]
public sealed class MinorRegistrationTests(BrowserFixture browser, AtharServer server) : IClassFixture<AtharServer>
{
    [Fact]
    public async Task Minor_RegistersWithGuardian_GuardianConsentsFromSmsLink_PendingAlertDisappears()
    {
        var form = new RegistrationForm
        {
            FullNameAr = "سلمان خالد العتيبي",
            FullNameEn = "Salman Khalid Alotaibi",
            Gender = "Male",
            BirthDate = TestPeople.BornYearsAgo(15),
            Email = TestPeople.NewEmail("minor"),
            GuardianName = "خالد سعد العتيبي",
            GuardianNationalId = TestPeople.NewNationalId(),
            GuardianMobile = TestPeople.NewMobile(),
        };

        await using var minor = await browser.OpenAsync(server);
        var register = await new RegisterPage(minor.Page).OpenAsync();
        await register.FillAsync(form);
        await register.SubmitAsync();

        await Expect(minor.Page.Locator("main .alert-success")).ToHaveTextAsync(Texts.Ar("Register.ReceivedMinor"));
        await new LoginPage(minor.Page).SignInAsync(form.Email, form.Password);
        var profile = new ProfilePage(minor.Page);
        await profile.OpenFromNavigationAsync();
        Assert.Equal("/profile", profile.Path);
        await Expect(profile.GuardianPending).ToBeVisibleAsync();
        await Expect(profile.GuardianPending).ToContainTextAsync(Texts.Ar("Profile.GuardianPending"));
        await Screenshots.SaveAsync(minor.Page, "minor-profile-guardian-pending-ar");

        await using var admin = await browser.OpenAsync(server);
        var login = await new LoginPage(admin.Page).OpenAsync();
        await login.SignInAsync(TestPeople.DemoAdmin, TestPeople.DemoPassword);
        var outbox = await new OutboxPage(admin.Page).OpenAsync();
        await outbox.ExpectLanguageAsync("ar");
        await Expect(outbox.Heading).ToHaveTextAsync(Texts.Ar("Admin.Outbox"));
        var guardianRecipient = "+966" + form.GuardianMobile[1..];
        await Expect(outbox.MessagesTo(guardianRecipient)).ToHaveCountAsync(1);
        var sms = await outbox.LatestBodyToAsync(guardianRecipient);
        Assert.Contains("سلمان", sms, StringComparison.Ordinal);
        var link = OutboxPage.GuardianLinkIn(sms);

        // The guardian has no account: a fresh browser with no cookies.
        await using var guardian = await browser.OpenAsync(server);
        var consent = await new GuardianConfirmPage(guardian.Page).OpenAsync(link);
        await consent.ExpectLanguageAsync("ar");
        await Expect(consent.Heading).ToHaveTextAsync(Texts.Ar("Guardian.Title"));
        await Expect(consent.Card).ToContainTextAsync(Texts.Ar("Guardian.Body", "سلمان"));
        // Only the first name reaches whoever holds the link.
        await Expect(consent.Card).Not.ToContainTextAsync("العتيبي");
        await consent.ConsentAsync();
        await Expect(consent.Confirmed).ToHaveTextAsync(Texts.Ar("Guardian.Confirmed", "سلمان"));
        await Screenshots.SaveAsync(guardian.Page, "guardian-consent-confirmed-ar");

        await profile.OpenAsync();
        await Expect(profile.NationalId).ToHaveTextAsync(form.NationalId);
        await Expect(profile.GuardianPending).ToHaveCountAsync(0);

        Assert.Empty(minor.Dialogs);
        Assert.Empty(guardian.Dialogs);
    }
}
