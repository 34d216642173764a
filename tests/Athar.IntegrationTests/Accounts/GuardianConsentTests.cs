using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Athar.Data.Messaging;
using Athar.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Athar.IntegrationTests.Accounts;

public sealed partial class GuardianConsentTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static async Task<(Core.Accounts.VolunteerRegistrationInput Input, string Sms)> RegisterMinorAsync(AtharAppFactory app)
    {
        var input = TestPeople.Minor(app.Clock.GetUtcNow());
        var response = await app.Api().PostAsJsonAsync("/api/v1/auth/register", input, HttpHelpers.Json);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.True((await response.ReadJsonAsync()).GetProperty("guardianConsentRequired").GetBoolean());
        var sms = await app.QueryAsync(db => db.OutboxMessages.Where(m => m.Channel == MessageChannel.Sms && m.Recipient == "+966559876543").OrderByDescending(m => m.Id).Select(m => m.Body).FirstAsync());
        return (input, sms);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Minor_IsBlockedUntilTheGuardianOpensTheLink(TestDatabase database)
    {
        var app = fixture.For(database);
        var (input, sms) = await RegisterMinorAsync(app);
        Assert.False(await app.QueryAsync(db => db.Volunteers.Where(v => v.NationalId == input.NationalId).Select(v => v.GuardianConsentConfirmedAt != null).SingleAsync()));
        var token = TokenInSms().Match(sms).Groups[1].Value;

        var page = await app.Browser().GetStringAsync($"/guardian/confirm?token={token}");
        Assert.Contains("ريم", page, StringComparison.Ordinal);
        Assert.DoesNotContain(input.NationalId!, page, StringComparison.Ordinal);
        var response = await app.Api().PostAsJsonAsync("/api/v1/guardian-consent", new { token });

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.True(await app.QueryAsync(db => db.Volunteers.Where(v => v.NationalId == input.NationalId).Select(v => v.GuardianConsentConfirmedAt != null).SingleAsync()));
        var client = await app.ApiAsAsync(input.Email!, TestPeople.Password);
        Assert.True((await (await client.GetAsync("/api/v1/me")).ReadJsonAsync()).GetProperty("guardianConsentConfirmed").GetBoolean());
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Minor_EntersTheGuardianCode_AfterWrongCodesAreCountedAndRefused(TestDatabase database)
    {
        var app = fixture.For(database);
        var (input, sms) = await RegisterMinorAsync(app);
        var code = CodeInSms().Match(sms).Groups[1].Value;
        var client = await app.ApiAsAsync(input.Email!, TestPeople.Password);
        var wrongCode = code == "000000" ? "111111" : "000000";

        var wrong = await client.PostAsJsonAsync("/api/v1/me/guardian-code", new { code = wrongCode });
        var right = await client.PostAsJsonAsync("/api/v1/me/guardian-code", new { code });

        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal("guardian-code-wrong", (await wrong.ReadJsonAsync()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.NoContent, right.StatusCode);
        Assert.True(await app.QueryAsync(db => db.Volunteers.Where(v => v.NationalId == input.NationalId).Select(v => v.GuardianConsentConfirmedAt != null).SingleAsync()));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task GuardianLink_AfterItExpires_IsRefused(TestDatabase database)
    {
        var app = fixture.For(database);
        var (_, sms) = await RegisterMinorAsync(app);
        var token = TokenInSms().Match(sms).Groups[1].Value;
        app.Clock.Advance(TimeSpan.FromDays(8));

        var response = await app.Api().PostAsJsonAsync("/api/v1/guardian-consent", new { token });
        var forged = await app.Api().PostAsJsonAsync("/api/v1/guardian-consent", new { token = "forged" });

        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        Assert.Equal("guardian-link-expired", (await response.ReadJsonAsync()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
    }

    [GeneratedRegex("token=([A-Za-z0-9_-]+)")]
    private static partial Regex TokenInSms();

    [GeneratedRegex(@"(\d{6})")]
    private static partial Regex CodeInSms();
}
