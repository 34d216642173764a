using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Athar.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Athar.IntegrationTests.Accounts;

public sealed class LoginTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static async Task<Core.Accounts.VolunteerRegistrationInput> RegisterAsync(AtharAppFactory app)
    {
        var input = TestPeople.Adult();
        var response = await app.Api().PostAsJsonAsync("/api/v1/auth/register", input, HttpHelpers.Json);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return input;
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Login_WithEmailNationalIdOrMobile_ReturnsBearerTokenAcceptedByTheApi(TestDatabase database)
    {
        var app = fixture.For(database);
        var input = await RegisterAsync(app);

        foreach (var identifier in new[] { input.Email!, input.NationalId!, input.Mobile! })
        {
            var client = app.Api();
            var token = await client.LoginTokenAsync(identifier, TestPeople.Password);
            Assert.Equal("Bearer", token.TokenType);
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
            var me = await (await client.GetAsync("/api/v1/me")).ReadJsonAsync();
            Assert.Equal(input.Email, me.GetProperty("email").GetString());
        }
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Login_WithWrongPasswordOrUnknownAccount_GivesTheSameRefusal(TestDatabase database)
    {
        var app = fixture.For(database);
        var input = await RegisterAsync(app);

        var wrong = await app.Api().PostAsJsonAsync("/api/v1/auth/login", new { identifier = input.Email, password = "Wrong-Password-1" });
        var unknown = await app.Api().PostAsJsonAsync("/api/v1/auth/login", new { identifier = "nobody@test.athar", password = "Wrong-Password-1" });

        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        var a = await wrong.ReadJsonAsync();
        var b = await unknown.ReadJsonAsync();
        Assert.Equal("invalid-credentials", a.GetProperty("code").GetString());
        Assert.Equal(a.GetProperty("code").GetString(), b.GetProperty("code").GetString());
        Assert.Equal(a.GetProperty("title").GetString(), b.GetProperty("title").GetString());
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Login_AfterFiveFailures_IsLockedOut_EvenWithTheRightPassword_AnsweringAsAWrongPasswordDoes_UntilTheLockoutEnds(TestDatabase database)
    {
        var app = fixture.For(database);
        var input = await RegisterAsync(app);
        for (var i = 0; i < 5; i++)
            await app.Api().PostAsJsonAsync("/api/v1/auth/login", new { identifier = input.Email, password = "Wrong-Password-1" });
        var lockedAt = app.Clock.GetUtcNow();

        var locked = await app.Api().PostAsJsonAsync("/api/v1/auth/login", new { identifier = input.Email, password = TestPeople.Password });

        // Only an existing account can be locked: the refusal is the wrong-password one, so it reveals nothing.
        Assert.Equal(HttpStatusCode.Unauthorized, locked.StatusCode);
        Assert.Equal("invalid-credentials", (await locked.ReadJsonAsync()).GetProperty("code").GetString());

        // The lockout runs on the app's clock (AtharUserManager): fifteen minutes from the fifth failure, to the tick.
        var lockoutEnd = await app.QueryAsync(db => db.Users.Where(u => u.Email == input.Email).Select(u => u.LockoutEnd).SingleAsync());
        Assert.Equal(lockedAt.AddMinutes(15), lockoutEnd);
        app.Clock.Advance(TimeSpan.FromMinutes(14));
        var stillLocked = await app.Api().PostAsJsonAsync("/api/v1/auth/login", new { identifier = input.Email, password = TestPeople.Password });
        Assert.Equal(HttpStatusCode.Unauthorized, stillLocked.StatusCode);
        app.Clock.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        var after = await app.Api().PostAsJsonAsync("/api/v1/auth/login", new { identifier = input.Email, password = TestPeople.Password });
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task LoginForm_WithWrongPassword_ShowsArabicMessage_AndStaysSignedOut(TestDatabase database)
    {
        var app = fixture.For(database);
        var client = app.Browser();

        var response = await client.PostFormAsync("/account/login", [new("Input.Identifier", "volunteer@athar.local"), new("Input.Password", "Wrong-Password-1")]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("بيانات الدخول غير صحيحة.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/profile")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Logout_EndsTheCookieSession(TestDatabase database)
    {
        var app = fixture.For(database);
        var client = await app.BrowserAsAsync("volunteer@athar.local");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/profile")).StatusCode);

        var response = await client.PostFormAsync("/account/logout", [], tokenFrom: "/profile");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/profile")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task RefreshToken_GivesANewWorkingAccessToken(TestDatabase database)
    {
        var app = fixture.For(database);
        var client = app.Api();
        var token = await client.LoginTokenAsync("volunteer@athar.local", TestPeople.DemoPassword);

        var refreshed = await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = token.RefreshToken });
        var bogus = await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = "not-a-token" });

        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, bogus.StatusCode);
        var fresh = await refreshed.Content.ReadFromJsonAsync<HttpHelpers.TokenResponse>(HttpHelpers.Json);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", fresh!.AccessToken);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/me")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task PasswordReset_ThroughTheOutboxLink_SetsANewPassword(TestDatabase database)
    {
        var app = fixture.For(database);
        var input = await RegisterAsync(app);

        var forgot = await app.Api().PostAsJsonAsync("/api/v1/auth/forgot-password", new { email = input.Email });
        var unknown = await app.Api().PostAsJsonAsync("/api/v1/auth/forgot-password", new { email = "nobody@test.athar" });
        Assert.Equal(HttpStatusCode.Accepted, forgot.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, unknown.StatusCode);

        var body = await app.QueryAsync(db => Task.FromResult(db.OutboxMessages.Where(m => m.Recipient == input.Email).AsEnumerable().Last(m => m.Body.Contains("reset-password", StringComparison.Ordinal)).Body));
        var code = System.Text.RegularExpressions.Regex.Match(body, "code=([A-Za-z0-9_-]+)").Groups[1].Value;

        var reset = await app.Api().PostAsJsonAsync("/api/v1/auth/reset-password", new { email = input.Email, code, newPassword = "Another-Pass-9" });
        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        await app.Api().LoginTokenAsync(input.Email!, "Another-Pass-9");

        var replay = await app.Api().PostAsJsonAsync("/api/v1/auth/reset-password", new { email = input.Email, code, newPassword = "Third-Pass-99" });
        Assert.Equal(HttpStatusCode.BadRequest, replay.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task ConfirmEmail_ThroughTheOutboxLink_MarksTheAddressConfirmed(TestDatabase database)
    {
        var app = fixture.For(database);
        var input = await RegisterAsync(app);
        var body = await app.QueryAsync(db => Task.FromResult(db.OutboxMessages.Where(m => m.Recipient == input.Email).AsEnumerable().First().Body));
        var link = System.Text.RegularExpressions.Regex.Match(body, "http://athar.test(/account/confirm-email\\?\\S+)").Groups[1].Value;

        var page = await app.Browser("en").GetStringAsync(link);

        Assert.Contains("email-confirmed", page, StringComparison.Ordinal);
        var client = await app.ApiAsAsync(input.Email!, TestPeople.Password);
        Assert.True((await (await client.GetAsync("/api/v1/me")).ReadJsonAsync()).GetProperty("emailConfirmed").GetBoolean());
    }
}
