using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Athar.Core.Accounts;
using Athar.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Athar.IntegrationTests.Accounts;

/// <summary>
/// A person sees where they are signed in (/account/sessions, GET /api/v1/me/sessions) and ends a session
/// (the page, DELETE /api/v1/me/sessions/{id}); sessions also end at sign-out and after their absolute lifetime.
/// The apps here have the real lifetimes (12 h for a browser, 30 days for an API sign-in), not the long test ones,
/// and at most three parallel sessions per account.
/// </summary>
public sealed partial class SessionsTests(SessionsTests.LifetimeFixture fixture) : IClassFixture<SessionsTests.LifetimeFixture>
{
    private const string Firefox = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:140.0) Gecko/20100101 Firefox/140.0";
    private const string Safari = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1";

    public sealed class LifetimeFixture : IAsyncLifetime
    {
        private readonly ConcurrentDictionary<TestDatabase, Lazy<AtharAppFactory>> _apps = new();

        public AtharAppFactory For(TestDatabase database)
        {
            var app = _apps.GetOrAdd(database, d => new Lazy<AtharAppFactory>(() => new AtharAppFactory(d, new Dictionary<string, string?>
            {
                ["Athar:Sessions:BrowserLifetime"] = "12:00:00",
                ["Athar:Sessions:ApiLifetime"] = "30.00:00:00",
                // Three rather than the default ten, so the limit test needs few sign-ins; the other tests stay within it.
                ["Athar:Sessions:MaxPerAccount"] = "3",
            }))).Value;
            _ = app.Server;
            return app;
        }

        public Task InitializeAsync() => Task.CompletedTask;

        public async Task DisposeAsync()
        {
            foreach (var app in _apps.Values.Where(a => a.IsValueCreated))
                await app.Value.DisposeAsync();
        }
    }

    private static async Task<HttpClient> SignedInBrowserAsync(AtharAppFactory app, string email, string userAgent)
    {
        var client = app.Browser("en");
        client.DefaultRequestHeaders.UserAgent.ParseAdd(userAgent);
        var signIn = await client.PostFormAsync("/account/login", [new("Input.Identifier", email), new("Input.Password", TestPeople.Password)]);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        return client;
    }

    private static async Task<bool> IsSignedInAsync(HttpClient browser)
    {
        var response = await browser.GetAsync("/profile");
        if (response.StatusCode == HttpStatusCode.OK)
            return true;
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/login", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
        return false;
    }


    [GeneratedRegex("data-session=\"([0-9a-f-]{36})\" data-current=\"(true|false)\"")]
    private static partial Regex ListedSession();

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task TwoBrowsers_BothListed_ThisOneMarked_EndingTheOther_SignsItOut_WhileThisOneContinues(TestDatabase database)
    {
        var app = fixture.For(database);
        var person = await app.CreatePersonAsync([Roles.Volunteer]);
        var phone = await SignedInBrowserAsync(app, person.Email, Safari);
        var laptop = await SignedInBrowserAsync(app, person.Email, Firefox);

        var page = await laptop.GetStringAsync("/account/sessions");
        var listed = ListedSession().Matches(page).Select(m => (Id: Guid.Parse(m.Groups[1].Value), Current: m.Groups[2].Value == "true")).ToList();
        Assert.Equal(2, listed.Count);
        Assert.Single(listed, s => s.Current);
        Assert.Contains("Firefox · Windows", page, StringComparison.Ordinal);
        Assert.Contains("Safari · iOS", page, StringComparison.Ordinal);
        Assert.Contains("This device", page, StringComparison.Ordinal);
        var phoneSession = listed.Single(s => !s.Current).Id;

        var ended = await laptop.PostFormAsync($"/account/sessions?handler=End&id={phoneSession}", [], tokenFrom: "/account/sessions");
        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);

        // On the node that ended it, at once; other nodes re-read a session within SessionLimits.RecheckInterval (1 minute).
        Assert.False(await IsSignedInAsync(phone));
        Assert.True(await IsSignedInAsync(laptop));
        app.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.False(await IsSignedInAsync(phone));
        Assert.True(await IsSignedInAsync(laptop));
        var after = ListedSession().Matches(await laptop.GetStringAsync("/account/sessions"));
        Assert.Equal("true", Assert.Single(after).Groups[2].Value);
        Assert.NotNull(await app.QueryAsync(db => db.UserSessions.Where(s => s.Id == phoneSession).Select(s => s.EndedAt).SingleAsync()));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task EndAllOthers_KeepsOnlyThisBrowser_AndEndsApiTokensToo(TestDatabase database)
    {
        var app = fixture.For(database);
        var person = await app.CreatePersonAsync([Roles.Volunteer]);
        var other = await SignedInBrowserAsync(app, person.Email, Safari);
        var token = await app.Api().LoginTokenAsync(person.Email, TestPeople.Password);
        var laptop = await SignedInBrowserAsync(app, person.Email, Firefox);

        var ended = await laptop.PostFormAsync("/account/sessions?handler=EndOthers", [], tokenFrom: "/account/sessions");
        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);

        Assert.True(await IsSignedInAsync(laptop));
        Assert.False(await IsSignedInAsync(other));
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.ApiWithToken(token.AccessToken).GetAsync("/api/v1/me/sessions")).StatusCode);
        Assert.Contains("You are not signed in anywhere else.", await laptop.GetStringAsync("/account/sessions"), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task BrowserSession_PastItsAbsoluteLifetime_IsSignedOut_EvenWhileActive(TestDatabase database)
    {
        var app = fixture.For(database);
        var person = await app.CreatePersonAsync([Roles.Volunteer]);
        var browser = await SignedInBrowserAsync(app, person.Email, Firefox);

        // Active all along: a request every two hours keeps the sliding cookie fresh, but not past 12 hours.
        for (var hour = 2; hour <= 10; hour += 2)
        {
            app.Clock.Advance(TimeSpan.FromHours(2));
            Assert.True(await IsSignedInAsync(browser), $"signed out after {hour} h");
        }
        app.Clock.Advance(TimeSpan.FromHours(2));
        Assert.False(await IsSignedInAsync(browser));
        Assert.False(await app.QueryAsync(db => db.UserSessions.AnyAsync(s => s.UserId == person.UserId && s.EndedAt == null)));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task ApiSession_Ended_RefusesItsAccessTokenWithAProblem_AndItsRefreshToken(TestDatabase database)
    {
        var app = fixture.For(database);
        var person = await app.CreatePersonAsync([Roles.Volunteer]);
        var token = await app.Api().LoginTokenAsync(person.Email, TestPeople.Password);
        var api = app.ApiWithToken(token.AccessToken);

        var listed = await api.GetAsync("/api/v1/me/sessions");
        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        var current = Assert.Single((await listed.ReadJsonAsync()).EnumerateArray());
        Assert.True(current.GetProperty("current").GetBoolean());
        Assert.Equal("api", current.GetProperty("kind").GetString());
        var id = current.GetProperty("id").GetGuid();
        // The refresh token works while the session is open, and the new access token keeps the same session.
        var refreshed = await app.Api().PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = token.RefreshToken });
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        var next = (await refreshed.Content.ReadFromJsonAsync<HttpHelpers.TokenResponse>(HttpHelpers.Json))!;
        var sameSession = Assert.Single((await (await app.ApiWithToken(next.AccessToken).GetAsync("/api/v1/me/sessions")).ReadJsonAsync()).EnumerateArray());
        Assert.Equal(id, sameSession.GetProperty("id").GetGuid());

        Assert.Equal(HttpStatusCode.NoContent, (await api.DeleteAsync($"/api/v1/me/sessions/{id}")).StatusCode);

        foreach (var access in new[] { token.AccessToken, next.AccessToken })
        {
            var refused = await app.ApiWithToken(access).GetAsync("/api/v1/me/sessions");
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        }
        foreach (var refresh in new[] { token.RefreshToken, next.RefreshToken })
            Assert.Equal(HttpStatusCode.Unauthorized, (await app.Api().PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = refresh })).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task ApiSession_PastItsAbsoluteLifetime_RefusesRefresh_HoweverOftenRefreshed(TestDatabase database)
    {
        var app = fixture.For(database);
        var person = await app.CreatePersonAsync([Roles.Volunteer]);
        var token = await app.Api().LoginTokenAsync(person.Email, TestPeople.Password);

        // Refreshed every ten days (inside the 14-day refresh window): the chain still ends 30 days after sign-in.
        for (var day = 10; day <= 20; day += 10)
        {
            app.Clock.Advance(TimeSpan.FromDays(10));
            var refreshed = await app.Api().PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = token.RefreshToken });
            Assert.True(refreshed.StatusCode == HttpStatusCode.OK, $"refresh refused on day {day}");
            token = (await refreshed.Content.ReadFromJsonAsync<HttpHelpers.TokenResponse>(HttpHelpers.Json))!;
        }
        app.Clock.Advance(TimeSpan.FromDays(10));
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Api().PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = token.RefreshToken })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.ApiWithToken(token.AccessToken).GetAsync("/api/v1/me/sessions")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task AnotherPersonsSession_AnswersNotFound_OnTheApiAndThePage_AndStaysOpen(TestDatabase database)
    {
        var app = fixture.For(database);
        var owner = await app.CreatePersonAsync([Roles.Volunteer]);
        var stranger = await app.CreatePersonAsync([Roles.Volunteer]);
        var ownerToken = await app.Api().LoginTokenAsync(owner.Email, TestPeople.Password);
        var ownerApi = app.ApiWithToken(ownerToken.AccessToken);
        var ownerSession = (await (await ownerApi.GetAsync("/api/v1/me/sessions")).ReadJsonAsync())[0].GetProperty("id").GetGuid();

        var strangerApi = await app.ApiAsAsync(stranger.Email, TestPeople.Password);
        Assert.Equal(HttpStatusCode.NotFound, (await strangerApi.DeleteAsync($"/api/v1/me/sessions/{ownerSession}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await strangerApi.DeleteAsync($"/api/v1/me/sessions/{Guid.NewGuid()}")).StatusCode);
        var strangerBrowser = await SignedInBrowserAsync(app, stranger.Email, Firefox);
        var page = await strangerBrowser.PostFormAsync($"/account/sessions?handler=End&id={ownerSession}", [], tokenFrom: "/account/sessions");
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.DoesNotContain(ownerSession.ToString(), await strangerBrowser.GetStringAsync("/account/sessions"), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await ownerApi.GetAsync("/api/v1/me/sessions")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task SigningOut_EndsTheSessionRecord(TestDatabase database)
    {
        var app = fixture.For(database);
        var person = await app.CreatePersonAsync([Roles.Volunteer]);
        var browser = await SignedInBrowserAsync(app, person.Email, Firefox);
        Assert.True(await app.QueryAsync(db => db.UserSessions.AnyAsync(s => s.UserId == person.UserId && s.EndedAt == null)));

        var signedOut = await browser.PostFormAsync("/account/logout", [], tokenFrom: "/profile");
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);

        Assert.False(await app.QueryAsync(db => db.UserSessions.AnyAsync(s => s.UserId == person.UserId && s.EndedAt == null)));
        Assert.False(await IsSignedInAsync(browser));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task SignInBeyondTheLimit_EndsTheLeastRecentlyUsedSession_OnThePageAndTheApi(TestDatabase database)
    {
        var app = fixture.For(database);
        var person = await app.CreatePersonAsync([Roles.Volunteer]);
        var first = await SignedInBrowserAsync(app, person.Email, Firefox);
        app.Clock.Advance(TimeSpan.FromMinutes(10));
        var token = await app.Api().LoginTokenAsync(person.Email, TestPeople.Password);
        app.Clock.Advance(TimeSpan.FromMinutes(10));
        var third = await SignedInBrowserAsync(app, person.Email, Safari);
        app.Clock.Advance(TimeSpan.FromMinutes(10));
        // The oldest sign-in is used again, so the API session is now the least recently used.
        Assert.True(await IsSignedInAsync(first));

        var fourth = await SignedInBrowserAsync(app, person.Email, Firefox);

        // The page sign-in ended the API session at once; the browsers stay.
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.ApiWithToken(token.AccessToken).GetAsync("/api/v1/me/sessions")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Api().PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = token.RefreshToken })).StatusCode);
        Assert.True(await IsSignedInAsync(first));
        Assert.True(await IsSignedInAsync(third));
        Assert.True(await IsSignedInAsync(fourth));

        app.Clock.Advance(TimeSpan.FromMinutes(10));
        Assert.True(await IsSignedInAsync(first));
        Assert.True(await IsSignedInAsync(fourth));
        // An API sign-in past the limit ends the browser seen least recently (the third).
        var api = app.ApiWithToken((await app.Api().LoginTokenAsync(person.Email, TestPeople.Password)).AccessToken);

        Assert.False(await IsSignedInAsync(third));
        Assert.True(await IsSignedInAsync(first));
        Assert.True(await IsSignedInAsync(fourth));
        Assert.Equal(3, (await (await api.GetAsync("/api/v1/me/sessions")).ReadJsonAsync()).GetArrayLength());
        Assert.Equal(3, await app.QueryAsync(db => db.UserSessions.CountAsync(s => s.UserId == person.UserId && s.EndedAt == null)));
    }
}
