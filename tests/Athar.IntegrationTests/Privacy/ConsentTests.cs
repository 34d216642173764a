using System.Net;
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
}
