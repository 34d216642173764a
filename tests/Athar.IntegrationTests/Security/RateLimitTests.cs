using System.Net;
using System.Net.Http.Json;
using Athar.Core.Accounts;
using Athar.IntegrationTests.Infrastructure;
using Athar.Web.Security;

namespace Athar.IntegrationTests.Security;

/// <summary>
/// Abuse limits with the real limiter, switched on with small windows in an app of its own (the other tests
/// share one client address and run with the limits off). Not database behaviour: SQLite only.
/// </summary>
public sealed class RateLimitTests : IAsyncLifetime
{
    private readonly AtharAppFactory _app = new(TestDatabase.Sqlite, new Dictionary<string, string?>
    {
        ["Athar:RateLimits:Enabled"] = "true",
        ["Athar:RateLimits:SignIn:Permits"] = "3",
        ["Athar:RateLimits:SignIn:WindowSeconds"] = "600",
        ["Athar:RateLimits:Verification:Permits"] = "4",
        ["Athar:RateLimits:Verification:WindowSeconds"] = "600",
        ["Athar:RateLimits:PasswordReset:Permits"] = "2",
        ["Athar:RateLimits:PasswordReset:WindowSeconds"] = "600",
    });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task ApiSignIn_BeyondTheLimit_Answers429ProblemWithRetryAfter_InTheCallersLanguage()
    {
        var client = _app.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("ar");
        for (var i = 0; i < 3; i++)
        {
            var attempt = await client.PostAsJsonAsync("/api/v1/auth/login", new { identifier = "nobody@example.sa", password = "Wrong-pass1" });
            Assert.NotEqual(HttpStatusCode.TooManyRequests, attempt.StatusCode);
        }

        var refused = await client.PostAsJsonAsync("/api/v1/auth/login", new { identifier = "volunteer@athar.local", password = TestPeople.DemoPassword });

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, refused.Headers.ToString());
        var problem = await refused.ReadJsonAsync();
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        Assert.Matches("\\p{IsArabic}", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Verification_AndPasswordReset_AreLimited_ButReadingTheSignInFormIsNot()
    {
        var client = _app.Browser();
        for (var i = 0; i < 10; i++)
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/login")).StatusCode);

        var api = _app.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
            statuses.Add((await api.GetAsync("/api/v1/verify/0000-0000-0000-0000")).StatusCode);
        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses.Take(4));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[4]);

        var resets = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
            resets.Add((await api.PostAsJsonAsync("/api/v1/auth/forgot-password", new { email = "nobody@example.sa" })).StatusCode);
        Assert.Equal([HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.TooManyRequests], resets);

        // The browser gets the error page, in Arabic by default, not a bare status.
        var page = await client.GetAsync("/verify/0000-0000-0000-0000");
        Assert.Equal(HttpStatusCode.TooManyRequests, page.StatusCode);
        Assert.Contains("محاولات كثيرة", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangePassword_IsLimitedPerAccount_NotOnlyPerAddress_SoAnotherAccountOnTheSameAddressStillChanges()
    {
        var logs = new CapturedLogs();
        await using var app = new AtharAppFactory(TestDatabase.Sqlite, new Dictionary<string, string?>
        {
            ["Athar:RateLimits:Enabled"] = "true",
            // The address limit is far away: what refuses below is the account's own limit.
            ["Athar:RateLimits:SignIn:Permits"] = "100",
            ["Athar:RateLimits:SignIn:WindowSeconds"] = "600",
            ["Athar:RateLimits:CurrentPassword:Permits"] = "2",
            ["Athar:RateLimits:CurrentPassword:WindowSeconds"] = "600",
        }, logs);
        var guessed = await app.CreatePersonAsync([Roles.Volunteer]);
        var other = await app.CreatePersonAsync([Roles.Volunteer]);
        var attacker = await app.ApiAsAsync(guessed.Email, TestPeople.Password);
        var owner = await app.ApiAsAsync(other.Email, TestPeople.Password);
        const string NewPassword = "Palm-Orchard-Lantern-Morning-47";
        Task<HttpResponseMessage> GuessAsync(HttpClient client, string current) =>
            client.PostAsJsonAsync("/api/v1/me/password", new { currentPassword = current, newPassword = NewPassword, confirmPassword = NewPassword });

        Assert.Equal(HttpStatusCode.BadRequest, (await GuessAsync(attacker, "Guess-Number-One-1")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await GuessAsync(attacker, "Guess-Number-Two-2")).StatusCode);
        var refused = await GuessAsync(attacker, TestPeople.Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, refused.Headers.ToString());
        Assert.Equal(429, (await refused.ReadJsonAsync()).GetProperty("status").GetInt32());
        var limited = Assert.Single(logs.Events(1041));
        Assert.Equal(RateLimits.CurrentPassword, limited.Values["Limit"]);
        Assert.Equal(guessed.UserId, limited.Values["UserId"]);
        // The refused guess was never checked: the password is unchanged. Another account on the same address is not held.
        Assert.Equal(HttpStatusCode.OK, (await app.Api().PostAsJsonAsync("/api/v1/auth/login", new { identifier = guessed.Email, password = TestPeople.Password })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await GuessAsync(owner, TestPeople.Password)).StatusCode);
    }
}
