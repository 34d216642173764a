using System.Net;
using System.Net.Http.Json;
using Athar.Core.Accounts;
using Athar.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Athar.IntegrationTests.Accounts;

/// <summary>
/// The password rules (ASVS 5.0 6.2.x): no composition rules, long passphrases in any script, common and leaked
/// passwords and the person's own details refused on every path that sets a password; and the current password
/// asked again before the mobile changes (7.5.1).
/// </summary>
public sealed class PasswordRulesTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private const string GuessableEn = "This password is too easy to guess";
    private const string GuessableAr = "كلمة المرور هذه سهلة التخمين";

    private static async Task<IReadOnlyList<string?>> ErrorCodesAsync(HttpResponseMessage response, string field)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ReadJsonAsync();
        return problem.GetProperty("errorCodes").GetProperty(field).EnumerateArray().Select(e => e.GetString()).ToList();
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Register_WithACommonPassword_IsRefused_WithAFieldError_OnTheApi_AndOnThePageInArabicAndEnglish(TestDatabase database)
    {
        var app = fixture.For(database);
        foreach (var common in new[] { "password123", "12345678", "qwertyuiop", "P@ssw0rd1", "iloveyou2" })
        {
            var input = TestPeople.Adult(i => i.Password = common);
            var api = await app.Api("en").PostAsJsonAsync("/api/v1/auth/register", input, HttpHelpers.Json);
            Assert.Equal(["Identity.PasswordGuessable"], await ErrorCodesAsync(api, "password"));
            Assert.False(await app.QueryAsync(db => db.Users.AnyAsync(u => u.Email == input.Email)), common);
        }

        var english = await app.Browser("en").PostFormAsync("/account/register", RegistrationFormTests.Form(TestPeople.Adult(i => i.Password = "password123")));
        Assert.Equal(HttpStatusCode.OK, english.StatusCode);
        Assert.Contains(GuessableEn, await english.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var arabicInput = TestPeople.Adult(i => i.Password = "qwertyuiop");
        var arabic = await app.Browser().PostFormAsync("/account/register", RegistrationFormTests.Form(arabicInput));
        Assert.Equal(HttpStatusCode.OK, arabic.StatusCode);
        Assert.Contains(GuessableAr, await arabic.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await app.QueryAsync(db => db.Users.AnyAsync(u => u.Email == arabicInput.Email)));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Register_WithAPasswordBuiltFromThePersonsOwnDetails_IsRefused(TestDatabase database)
    {
        var app = fixture.For(database);
        var cases = new (string Because, Func<VolunteerRegistrationInput, string> Password)[]
        {
            ("national ID", i => $"lantern-{i.NationalId}-harbour"),
            ("national ID in Arabic-Indic digits", i => "نخلة" + string.Concat(i.NationalId!.Select(c => (char)('٠' + (c - '0'))))),
            ("mobile", i => $"harbour {i.Mobile} lantern"),
            ("English family name", _ => "Alshehri-Lantern-88"),
            ("Arabic family name without its article", _ => "شهري نخلة وقمر"),
            ("e-mail name", i => i.Email![..i.Email!.IndexOf('@', StringComparison.Ordinal)] + "!Lantern"),
        };
        foreach (var (because, password) in cases)
        {
            var input = TestPeople.Adult();
            input.Password = password(input);
            var response = await app.Api().PostAsJsonAsync("/api/v1/auth/register", input, HttpHelpers.Json);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, because);
            Assert.Equal(["Identity.PasswordHasPersonalData"], await ErrorCodesAsync(response, "password"));
        }

        // The platform's own words make a password guessable, not personal.
        var platform = TestPeople.Adult(i => i.Password = "Volunteer-2026");
        Assert.Equal(["Identity.PasswordGuessable"], await ErrorCodesAsync(await app.Api().PostAsJsonAsync("/api/v1/auth/register", platform, HttpHelpers.Json), "password"));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Register_AcceptsPassphrases_WithoutDigitsOrCapitals_LongerThan64_AndInArabic_AndTheySignIn(TestDatabase database)
    {
        var app = fixture.For(database);
        var passphrases = new[]
        {
            "quiet rivers carry ancient stones",
            "the lantern by the harbour stayed lit through seventy long winter nights and more",
            "نخلة عالية في وادي الصحراء الواسع",
        };
        Assert.True(passphrases[1].Length > 64);
        foreach (var passphrase in passphrases)
        {
            var input = TestPeople.Adult(i => i.Password = passphrase);
            var response = await app.Api().PostAsJsonAsync("/api/v1/auth/register", input, HttpHelpers.Json);
            Assert.True(response.StatusCode == HttpStatusCode.Accepted, passphrase + ": " + await response.Content.ReadAsStringAsync());
            // Signs in with exactly what was typed: nothing truncated or trimmed.
            await app.Api().LoginTokenAsync(input.Email!, passphrase);
            Assert.Equal(HttpStatusCode.Unauthorized, (await app.Api().PostAsJsonAsync("/api/v1/auth/login", new { identifier = input.Email, password = passphrase[..^1] })).StatusCode);
        }
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task ChangeAndReset_RefuseCommonPasswords_AndTheNationalIdOnRecord(TestDatabase database)
    {
        var app = fixture.For(database);
        var input = TestPeople.Adult();
        Assert.Equal(HttpStatusCode.Accepted, (await app.Api().PostAsJsonAsync("/api/v1/auth/register", input, HttpHelpers.Json)).StatusCode);
        var api = await app.ApiAsAsync(input.Email!, TestPeople.Password, language: "en");

        var common = await api.PostAsJsonAsync("/api/v1/me/password", new { currentPassword = TestPeople.Password, newPassword = "password123", confirmPassword = "password123" });
        Assert.Equal(["Identity.PasswordGuessable"], await ErrorCodesAsync(common, "newPassword"));
        // The national ID is read from the volunteer record: the change form does not carry it.
        var withId = $"harbour-{input.NationalId}";
        var personal = await api.PostAsJsonAsync("/api/v1/me/password", new { currentPassword = TestPeople.Password, newPassword = withId, confirmPassword = withId });
        Assert.Equal(["Identity.PasswordHasPersonalData"], await ErrorCodesAsync(personal, "newPassword"));

        var browser = await app.BrowserAsAsync(input.Email!, TestPeople.Password);
        var page = await browser.PostFormAsync("/account/password", [new("CurrentPassword", TestPeople.Password), new("NewPassword", "12345678"), new("ConfirmPassword", "12345678")]);
        Assert.Contains(GuessableAr, await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await app.Api().PostAsJsonAsync("/api/v1/auth/forgot-password", new { email = input.Email });
        var body = await app.QueryAsync(db => Task.FromResult(db.OutboxMessages.Where(m => m.Recipient == input.Email).AsEnumerable().Last(m => m.Body.Contains("reset-password", StringComparison.Ordinal)).Body));
        var code = System.Text.RegularExpressions.Regex.Match(body, "code=([A-Za-z0-9_-]+)").Groups[1].Value;
        var reset = await app.Api().PostAsJsonAsync("/api/v1/auth/reset-password", new { email = input.Email, code, newPassword = "qwertyuiop" });
        Assert.Equal(["Identity.PasswordGuessable"], await ErrorCodesAsync(reset, "newPassword"));
        var resetPage = await app.Browser("en").PostFormAsync($"/account/reset-password?email={Uri.EscapeDataString(input.Email!)}&code={code}", [new("NewPassword", "password123")]);
        Assert.Contains(GuessableEn, await resetPage.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await app.Api().LoginTokenAsync(input.Email!, TestPeople.Password);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task ChangingTheMobile_AsksForTheCurrentPassword_OnTheApiAndThePage(TestDatabase database)
    {
        var app = fixture.For(database);
        var input = TestPeople.Adult();
        Assert.Equal(HttpStatusCode.Accepted, (await app.Api().PostAsJsonAsync("/api/v1/auth/register", input, HttpHelpers.Json)).StatusCode);
        var api = await app.ApiAsAsync(input.Email!, TestPeople.Password);
        object Update(string mobile, string? currentPassword) => new { fullNameAr = input.FullNameAr, mobile, regionId = input.RegionId, cityId = input.CityId, currentPassword };
        Task<string?> MobileAsync() => app.QueryAsync(db => db.Users.Where(u => u.Email == input.Email).Select(u => u.PhoneNumber).SingleAsync());
        var before = await MobileAsync();

        Assert.Equal(["Profile.CurrentPasswordRequired"], await ErrorCodesAsync(await api.PutAsJsonAsync("/api/v1/me", Update("0501112233", null)), "currentPassword"));
        Assert.Equal(["Identity.PasswordMismatch"], await ErrorCodesAsync(await api.PutAsJsonAsync("/api/v1/me", Update("0501112233", "Not-The-Password-1")), "currentPassword"));
        Assert.Equal(before, await MobileAsync());
        // The same mobile needs no password: other profile changes stay as easy as before.
        Assert.Equal(HttpStatusCode.NoContent, (await api.PutAsJsonAsync("/api/v1/me", Update(input.Mobile!, null))).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await api.PutAsJsonAsync("/api/v1/me", Update("0501112233", TestPeople.Password))).StatusCode);
        Assert.Equal("+966501112233", await MobileAsync());

        var browser = await app.BrowserAsAsync(input.Email!, TestPeople.Password);
        List<KeyValuePair<string, string>> Form(string mobile, string password) =>
        [
            new("Input.FullNameAr", input.FullNameAr!), new("Input.Mobile", mobile), new("Input.RegionId", "1"), new("Input.CityId", "101"),
            new("Input.CurrentPassword", password),
        ];
        var missing = await browser.PostFormAsync("/profile/edit", Form("0502223344", ""));
        Assert.Equal(HttpStatusCode.OK, missing.StatusCode);
        Assert.Contains("أدخل كلمة المرور الحالية لتغيير رقم الجوال.", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var wrong = await browser.PostFormAsync("/profile/edit", Form("0502223344", "Not-The-Password-1"));
        Assert.Contains("كلمة المرور غير صحيحة.", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("+966501112233", await MobileAsync());
        var right = await browser.PostFormAsync("/profile/edit", Form("0502223344", TestPeople.Password));
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal("+966502223344", await MobileAsync());
    }
}
