using System.Net;
using System.Net.Http.Json;
using Athar.Core.Accounts;
using Athar.Data.Accounts;
using Athar.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Athar.IntegrationTests.Accounts;

public sealed class RegistrationApiTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Register_WithValidInput_CreatesVolunteer_WhoSeesTheirFullNationalId(TestDatabase database)
    {
        var app = fixture.For(database);
        var input = TestPeople.Adult(i => i.Mobile = "٠٥٥١٢٣٤٥٦٧");

        var response = await app.Api().PostAsJsonAsync("/api/v1/auth/register", input, HttpHelpers.Json);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var client = await app.ApiAsAsync(input.Email!, TestPeople.Password);
        var me = await (await client.GetAsync("/api/v1/me")).ReadJsonAsync();
        Assert.Equal(input.NationalId, me.GetProperty("nationalId").GetString());
        Assert.Equal("+966551234567", me.GetProperty("mobile").GetString());
        Assert.Contains("Volunteer", me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));

        var saved = await app.QueryAsync(db => db.Volunteers.Include(v => v.Fields).SingleAsync(v => v.NationalId == input.NationalId));
        Assert.Equal([1, 3], saved.Fields.Select(f => f.FieldId).Order());
        var consents = await app.QueryAsync(db => db.ConsentRecords.Where(c => c.UserId == saved.UserId).ToListAsync());
        Assert.Contains(consents, c => c.Kind == ConsentKind.EthicsCharter && c.Version == "2025-1");
        Assert.Contains(consents, c => c.Kind == ConsentKind.PrivacyNotice && c.Version == "2025-1");
        var email = await app.QueryAsync(db => db.OutboxMessages.SingleAsync(m => m.Recipient == input.Email));
        Assert.Contains("/account/confirm-email?userId=", email.Body, StringComparison.Ordinal);
    }

    public static TheoryData<TestDatabase, string, Action<VolunteerRegistrationInput>, string, string> BadInputs()
    {
        var data = new TheoryData<TestDatabase, string, Action<VolunteerRegistrationInput>, string, string>();
        var cases = new (string Name, Action<VolunteerRegistrationInput> Change, string Field, string Code)[]
        {
            ("bad check digit", i => i.NationalId = TestPeople.WithBadCheckDigit(i.NationalId!), "nationalId", "NationalId.BadCheckDigit"),
            ("nine digits", i => i.NationalId = i.NationalId![..9], "nationalId", "NationalId.NotTenDigits"),
            ("prefix 3", i => i.NationalId = "3" + i.NationalId![1..], "nationalId", "NationalId.BadPrefix"),
            ("landline", i => i.Mobile = "0114567890", "mobile", "Mobile.Invalid"),
            ("under age", i => i.BirthDate = new DateOnly(2016, 1, 1), "birthDate", "BirthDate.TooYoung"),
            ("future birth", i => i.BirthDate = new DateOnly(2030, 1, 1), "birthDate", "BirthDate.Invalid"),
            ("unknown region", i => i.RegionId = 99, "regionId", "Region.Unknown"),
            ("city of another region", i => i.CityId = 202, "cityId", "City.NotInRegion"),
            ("unknown city", i => i.CityId = 99999, "cityId", "City.Unknown"),
            ("script in name", i => i.FullNameAr = "<script>alert(1)</script>", "fullNameAr", "Name.Invalid"),
            ("over-long name", i => i.FullNameAr = new string('ن', 101), "fullNameAr", "Text.TooLong"),
            ("markup in skills", i => i.Skills = "<img src=x onerror=alert(1)>", "skills", "Text.Unsafe"),
            ("rtl override", i => i.Profession = "ممرض\u202Egnp.exe", "profession", "Text.Unsafe"),
            ("no charter", i => i.AcceptEthicsCharter = false, "acceptEthicsCharter", "Consent.EthicsRequired"),
            ("common password", i => i.Password = "password", "password", "Identity.PasswordGuessable"),
            ("bad email", i => i.Email = "not-an-email", "email", "Email.Invalid"),
            ("minor without guardian", i => i.BirthDate = new DateOnly(2011, 6, 1), "guardianNationalId", "Guardian.NationalIdMissing"),
        };
        foreach (var database in new[] { TestDatabase.Sqlite, TestDatabase.Postgres })
        {
            foreach (var c in cases)
                data.Add(database, c.Name, c.Change, c.Field, c.Code);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task Register_WithBadInput_Answers400FieldError_AndSavesNothing(TestDatabase database, string because, Action<VolunteerRegistrationInput> change, string field, string code)
    {
        var app = fixture.For(database);
        var input = TestPeople.Adult(change);

        var response = await app.Api().PostAsJsonAsync("/api/v1/auth/register", input, HttpHelpers.Json);

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, because);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.ReadJsonAsync();
        Assert.Equal("validation", problem.GetProperty("code").GetString());
        Assert.Contains(code, problem.GetProperty("errorCodes").GetProperty(field).EnumerateArray().Select(e => e.GetString()));
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("errors").GetProperty(field)[0].GetString()));
        Assert.True(problem.TryGetProperty("traceId", out _));
        Assert.False(await app.QueryAsync(db => db.Users.AnyAsync(u => u.Email == input.Email)));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Register_WithARegisteredNationalId_AnswersAsANewRegistration_CreatesNothing_AndTellsTheOwner(TestDatabase database)
    {
        var app = fixture.For(database);
        var first = TestPeople.Adult();
        var firstResponse = await app.Api("en").PostAsJsonAsync("/api/v1/auth/register", first, HttpHelpers.Json);
        var second = TestPeople.Adult(i => i.NationalId = first.NationalId);

        var response = await app.Api("en").PostAsJsonAsync("/api/v1/auth/register", second, HttpHelpers.Json);

        Assert.Equal(HttpStatusCode.Accepted, firstResponse.StatusCode);
        Assert.Equal(firstResponse.StatusCode, response.StatusCode);
        Assert.Equal(await firstResponse.Content.ReadAsStringAsync(), await response.Content.ReadAsStringAsync());
        Assert.False(await app.QueryAsync(db => db.Users.AnyAsync(u => u.Email == second.Email)));
        Assert.Equal(1, await app.QueryAsync(db => db.Volunteers.CountAsync(v => v.NationalId == first.NationalId)));
        var toOwner = await app.QueryAsync(db => db.OutboxMessages.Where(m => m.Recipient == first.Email).Select(m => m.Subject).ToListAsync());
        Assert.Contains("Someone tried to register on Athar with your details", toOwner);
        Assert.False(await app.QueryAsync(db => db.OutboxMessages.AnyAsync(m => m.Recipient == second.Email)));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Register_ConcurrentlyWithOneNationalId_CreatesExactlyOneAccount(TestDatabase database)
    {
        var app = fixture.For(database);
        var nationalId = TestPeople.NewNationalId();
        var attempts = Enumerable.Range(0, 8).Select(_ => TestPeople.Adult(i => i.NationalId = nationalId)).ToList();

        var responses = await Task.WhenAll(attempts.Select(a => app.Api().PostAsJsonAsync("/api/v1/auth/register", a, HttpHelpers.Json)));

        // Every attempt gets the neutral answer; the unique index lets exactly one account in.
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Accepted, r.StatusCode));
        Assert.Equal(1, await app.QueryAsync(db => db.Volunteers.CountAsync(v => v.NationalId == nationalId)));
        var emails = attempts.Select(a => a.Email).ToList();
        Assert.Equal(1, await app.QueryAsync(db => db.Users.CountAsync(u => emails.Contains(u.Email))));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Register_ErrorsAreInArabicByDefault_AndInEnglishWhenAsked(TestDatabase database)
    {
        var app = fixture.For(database);
        var input = TestPeople.Adult(i => i.Mobile = "123");

        var arabic = await (await app.Api("ar").PostAsJsonAsync("/api/v1/auth/register", input, HttpHelpers.Json)).ReadJsonAsync();
        var english = await (await app.Api("en").PostAsJsonAsync("/api/v1/auth/register", input, HttpHelpers.Json)).ReadJsonAsync();

        Assert.Equal("أدخل رقم جوال سعودياً مثل 05XXXXXXXX.", arabic.GetProperty("errors").GetProperty("mobile")[0].GetString());
        Assert.Equal("Enter a Saudi mobile number such as 05XXXXXXXX.", english.GetProperty("errors").GetProperty("mobile")[0].GetString());
        Assert.Equal("بعض الحقول غير صالحة.", arabic.GetProperty("title").GetString());
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Register_WithMalformedJson_Answers400ProblemDetails(TestDatabase database)
    {
        var app = fixture.For(database);
        var bodies = new[] { "{", "[]", "{\"gender\":\"robot\"}", "{\"birthDate\":\"yesterday\"}", "{\"regionId\":\"x\"}", "{\"fieldIds\":null}" };
        foreach (var body in bodies)
        {
            var response = await app.Api().PostAsync("/api/v1/auth/register", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }
}
