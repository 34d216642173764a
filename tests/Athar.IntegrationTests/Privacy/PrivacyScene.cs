using System.Net;
using System.Net.Http.Json;
using Athar.Core.Accounts;
using Athar.Data.Accounts;
using Athar.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Athar.IntegrationTests.Privacy;

/// <summary>Volunteers registered through the app's own API, so they have passwords, consents and messages like real people.</summary>
public static class PrivacyScene
{
    public sealed record Person(Guid UserId, VolunteerRegistrationInput Input);

    public static async Task<Person> RegisterAsync(this AtharAppFactory app, Action<VolunteerRegistrationInput>? change = null)
    {
        var input = TestPeople.Adult(change);
        var response = await app.Api().PostAsJsonAsync("/api/v1/auth/register", input, HttpHelpers.Json);
        // 202 whether or not the person is new (no account enumeration): the volunteer record proves the registration.
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var id = await app.QueryAsync(db => db.Volunteers.Where(v => v.NationalId == input.NationalId).Select(v => v.UserId).SingleAsync());
        return new Person(id, input);
    }

    public static async Task<HttpStatusCode> LoginStatusAsync(this AtharAppFactory app, string identifier, string password = TestPeople.Password) =>
        (await app.Api().PostAsJsonAsync("/api/v1/auth/login", new { identifier, password })).StatusCode;
}
