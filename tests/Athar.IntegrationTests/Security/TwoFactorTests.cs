using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Athar.Core.Accounts;
using Athar.Data.Accounts;
using Athar.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Athar.IntegrationTests.Security;

/// <summary>Authenticator (TOTP) sign-in with recovery codes; required for platform admins.</summary>
public sealed partial class TwoFactorTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static async Task<string> KeyOnPageAsync(HttpClient client)
    {
        var html = await client.GetStringAsync("/profile/two-factor");
        return AuthenticatorKey().Match(html).Groups[1].Value.Replace(" ", string.Empty, StringComparison.Ordinal);
    }

    private static Task<HttpResponseMessage> EnableAsync(HttpClient client, string code) =>
        client.PostFormAsync("/profile/two-factor?handler=Enable", [new("Code", code)], tokenFrom: "/profile/two-factor");

    private static async Task<Builders.StaffMember> VolunteerAsync(AtharAppFactory app) => await app.CreatePersonAsync([Roles.Volunteer]);

    private static async Task<bool> TwoFactorOnAsync(AtharAppFactory app, Guid userId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AtharUser>>();
        return (await users.FindByIdAsync(userId.ToString()))!.TwoFactorEnabled;
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Enabling_WithAWrongCode_Fails_AndWithTheAppsCode_Works_ShowingTenRecoveryCodes(TestDatabase database)
    {
        var app = fixture.For(database);
        var person = await VolunteerAsync(app);
        var client = await app.BrowserAsAsync(person.Email, TestPeople.Password);
        Assert.Contains("<img src=\"data:image/png;base64,", await client.GetStringAsync("/profile/two-factor"), StringComparison.Ordinal);
        var key = await KeyOnPageAsync(client);
        Assert.Matches("^[a-z2-7]{32}$", key);
        var right = Totp.Code(key);
        var wrong = right == "000000" ? "111111" : "000000";

        var refused = await EnableAsync(client, wrong);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.False(await TwoFactorOnAsync(app, person.UserId));

        var accepted = await EnableAsync(client, right);
        var page = await accepted.Content.ReadAsStringAsync();
        Assert.True(await TwoFactorOnAsync(app, person.UserId));
        Assert.Equal(10, RecoveryCodes(page).Count);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task SignIn_WithTwoFactorOn_NeedsTheSecondStep_OnThePagesAndTheApi(TestDatabase database)
    {
        var app = fixture.For(database);
        var person = await VolunteerAsync(app);
        var setup = await app.BrowserAsAsync(person.Email, TestPeople.Password);
        var key = await KeyOnPageAsync(setup);
        await EnableAsync(setup, await app.UnusedCodeAsync(person.UserId, key));

        var client = app.Browser();
        var first = await client.PostFormAsync("/account/login", [new("Input.Identifier", person.Email), new("Input.Password", TestPeople.Password)]);
        Assert.StartsWith("/account/login-2fa", first.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/profile")).StatusCode);
        var wrongCode = await client.PostFormAsync(first.Headers.Location!.OriginalString, [new("Code", Totp.Code(key) == "000000" ? "111111" : "000000")]);
        Assert.Equal(HttpStatusCode.OK, wrongCode.StatusCode);
        var second = await client.PostFormAsync(first.Headers.Location!.OriginalString, [new("Code", await app.UnusedCodeAsync(person.UserId, key))]);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/profile")).StatusCode);

        var withoutCode = await app.Api().PostAsJsonAsync("/api/v1/auth/login", new { identifier = person.Email, password = TestPeople.Password });
        Assert.Equal(HttpStatusCode.Unauthorized, withoutCode.StatusCode);
        Assert.Equal("two-factor-required", (await withoutCode.ReadJsonAsync()).GetProperty("code").GetString());
        var withCode = await app.Api().PostAsJsonAsync("/api/v1/auth/login", new { identifier = person.Email, password = TestPeople.Password, twoFactorCode = await app.UnusedCodeAsync(person.UserId, key) });
        Assert.Equal(HttpStatusCode.OK, withCode.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task AuthenticatorCode_SignsInOnce_AnEarlierOneNever_AndTheNextOneWorks(TestDatabase database)
    {
        var app = fixture.For(database);
        var person = await VolunteerAsync(app);
        var setup = await app.BrowserAsAsync(person.Email, TestPeople.Password);
        var key = await KeyOnPageAsync(setup);
        var step = Totp.Step();
        await EnableAsync(setup, Totp.CodeAt(key, step));
        Assert.Equal(step, await LastStepAsync(app, person.UserId));

        // The code that switched two-factor on, and the previous step's code (still inside the accepted window
        // but older than the accepted one), sign in neither on the API nor on the pages.
        Assert.Equal(HttpStatusCode.Unauthorized, (await ApiLoginAsync(app, person.Email, Totp.CodeAt(key, step))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await ApiLoginAsync(app, person.Email, Totp.CodeAt(key, step - 1))).StatusCode);
        var client = app.Browser();
        var first = await client.PostFormAsync("/account/login", [new("Input.Identifier", person.Email), new("Input.Password", TestPeople.Password)]);
        var replayed = await client.PostFormAsync(first.Headers.Location!.OriginalString, [new("Code", Totp.CodeAt(key, step))]);
        Assert.Equal(HttpStatusCode.OK, replayed.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/profile")).StatusCode);

        // The authenticator's next code works, once.
        var next = await app.UnusedCodeAsync(person.UserId, key);
        var accepted = await client.PostFormAsync(first.Headers.Location!.OriginalString, [new("Code", next)]);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/profile")).StatusCode);
        Assert.True(await LastStepAsync(app, person.UserId) > step);
        Assert.Equal(HttpStatusCode.Unauthorized, (await ApiLoginAsync(app, person.Email, next)).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task AuthenticatorCode_SentTwiceAtOnce_SignsInOnlyOnce(TestDatabase database)
    {
        var app = fixture.For(database);
        var person = await VolunteerAsync(app);
        var setup = await app.BrowserAsAsync(person.Email, TestPeople.Password);
        var key = await KeyOnPageAsync(setup);
        await EnableAsync(setup, await app.UnusedCodeAsync(person.UserId, key));
        var code = await app.UnusedCodeAsync(person.UserId, key);

        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => ApiLoginAsync(app, person.Email, code)));

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.OK);
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.OK), a => Assert.Equal(HttpStatusCode.Unauthorized, a.StatusCode));
    }

    private static Task<HttpResponseMessage> ApiLoginAsync(AtharAppFactory app, string email, string code) =>
        app.Api().PostAsJsonAsync("/api/v1/auth/login", new { identifier = email, password = TestPeople.Password, twoFactorCode = code });

    private static async Task<long?> LastStepAsync(AtharAppFactory app, Guid userId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AtharUser>>();
        return (await users.FindByIdAsync(userId.ToString()))!.LastAuthenticatorTimeStep;
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task RecoveryCodes_SignInOnceEach(TestDatabase database)
    {
        var app = fixture.For(database);
        var person = await VolunteerAsync(app);
        var setup = await app.BrowserAsAsync(person.Email, TestPeople.Password);
        var page = await (await EnableAsync(setup, await app.UnusedCodeAsync(person.UserId, await KeyOnPageAsync(setup)))).Content.ReadAsStringAsync();
        var codes = RecoveryCodes(page);

        Assert.True(await SignInWithRecoveryCodeAsync(app, person.Email, codes[0]));
        Assert.False(await SignInWithRecoveryCodeAsync(app, person.Email, codes[0]));
        var api = await app.Api().PostAsJsonAsync("/api/v1/auth/login", new { identifier = person.Email, password = TestPeople.Password, twoFactorRecoveryCode = codes[1] });
        var apiAgain = await app.Api().PostAsJsonAsync("/api/v1/auth/login", new { identifier = person.Email, password = TestPeople.Password, twoFactorRecoveryCode = codes[1] });
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, apiAgain.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task PlatformAdmin_WithoutTwoFactor_IsSentToSetItUp_BeforeAnyAdminPage_AndTheApiRefuses(TestDatabase database)
    {
        var app = fixture.For(database);
        var admin = await app.CreatePersonAsync([Roles.PlatformAdmin]);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AtharUser>>();
            await users.SetTwoFactorEnabledAsync((await users.FindByIdAsync(admin.UserId.ToString()))!, false);
        }
        var client = await app.BrowserAsAsync(admin.Email, TestPeople.Password);

        var adminPage = await client.GetAsync("/admin/audit");
        Assert.Equal(HttpStatusCode.Redirect, adminPage.StatusCode);
        Assert.Equal("/profile/two-factor?returnUrl=%2Fadmin%2Faudit", adminPage.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/admin")).StatusCode);
        var setupPage = await client.GetStringAsync("/profile/two-factor");
        Assert.Contains("two-factor-required", setupPage, StringComparison.Ordinal);
        var api = await app.ApiAsAsync(admin.Email, TestPeople.Password);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync("/api/v1/admin/audit/verify")).StatusCode);

        var enabled = await EnableAsync(client, await app.UnusedCodeAsync(admin.UserId, await KeyOnPageAsync(client)));
        Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin/audit")).StatusCode);
        var disable = await client.PostFormAsync("/profile/two-factor?handler=Disable", [], tokenFrom: "/profile/two-factor");
        Assert.Equal(HttpStatusCode.OK, disable.StatusCode);
        Assert.True(await TwoFactorOnAsync(app, admin.UserId));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task DemoAdmin_SignsInWithThePublishedAuthenticatorKey(TestDatabase database)
    {
        var app = fixture.For(database);
        var client = app.Browser();

        var first = await client.PostFormAsync("/account/login", [new("Input.Identifier", "admin@athar.local"), new("Input.Password", TestPeople.DemoPassword)]);
        var adminId = await app.QueryAsync(db => db.Users.Where(u => u.Email == "admin@athar.local").Select(u => u.Id).SingleAsync());
        var second = await client.PostFormAsync(first.Headers.Location!.OriginalString, [new("Code", await app.UnusedCodeAsync(adminId, Data.Seeding.DemoData.AdminAuthenticatorKey))]);

        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin")).StatusCode);
    }

    private static async Task<bool> SignInWithRecoveryCodeAsync(AtharAppFactory app, string email, string code)
    {
        var client = app.Browser();
        var first = await client.PostFormAsync("/account/login", [new("Input.Identifier", email), new("Input.Password", TestPeople.Password)]);
        var second = await client.PostFormAsync(first.Headers.Location!.OriginalString, [new("Code", code)]);
        return second.StatusCode == HttpStatusCode.Redirect && (await client.GetAsync("/profile")).StatusCode == HttpStatusCode.OK;
    }

    private static List<string> RecoveryCodes(string page) =>
        [.. RecoveryCode().Matches(page.Split("id=\"recovery-codes\"")[^1].Split("</ul>")[0]).Select(m => m.Groups[1].Value)];

    [GeneratedRegex("id=\"authenticator-key\">([a-z2-7 ]+)<")]
    private static partial Regex AuthenticatorKey();

    [GeneratedRegex("<li>([A-Za-z0-9-]+)</li>")]
    private static partial Regex RecoveryCode();
}
