using System.Net;
using System.Net.Http.Json;
using Athar.Data.Accounts;
using Athar.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Athar.IntegrationTests.Privacy;

/// <summary>Consent to the privacy notice is recorded with its version, and asked for again when the version changes.</summary>
public sealed class ConsentTests
{
    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task NewNoticeVersion_AsksWhoAcceptedAnOlderOneToAcceptAgain_RecordsItOnce_AndLeavesOthersAlone(TestDatabase database)
    {
        await using var app = new AtharAppFactory(database, new Dictionary<string, string?> { ["Athar:Registration:PrivacyNoticeVersion"] = "2026-2" });
        // Registered under the new version: consent recorded with it, nothing asked again.
        var fresh = await app.RegisterAsync();
        var freshConsent = await app.QueryAsync(db => db.ConsentRecords.SingleAsync(c => c.UserId == fresh.UserId && c.Kind == ConsentKind.PrivacyNotice));
        Assert.Equal(("2026-2", app.Clock.GetUtcNow()), (freshConsent.Version, freshConsent.AcceptedAt));
        Assert.Equal(HttpStatusCode.OK, (await (await app.BrowserAsAsync(fresh.Input.Email!, TestPeople.Password)).GetAsync("/profile")).StatusCode);

        // The demo volunteer accepted 2025-1.
        var volunteer = await app.BrowserAsAsync("volunteer@athar.local", language: "en");
        var asked = await volunteer.GetAsync("/profile");
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        Assert.Equal("/me/consent?returnUrl=%2Fprofile", asked.Headers.Location?.OriginalString);
        Assert.Contains("2026-2", await (await volunteer.GetAsync("/me/consent?returnUrl=%2Fprofile")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("Version 2026-2", await (await app.Browser("en").GetAsync("/legal/privacy")).Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var accepted = await volunteer.PostFormAsync("/me/consent", [new("ReturnUrl", "/profile")], tokenFrom: "/me/consent?returnUrl=%2Fprofile");
        await volunteer.PostFormAsync("/me/consent", [new("ReturnUrl", "/profile")], tokenFrom: "/account/login");

        Assert.Equal("/profile", accepted.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await volunteer.GetAsync("/profile")).StatusCode);
        var versions = await app.QueryAsync(db => db.ConsentRecords
            .Where(c => c.Kind == ConsentKind.PrivacyNotice && db.Users.Any(u => u.Id == c.UserId && u.Email == "volunteer@athar.local"))
            .Select(c => c.Version).ToListAsync());
        Assert.Equal(["2025-1", "2026-2"], versions.Order(StringComparer.Ordinal));

        // An account that never consented (the platform admin, made by the CLI) is not held up.
        Assert.Equal(HttpStatusCode.OK, (await (await app.BrowserAsAsync("admin@athar.local")).GetAsync("/admin")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task NewNoticeVersion_HoldsUpTheApi_WithAConsentProblem_ThatDoesNotClaimTheIdempotencyKey_UntilAcceptedThroughTheApi(TestDatabase database)
    {
        await using var app = new AtharAppFactory(database, new Dictionary<string, string?> { ["Athar:Registration:PrivacyNoticeVersion"] = "2026-2" });
        var volunteer = await app.ApiAsAsync("volunteer@athar.local", language: "en");

        var status = await (await volunteer.GetAsync("/api/v1/me/consent")).ReadJsonAsync();
        Assert.Equal(("2026-2", "2025-1", true), (status.GetProperty("currentVersion").GetString(), status.GetProperty("acceptedVersion").GetString(), status.GetProperty("mustConsent").GetBoolean()));

        // A write with an Idempotency-Key is refused before anything runs, and the refusal is not kept for the key.
        var write = ProfileWrite("ريم المطيري", "consent-retry-1");
        var refused = await volunteer.SendAsync(write());
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var problem = await refused.ReadJsonAsync();
        Assert.Equal(("urn:athar:problem:consent-required", "consent_required", "2026-2"),
            (problem.GetProperty("type").GetString(), problem.GetProperty("code").GetString(), problem.GetProperty("currentVersion").GetString()));
        Assert.Equal("The current privacy notice has not been accepted", problem.GetProperty("title").GetString());
        Assert.Contains("/api/v1/me/consent", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await app.QueryAsync(db => db.IdempotentRequests.CountAsync()));
        Assert.NotEqual("ريم المطيري", await FullNameAsync(app));

        // Reads of personal data are held up as the pages are; the rights and the consent endpoints are not.
        var arabic = await app.ApiAsAsync("volunteer@athar.local", language: "ar");
        var read = await arabic.GetAsync("/api/v1/me");
        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
        Assert.Equal("لم تتم الموافقة على إشعار الخصوصية الحالي", (await read.ReadJsonAsync()).GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.OK, (await volunteer.GetAsync("/api/v1/me/data")).StatusCode);

        // Accepting needs the current version: a missing or stale one records nothing.
        Assert.Equal(HttpStatusCode.BadRequest, (await volunteer.PostAsJsonAsync("/api/v1/me/consent", new { })).StatusCode);
        var stale = await volunteer.PostAsJsonAsync("/api/v1/me/consent", new { version = "2025-1" });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("consent_version_not_current", (await stale.ReadJsonAsync()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await volunteer.GetAsync("/api/v1/me")).StatusCode);

        var accepted = await volunteer.PostAsJsonAsync("/api/v1/me/consent", new { version = "2026-2" });
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var after = await accepted.ReadJsonAsync();
        Assert.Equal(("2026-2", false), (after.GetProperty("acceptedVersion").GetString(), after.GetProperty("mustConsent").GetBoolean()));
        Assert.Equal(app.Clock.GetUtcNow(), after.GetProperty("acceptedAt").GetDateTimeOffset());
        Assert.Equal(HttpStatusCode.OK, (await volunteer.PostAsJsonAsync("/api/v1/me/consent", new { version = "2026-2" })).StatusCode);
        Assert.Equal(1, await app.QueryAsync(db => db.ConsentRecords.CountAsync(c => c.Version == "2026-2" && db.Users.Any(u => u.Id == c.UserId && u.Email == "volunteer@athar.local"))));

        // The retry with the same key now performs the write; a further retry replays it.
        var performed = await volunteer.SendAsync(write());
        Assert.Equal(HttpStatusCode.NoContent, performed.StatusCode);
        Assert.False(performed.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal("ريم المطيري", await FullNameAsync(app));
        var replayed = await volunteer.SendAsync(write());
        Assert.Equal((HttpStatusCode.NoContent, "true"), (replayed.StatusCode, replayed.Headers.GetValues("Idempotent-Replayed").Single()));

        // The page gate reads the same acceptance, and an account that never consented is not held up on the API.
        Assert.Equal(HttpStatusCode.OK, (await (await app.BrowserAsAsync("volunteer@athar.local")).GetAsync("/profile")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await app.ApiAsAsync("admin@athar.local")).GetAsync("/api/v1/admin/licenses")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task PersonWhoOwesConsent_CanStillDownloadTheirDataAndReachDeletion_OnThePages(TestDatabase database)
    {
        await using var app = new AtharAppFactory(database, new Dictionary<string, string?> { ["Athar:Registration:PrivacyNoticeVersion"] = "2026-2" });
        var volunteer = await app.BrowserAsAsync("volunteer@athar.local", language: "en");

        Assert.Equal(HttpStatusCode.Redirect, (await volunteer.GetAsync("/record")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await volunteer.GetAsync("/me/data")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await volunteer.GetAsync("/me/delete")).StatusCode);
    }

    private static Func<HttpRequestMessage> ProfileWrite(string fullNameAr, string key) => () =>
    {
        var request = new HttpRequestMessage(HttpMethod.Put, "/api/v1/me")
        {
            // The mobile on record: changing it would also ask for the password (ASVS 7.5.1), which is not what this test is about.
            Content = JsonContent.Create(new { fullNameAr, mobile = "0550000006", regionId = 2, cityId = 202 }),
        };
        request.Headers.Add("Idempotency-Key", key);
        return request;
    };

    private static Task<string> FullNameAsync(AtharAppFactory app) =>
        app.QueryAsync(db => db.Users.Where(u => u.Email == "volunteer@athar.local").Select(u => u.FullNameAr).SingleAsync());
}
