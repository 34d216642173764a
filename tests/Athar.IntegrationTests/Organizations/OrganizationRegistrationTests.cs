using System.Net;
using System.Net.Http.Json;
using Athar.Core.Accounts;
using Athar.Core.Organizations;
using Athar.Data.Organizations;
using Athar.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Athar.IntegrationTests.Organizations;

public sealed class OrganizationRegistrationTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Register_ByApi_StartsPending_AndMakesTheCallerItsFirstAdmin(TestDatabase database)
    {
        var app = fixture.For(database);
        var person = await app.CreateVolunteerAsync();
        var client = await app.ApiAsAsync(person.Email, TestPeople.Password);
        var body = OrganizationTestData.Registration(b => b["registrationNumber"] = " ٤٠٣٠ ١٢٣٤٥٦" + OrganizationTestData.NewRegistrationNumber()[^3..]);

        var response = await client.PostAsJsonAsync("/api/v1/organizations", body, HttpHelpers.Json);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.ReadJsonAsync();
        Assert.Equal("pending", created.GetProperty("status").GetString());
        var id = created.GetProperty("id").GetGuid();
        Assert.Equal($"/api/v1/organizations/{id}/details", response.Headers.Location?.OriginalString);

        var saved = await app.QueryAsync(db => db.Organizations.Include(o => o.Fields).Include(o => o.Members).SingleAsync(o => o.Id == id));
        Assert.Equal(OrganizationStatus.Pending, saved.Status);
        Assert.Equal("جمعية البر بجدة", saved.Name.Ar);
        Assert.Equal("Al-Birr Association Jeddah", saved.Name.En);
        Assert.Equal(OrganizationType.NonProfitAssociation, saved.Type);
        Assert.StartsWith("4030123456", saved.RegistrationNumber, StringComparison.Ordinal);
        Assert.Equal((2, 202), (saved.RegionId, saved.CityId));
        Assert.Equal([3, 12], saved.Fields.Select(f => f.FieldId).Order());
        Assert.Equal("+966126543210", saved.ContactPhone);
        Assert.Equal("https://albirr.org.sa", saved.Website);
        Assert.Equal(app.Clock.GetUtcNow(), saved.CreatedAt);
        var member = Assert.Single(saved.Members);
        Assert.Equal((person.UserId, OrganizationRole.Admin), (member.UserId, member.Role));
        Assert.True(await app.IsInRoleAsync(person.UserId, Roles.OrganizationAdmin));

        var mine = await (await client.GetAsync("/api/v1/organizations/mine")).ReadJsonAsync();
        var row = Assert.Single(mine.EnumerateArray());
        Assert.Equal(("admin", "pending"), (row.GetProperty("role").GetString(), row.GetProperty("status").GetString()));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/organizations/{id}/details")).StatusCode);
        // Not verified yet: no public profile.
        Assert.Equal(HttpStatusCode.NotFound, (await app.Api().GetAsync($"/api/v1/organizations/{id}")).StatusCode);
    }

    public static TheoryData<TestDatabase, string, Action<Dictionary<string, object?>>, string, string> BadInputs()
    {
        var data = new TheoryData<TestDatabase, string, Action<Dictionary<string, object?>>, string, string>();
        var cases = new (string Name, Action<Dictionary<string, object?>> Change, string Field, string Code)[]
        {
            ("no Arabic name", b => b["nameAr"] = "  ", "nameAr", "Field.Required"),
            ("markup in the name", b => b["nameAr"] = "<script>alert(1)</script>", "nameAr", "Text.Unsafe"),
            ("over-long English name", b => b["nameEn"] = new string('a', 201), "nameEn", "Text.TooLong"),
            ("no type", b => b["type"] = null, "type", "Field.Required"),
            ("unknown type number", b => b["type"] = 9, "type", "OrganizationType.Unknown"),
            ("no registration number", b => b["registrationNumber"] = "", "registrationNumber", "Field.Required"),
            ("registration number with symbols", b => b["registrationNumber"] = "12;DROP", "registrationNumber", "RegistrationNumber.Invalid"),
            ("unknown region", b => b["regionId"] = 99, "regionId", "Region.Unknown"),
            ("city of another region", b => b["cityId"] = 101, "cityId", "City.NotInRegion"),
            ("unknown city", b => b["cityId"] = 99999, "cityId", "City.Unknown"),
            ("no field", b => b["fieldIds"] = Array.Empty<int>(), "fieldIds", "Field.Required"),
            ("unknown field", b => b["fieldIds"] = new[] { 3, 999 }, "fieldIds", "Field.Unknown"),
            ("no e-mail", b => b["contactEmail"] = null, "contactEmail", "Field.Required"),
            ("bad e-mail", b => b["contactEmail"] = "info-at-albirr", "contactEmail", "Email.Invalid"),
            ("foreign phone", b => b["contactPhone"] = "+44 20 7946 0958", "contactPhone", "Phone.Invalid"),
            ("javascript website", b => b["website"] = "javascript:alert(1)", "website", "Website.Invalid"),
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
    public async Task Register_WithBadInput_Answers400FieldError_AndSavesNothing(TestDatabase database, string because, Action<Dictionary<string, object?>> change, string field, string code)
    {
        var app = fixture.For(database);
        var person = await app.CreateVolunteerAsync();
        var client = await app.ApiAsAsync(person.Email, TestPeople.Password);
        var body = OrganizationTestData.Registration(change);

        var response = await client.PostAsJsonAsync("/api/v1/organizations", body, HttpHelpers.Json);

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, because);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.ReadJsonAsync();
        Assert.Equal("validation", problem.GetProperty("code").GetString());
        Assert.Contains(code, problem.GetProperty("errorCodes").GetProperty(field).EnumerateArray().Select(e => e.GetString()));
        var message = problem.GetProperty("errors").GetProperty(field)[0].GetString();
        Assert.False(string.IsNullOrWhiteSpace(message) || message == code, because);
        Assert.False(await app.QueryAsync(db => db.OrganizationMembers.AnyAsync(m => m.UserId == person.UserId)));
        Assert.False(await app.IsInRoleAsync(person.UserId, Roles.OrganizationAdmin));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Register_WithATakenRegistrationNumber_IsAFieldError_AndTheSecondOrganizationIsNotCreated(TestDatabase database)
    {
        var app = fixture.For(database);
        var person = await app.CreateVolunteerAsync();
        var client = await app.ApiAsAsync(person.Email, TestPeople.Password, language: "en");

        var response = await client.PostAsJsonAsync("/api/v1/organizations", OrganizationTestData.Registration(b => b["registrationNumber"] = "DEMO-makkah-centres"), HttpHelpers.Json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ReadJsonAsync();
        Assert.Equal("RegistrationNumber.Duplicate", problem.GetProperty("errorCodes").GetProperty("registrationNumber")[0].GetString());
        Assert.Equal("An organisation with this registration number is already registered.", problem.GetProperty("errors").GetProperty("registrationNumber")[0].GetString());
        Assert.Equal(1, await app.QueryAsync(db => db.Organizations.CountAsync(o => o.RegistrationNumber == "DEMO-makkah-centres")));
        Assert.False(await app.QueryAsync(db => db.OrganizationMembers.AnyAsync(m => m.UserId == person.UserId)));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Register_ConcurrentlyWithOneNumber_CreatesExactlyOneOrganization(TestDatabase database)
    {
        var app = fixture.For(database);
        var number = OrganizationTestData.NewRegistrationNumber();
        var clients = new List<HttpClient>();
        for (var i = 0; i < 4; i++)
            clients.Add(await app.ApiAsAsync((await app.CreateVolunteerAsync()).Email, TestPeople.Password));

        var responses = await Task.WhenAll(clients.Select(c => c.PostAsJsonAsync("/api/v1/organizations", OrganizationTestData.Registration(b => b["registrationNumber"] = number), HttpHelpers.Json)));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode));
        Assert.Equal(1, await app.QueryAsync(db => db.Organizations.CountAsync(o => o.RegistrationNumber == number)));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Register_ErrorsAreInArabicByDefault_AndInEnglishWhenAsked(TestDatabase database)
    {
        var app = fixture.For(database);
        var person = await app.CreateVolunteerAsync();
        var body = OrganizationTestData.Registration(b => b["contactPhone"] = "123");

        var arabic = await (await (await app.ApiAsAsync(person.Email, TestPeople.Password, language: "ar")).PostAsJsonAsync("/api/v1/organizations", body, HttpHelpers.Json)).ReadJsonAsync();
        var english = await (await (await app.ApiAsAsync(person.Email, TestPeople.Password, language: "en")).PostAsJsonAsync("/api/v1/organizations", body, HttpHelpers.Json)).ReadJsonAsync();

        Assert.Equal("أدخل رقم جوال سعودياً (05XXXXXXXX) أو هاتفاً ثابتاً (01XXXXXXXX) أو رقماً موحداً (9200XXXXX).", arabic.GetProperty("errors").GetProperty("contactPhone")[0].GetString());
        Assert.Equal("Enter a Saudi mobile (05XXXXXXXX), landline (01XXXXXXXX) or unified number (9200XXXXX).", english.GetProperty("errors").GetProperty("contactPhone")[0].GetString());
        Assert.Equal("بعض الحقول غير صالحة.", arabic.GetProperty("title").GetString());
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Register_WithoutSigningIn_Is401ForTheApi_AndALoginRedirectForThePage(TestDatabase database)
    {
        var app = fixture.For(database);

        var api = await app.Api().PostAsJsonAsync("/api/v1/organizations", OrganizationTestData.Registration(), HttpHelpers.Json);
        var page = await app.Browser().GetAsync("/org/register");

        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/account/login", page.Headers.Location?.AbsolutePath ?? page.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task RegisterForm_WithValidInput_OpensTheStaffPagesAtOnce(TestDatabase database)
    {
        var app = fixture.For(database);
        var person = await app.CreateVolunteerAsync();
        var client = await app.BrowserAsAsync(person.Email, TestPeople.Password);
        var body = OrganizationTestData.Registration(b => b["nameAr"] = "جمعية نماء " + OrganizationTestData.NewRegistrationNumber()[^4..]);

        var form = await client.GetStringAsync("/org/register");
        var response = await client.PostFormAsync("/org/register", OrganizationTestData.Form(body));

        Assert.Contains("dir=\"rtl\"", form, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = await app.QueryAsync(db => db.Organizations.Where(o => o.RegistrationNumber == (string)body["registrationNumber"]!).Select(o => o.Id).SingleAsync());
        Assert.Equal($"/org/{id}", response.Headers.Location?.OriginalString);
        var details = await client.GetStringAsync($"/org/{id}");
        Assert.Contains((string)body["nameAr"]!, details, StringComparison.Ordinal);
        Assert.Contains("سُجّلت جهتكم وهي بانتظار التوثيق من المنصة.", details, StringComparison.Ordinal);
        Assert.Contains("بانتظار التوثيق من المنصة", details, StringComparison.Ordinal);
        Assert.Contains($"href=\"/org/{id}/members\"", details, StringComparison.Ordinal);
        Assert.Contains($"href=\"/org/{id}/opportunities\"", details, StringComparison.Ordinal);
        Assert.Contains($"href=\"/org/{id}/dashboard\"", details, StringComparison.Ordinal);
        // The cookie was re-issued with the new role: the staff list opens without signing in again.
        var mine = await client.GetAsync("/org");
        Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
        var mineHtml = await mine.Content.ReadAsStringAsync();
        Assert.Contains((string)body["nameAr"]!, mineHtml, StringComparison.Ordinal);
        Assert.Contains("href=\"/org/register\"", mineHtml, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task RegisterForm_WithBadInput_ShowsFieldErrorsInTheChosenLanguage_KeepsValues_AndSavesNothing(TestDatabase database)
    {
        var app = fixture.For(database);
        var person = await app.CreateVolunteerAsync();
        var arabic = await app.BrowserAsAsync(person.Email, TestPeople.Password);
        var english = await app.BrowserAsAsync(person.Email, TestPeople.Password, language: "en");
        var body = OrganizationTestData.Registration(b =>
        {
            b["contactPhone"] = "12345";
            b["website"] = "javascript:alert(1)";
            b["cityId"] = 101;
            b["registrationNumber"] = "DEMO-makkah-centres";
        });
        var fields = OrganizationTestData.Form(body).Where(f => f.Key != "Input.Type").Append(new("Input.Type", "Robot")).ToList();

        var inArabic = await arabic.PostFormAsync("/org/register", fields);
        var inEnglish = await english.PostFormAsync("/org/register", fields);

        Assert.Equal(HttpStatusCode.OK, inArabic.StatusCode);
        var ar = await inArabic.Content.ReadAsStringAsync();
        Assert.Contains("أدخل رقم جوال سعودياً (05XXXXXXXX) أو هاتفاً ثابتاً", ar, StringComparison.Ordinal);
        Assert.Contains("أدخل عنوان موقع مثل https://example.org.sa.", ar, StringComparison.Ordinal);
        Assert.Contains("هذه المدينة ليست في المنطقة المختارة.", ar, StringComparison.Ordinal);
        Assert.Contains("value=\"info@albirr.org.sa\"", ar, StringComparison.Ordinal);
        var en = await inEnglish.Content.ReadAsStringAsync();
        Assert.Contains("Enter a Saudi mobile (05XXXXXXXX), landline (01XXXXXXXX) or unified number (9200XXXXX).", en, StringComparison.Ordinal);
        Assert.Contains("This city is not in the chosen region.", en, StringComparison.Ordinal);
        Assert.Contains("dir=\"ltr\"", en, StringComparison.Ordinal);
        Assert.False(await app.QueryAsync(db => db.OrganizationMembers.AnyAsync(m => m.UserId == person.UserId)));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task RegisterForm_WithATakenNumber_ShowsTheDuplicateBesideTheField(TestDatabase database)
    {
        var app = fixture.For(database);
        var person = await app.CreateVolunteerAsync();
        var client = await app.BrowserAsAsync(person.Email, TestPeople.Password, language: "en");

        var response = await client.PostFormAsync("/org/register", OrganizationTestData.Form(OrganizationTestData.Registration(b => b["registrationNumber"] = "DEMO-makkah-centres")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("An organisation with this registration number is already registered.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public void CoreEnums_MatchTheStoredEnums_NameForNameAndValueForValue()
    {
        Assert.Equal(
            Enum.GetValues<OrganizationType>().Select(v => (v.ToString(), (int)v)),
            Enum.GetValues<OrganizationKind>().Select(v => (v.ToString(), (int)v)));
        Assert.Equal(
            Enum.GetValues<OrganizationStatus>().Select(v => (v.ToString(), (int)v)),
            Enum.GetValues<OrganizationStanding>().Select(v => (v.ToString(), (int)v)));
    }
}
