using System.Net;
using System.Net.Http.Json;
using Athar.Core.Accounts;
using Athar.Core.Audit;
using Athar.Data.Accounts;
using Athar.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Athar.IntegrationTests.Accounts;

/// <summary>A signed-in person changes their password on /account/password and POST /api/v1/me/password.</summary>
public sealed class ChangePasswordTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private const string NewPassword = "Changed-Pass-2026";

    private static Task<HttpResponseMessage> ChangeOnPageAsync(HttpClient client, string current, string next, string confirmation) =>
        client.PostFormAsync("/account/password", [new("CurrentPassword", current), new("NewPassword", next), new("ConfirmPassword", confirmation)]);

    private static async Task<bool> PasswordIsAsync(AtharAppFactory app, Guid userId, string password)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AtharUser>>();
        return await users.CheckPasswordAsync((await users.FindByIdAsync(userId.ToString()))!, password);
    }

    private static async Task<HttpStatusCode> SignInStatusAsync(AtharAppFactory app, string email, string password) =>
        (await app.Api().PostAsJsonAsync("/api/v1/auth/login", new { identifier = email, password })).StatusCode;

    private static string? ErrorCode(System.Text.Json.JsonElement problem, string field) =>
        problem.GetProperty("errorCodes").GetProperty(field)[0].GetString();

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Page_RefusesAWrongCurrentPassword_AMismatch_AndAWeakPassword_WithFieldErrors_LeavingThePassword(TestDatabase database)
    {
        var app = fixture.For(database);
        var person = await app.CreatePersonAsync([Roles.Volunteer]);
        var client = await app.BrowserAsAsync(person.Email, TestPeople.Password, language: "en");

        var wrongCurrent = await ChangeOnPageAsync(client, "Not-The-Password-1", NewPassword, NewPassword);
        Assert.Equal(HttpStatusCode.OK, wrongCurrent.StatusCode);
        Assert.Contains("The password is not correct.", await wrongCurrent.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var mismatch = await ChangeOnPageAsync(client, TestPeople.Password, NewPassword, NewPassword + "x");
        Assert.Equal(HttpStatusCode.OK, mismatch.StatusCode);
        Assert.Contains("The two new passwords are not the same.", await mismatch.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var weak = await ChangeOnPageAsync(client, TestPeople.Password, "short", "short");
        Assert.Equal(HttpStatusCode.OK, weak.StatusCode);
        Assert.Contains("The password must be at least", await weak.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.True(await PasswordIsAsync(app, person.UserId, TestPeople.Password));
        Assert.False(await app.QueryAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditActions.PasswordChanged && e.PersonId == person.UserId)));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Page_Change_KeepsThisSession_EndsTheOthers_AndOnlyTheNewPasswordSignsIn(TestDatabase database)
    {
        var app = fixture.For(database);
        var person = await app.CreatePersonAsync([Roles.Volunteer]);
        var otherDevice = await app.BrowserAsAsync(person.Email, TestPeople.Password);
        var client = await app.BrowserAsAsync(person.Email, TestPeople.Password);

        var changed = await ChangeOnPageAsync(client, TestPeople.Password, NewPassword, NewPassword);
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal("/profile", changed.Headers.Location?.OriginalString);

        Assert.Equal(HttpStatusCode.Unauthorized, await SignInStatusAsync(app, person.Email, TestPeople.Password));
        Assert.Equal(HttpStatusCode.OK, await SignInStatusAsync(app, person.Email, NewPassword));
        // Cookies are checked against the security stamp every few minutes: past that, only this browser is still in.
        app.Clock.Advance(TimeSpan.FromMinutes(6));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/profile")).StatusCode);
        var other = await otherDevice.GetAsync("/profile");
        Assert.Equal(HttpStatusCode.Redirect, other.StatusCode);
        Assert.Contains("/account/login", other.Headers.Location?.OriginalString, StringComparison.Ordinal);

        Assert.True(await app.QueryAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditActions.PasswordChanged && e.PersonId == person.UserId && e.ActorId == person.UserId)));
        Assert.True(await app.QueryAsync(db => db.OutboxMessages.AnyAsync(m => m.UserId == person.UserId && m.Body.Contains("/account/forgot-password"))));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Api_AnswersFieldProblems_ThenChanges_AndTheEarlierRefreshTokenNoLongerWorks(TestDatabase database)
    {
        var app = fixture.For(database);
        var person = await app.CreatePersonAsync([Roles.Volunteer]);
        var earlier = await app.Api().LoginTokenAsync(person.Email, TestPeople.Password);
        var api = await app.ApiAsAsync(person.Email, TestPeople.Password);

        var wrong = await api.PostAsJsonAsync("/api/v1/me/password", new { currentPassword = "Not-The-Password-1", newPassword = NewPassword, confirmPassword = NewPassword });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal("Identity.PasswordMismatch", ErrorCode(await wrong.ReadJsonAsync(), "currentPassword"));
        var mismatch = await api.PostAsJsonAsync("/api/v1/me/password", new { currentPassword = TestPeople.Password, newPassword = NewPassword, confirmPassword = "other" });
        Assert.Equal("Password.ConfirmMismatch", ErrorCode(await mismatch.ReadJsonAsync(), "confirmPassword"));
        var weak = await api.PostAsJsonAsync("/api/v1/me/password", new { currentPassword = TestPeople.Password, newPassword = "short", confirmPassword = "short" });
        Assert.Equal("Identity.PasswordTooShort", ErrorCode(await weak.ReadJsonAsync(), "newPassword"));
        Assert.True(await PasswordIsAsync(app, person.UserId, TestPeople.Password));

        var changed = await api.PostAsJsonAsync("/api/v1/me/password", new { currentPassword = TestPeople.Password, newPassword = NewPassword, confirmPassword = NewPassword });
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        Assert.True(await PasswordIsAsync(app, person.UserId, NewPassword));
        var refresh = await app.Api().PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = earlier.RefreshToken });
        Assert.Equal(HttpStatusCode.Unauthorized, refresh.StatusCode);
    }

    private static Task<List<Guid>> OpenSessionsAsync(AtharAppFactory app, Guid userId) =>
        app.QueryAsync(db => db.UserSessions.Where(s => s.UserId == userId && s.EndedAt == null).Select(s => s.Id).ToListAsync());

    private static async Task<bool> SignedInAsync(HttpClient browser) =>
        (await browser.GetAsync("/profile")).StatusCode == HttpStatusCode.OK;


    private static async Task<string> ResetCodeAsync(AtharAppFactory app, Guid userId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AtharUser>>();
        return Athar.Web.Features.Account.AccountMessages.Encode(await users.GeneratePasswordResetTokenAsync((await users.FindByIdAsync(userId.ToString()))!));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Page_Change_EndsTheOtherSessionRecords_AtOnce_NotJustAtTheNextStampCheck(TestDatabase database)
    {
        var app = fixture.For(database);
        var person = await app.CreatePersonAsync([Roles.Volunteer]);
        var otherBrowser = await app.BrowserAsAsync(person.Email, TestPeople.Password);
        var token = await app.Api().LoginTokenAsync(person.Email, TestPeople.Password);
        var client = await app.BrowserAsAsync(person.Email, TestPeople.Password);
        Assert.Equal(3, (await OpenSessionsAsync(app, person.UserId)).Count);

        Assert.Equal(HttpStatusCode.Redirect, (await ChangeOnPageAsync(client, TestPeople.Password, NewPassword, NewPassword)).StatusCode);

        // No clock advance: the ended records stop the other cookie and token on this node straight away.
        Assert.False(await SignedInAsync(otherBrowser));
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.ApiWithToken(token.AccessToken).GetAsync("/api/v1/me/sessions")).StatusCode);
        Assert.True(await SignedInAsync(client));
        Assert.Single(await OpenSessionsAsync(app, person.UserId));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Api_Change_KeepsTheCallersSession_AndEndsTheOtherRecords(TestDatabase database)
    {
        var app = fixture.For(database);
        var person = await app.CreatePersonAsync([Roles.Volunteer]);
        var browser = await app.BrowserAsAsync(person.Email, TestPeople.Password);
        var caller = app.ApiWithToken((await app.Api().LoginTokenAsync(person.Email, TestPeople.Password)).AccessToken);

        var changed = await caller.PostAsJsonAsync("/api/v1/me/password", new { currentPassword = TestPeople.Password, newPassword = NewPassword, confirmPassword = NewPassword });
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);

        Assert.False(await SignedInAsync(browser));
        var listed = await caller.GetAsync("/api/v1/me/sessions");
        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        Assert.True(Assert.Single((await listed.ReadJsonAsync()).EnumerateArray()).GetProperty("current").GetBoolean());
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Reset_OnTheApiAndThePage_EndsEverySessionOfTheAccount(TestDatabase database)
    {
        var app = fixture.For(database);
        foreach (var onPage in new[] { false, true })
        {
            var person = await app.CreatePersonAsync([Roles.Volunteer]);
            var browser = await app.BrowserAsAsync(person.Email, TestPeople.Password);
            var token = await app.Api().LoginTokenAsync(person.Email, TestPeople.Password);
            var code = await ResetCodeAsync(app, person.UserId);

            var reset = onPage
                ? await app.Browser("en").PostFormAsync($"/account/reset-password?email={Uri.EscapeDataString(person.Email)}&code={code}", [new("NewPassword", NewPassword)])
                : await app.Api().PostAsJsonAsync("/api/v1/auth/reset-password", new { email = person.Email, code, newPassword = NewPassword });
            Assert.Equal(onPage ? HttpStatusCode.Redirect : HttpStatusCode.NoContent, reset.StatusCode);

            Assert.Empty(await OpenSessionsAsync(app, person.UserId));
            Assert.False(await SignedInAsync(browser));
            Assert.Equal(HttpStatusCode.Unauthorized, (await app.ApiWithToken(token.AccessToken).GetAsync("/api/v1/me/sessions")).StatusCode);
        }
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task RefreshToken_RefusedForAChangedStamp_EndsItsSessionRecord(TestDatabase database)
    {
        var app = fixture.For(database);
        var person = await app.CreatePersonAsync([Roles.Volunteer]);
        var token = await app.Api().LoginTokenAsync(person.Email, TestPeople.Password);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AtharUser>>();
            await users.UpdateSecurityStampAsync((await users.FindByIdAsync(person.UserId.ToString()))!);
        }
        Assert.Single(await OpenSessionsAsync(app, person.UserId));

        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Api().PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = token.RefreshToken })).StatusCode);

        Assert.Empty(await OpenSessionsAsync(app, person.UserId));
    }
}
