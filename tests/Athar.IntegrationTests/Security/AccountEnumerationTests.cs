using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Athar.Core.Accounts;
using Athar.IntegrationTests.Infrastructure;

namespace Athar.IntegrationTests.Security;

/// <summary>
/// Registration, sign-in and password reset answer a registered national ID or e-mail exactly as they answer an
/// unknown one: same status, same body, same page (less the per-request antiforgery token), same redirect.
/// Timing is equalised in code (a password hash on every path) and not asserted here: no timed assertions.
/// </summary>
public sealed partial class AccountEnumerationTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private const string Registered = "volunteer@athar.local";

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task RegistrationApi_AnswersARegisteredNationalIdOrEmail_AsANewPerson(TestDatabase database)
    {
        var app = fixture.For(database);
        var registeredId = await NationalIdOfAsync(app, Registered);

        var fresh = await app.Api("en").PostAsJsonAsync("/api/v1/auth/register", TestPeople.Adult(), HttpHelpers.Json);
        var takenId = await app.Api("en").PostAsJsonAsync("/api/v1/auth/register", TestPeople.Adult(i => i.NationalId = registeredId), HttpHelpers.Json);
        var takenEmail = await app.Api("en").PostAsJsonAsync("/api/v1/auth/register", TestPeople.Adult(i => i.Email = Registered), HttpHelpers.Json);

        var expected = await fresh.Content.ReadAsStringAsync();
        foreach (var response in new[] { takenId, takenEmail })
        {
            Assert.Equal(fresh.StatusCode, response.StatusCode);
            Assert.Equal(expected, await response.Content.ReadAsStringAsync());
        }
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task RegistrationForm_ShowsTheSameRedirectAndMessage_ForANewAndARegisteredPerson(TestDatabase database)
    {
        var app = fixture.For(database);
        var registeredId = await NationalIdOfAsync(app, Registered);

        var fresh = await RegisterByFormAsync(app, TestPeople.Adult());
        var taken = await RegisterByFormAsync(app, TestPeople.Adult(i => i.NationalId = registeredId));

        Assert.Equal(fresh.Status, taken.Status);
        Assert.Equal(fresh.Location, taken.Location);
        Assert.Equal(fresh.NextPage, taken.NextPage);
        Assert.Contains("sign in with the password you chose", fresh.NextPage, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task SignIn_WrongPassword_UnknownAccount_AndLockedAccount_GetTheSameAnswer(TestDatabase database)
    {
        var app = fixture.For(database);
        var locked = TestPeople.Adult();
        Assert.Equal(HttpStatusCode.Accepted, (await app.Api().PostAsJsonAsync("/api/v1/auth/register", locked, HttpHelpers.Json)).StatusCode);
        for (var i = 0; i < 5; i++)
            await app.Api().PostAsJsonAsync("/api/v1/auth/login", new { identifier = locked.Email, password = "Wrong-Password-1" });

        var wrong = await SignInPageAsync(app, Registered, "Wrong-Password-1");
        var unknown = await SignInPageAsync(app, "nobody@test.athar", "Wrong-Password-1");
        var lockedOut = await SignInPageAsync(app, locked.Email!, TestPeople.Password);
        var unknownId = await SignInPageAsync(app, TestPeople.NewNationalId(), "Wrong-Password-1");

        Assert.Equal(wrong, unknown);
        Assert.Equal(wrong, lockedOut);
        Assert.Equal(wrong, unknownId);
        var apiWrong = await app.Api().PostAsJsonAsync("/api/v1/auth/login", new { identifier = Registered, password = "Wrong-Password-1" });
        var apiLocked = await app.Api().PostAsJsonAsync("/api/v1/auth/login", new { identifier = locked.Email, password = TestPeople.Password });
        Assert.Equal(apiWrong.StatusCode, apiLocked.StatusCode);
        Assert.Equal(Untraced(await apiWrong.Content.ReadAsStringAsync()), Untraced(await apiLocked.Content.ReadAsStringAsync()));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task PasswordReset_AnswersARegisteredAndAnUnknownEmailAlike(TestDatabase database)
    {
        var app = fixture.For(database);

        var known = await ForgotPageAsync(app, Registered);
        var unknown = await ForgotPageAsync(app, "nobody@test.athar");
        var apiKnown = await app.Api().PostAsJsonAsync("/api/v1/auth/forgot-password", new { email = Registered });
        var apiUnknown = await app.Api().PostAsJsonAsync("/api/v1/auth/forgot-password", new { email = "nobody@test.athar" });

        Assert.Equal(known, unknown);
        Assert.Equal(apiKnown.StatusCode, apiUnknown.StatusCode);
        Assert.Equal(await apiKnown.Content.ReadAsStringAsync(), await apiUnknown.Content.ReadAsStringAsync());
    }

    private static Task<string> NationalIdOfAsync(AtharAppFactory app, string email) =>
        app.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            db.Volunteers.Where(v => v.User.Email == email).Select(v => v.NationalId)));

    private static async Task<(HttpStatusCode Status, string? Location, string NextPage)> RegisterByFormAsync(AtharAppFactory app, VolunteerRegistrationInput input)
    {
        var client = app.Browser("en");
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Input.FullNameAr", input.FullNameAr!), new("Input.FullNameEn", input.FullNameEn!), new("Input.NationalId", input.NationalId!),
            new("Input.Mobile", input.Mobile!), new("Input.Email", input.Email!), new("Input.Password", input.Password!),
            new("Input.Gender", input.Gender!.Value.ToString()), new("Input.BirthDate", "1998-05-17"), new("Input.RegionId", "1"), new("Input.CityId", "101"),
            new("Input.FieldIds", "1"), new("Input.AcceptEthicsCharter", "true"), new("Input.AcceptPrivacyNotice", "true"),
        };
        var response = await client.PostFormAsync("/account/register", fields);
        var location = response.Headers.Location?.OriginalString;
        var next = location is null ? string.Empty : Comparable(await client.GetStringAsync(location));
        return (response.StatusCode, location, next);
    }

    private static async Task<string> SignInPageAsync(AtharAppFactory app, string identifier, string password)
    {
        var response = await app.Browser("en").PostFormAsync("/account/login", [new("Input.Identifier", identifier), new("Input.Password", password)]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // The page echoes the typed identifier back into its field; that is the caller's own input, not a leak.
        return Comparable(await response.Content.ReadAsStringAsync()).Replace(WebUtility.HtmlEncode(identifier), "«identifier»", StringComparison.Ordinal);
    }

    private static async Task<string> ForgotPageAsync(AtharAppFactory app, string email)
    {
        var response = await app.Browser("en").PostFormAsync("/account/forgot-password", [new("Email", email)]);
        return $"{(int)response.StatusCode} " + Comparable(await response.Content.ReadAsStringAsync()).Replace(email, "«email»", StringComparison.Ordinal);
    }

    /// <summary>A page without what differs on every request anyway (antiforgery tokens).</summary>
    private static string Comparable(string html) => AntiforgeryValue().Replace(html, "«token»");

    private static string Untraced(string json) => TraceId().Replace(json, "«trace»");

    [GeneratedRegex("value=\"CfDJ8[^\"]+\"")]
    private static partial Regex AntiforgeryValue();

    [GeneratedRegex("\"traceId\":\"[^\"]+\"")]
    private static partial Regex TraceId();
}
