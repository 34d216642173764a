using System.Net;
using Athar.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Athar.IntegrationTests.Security;

/// <summary>Role- and scope-based access with the demo accounts (one per role).</summary>
public sealed class RoleAccessTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static async Task<Guid> OrganizationAsync(AtharAppFactory app, string registrationNumber) =>
        await app.QueryAsync(db => db.Organizations.Where(o => o.RegistrationNumber == registrationNumber).Select(o => o.Id).SingleAsync());

    public static TheoryData<TestDatabase, string, string?, HttpStatusCode, string?> PageAccess()
    {
        var data = new TheoryData<TestDatabase, string, string?, HttpStatusCode, string?>();
        var cases = new (string Path, string? User, HttpStatusCode Status, string? Location)[]
        {
            ("/admin", null, HttpStatusCode.Redirect, "/account/login"),
            ("/admin", "volunteer@athar.local", HttpStatusCode.Redirect, "/account/access-denied"),
            ("/admin", "org.admin@athar.local", HttpStatusCode.Redirect, "/account/access-denied"),
            ("/admin", "admin@athar.local", HttpStatusCode.OK, null),
            ("/admin/outbox", "makkah.supervisor@athar.local", HttpStatusCode.Redirect, "/account/access-denied"),
            ("/admin/outbox", "admin@athar.local", HttpStatusCode.OK, null),
            ("/org", "volunteer@athar.local", HttpStatusCode.Redirect, "/account/access-denied"),
            ("/org", "org.supervisor@athar.local", HttpStatusCode.OK, null),
            ("/region", "org.admin@athar.local", HttpStatusCode.Redirect, "/account/access-denied"),
            ("/region", "makkah.supervisor@athar.local", HttpStatusCode.OK, null),
            ("/profile", null, HttpStatusCode.Redirect, "/account/login"),
            ("/profile", "volunteer@athar.local", HttpStatusCode.OK, null),
            ("/profile/edit", "admin@athar.local", HttpStatusCode.Redirect, "/account/access-denied"),
            ("/", null, HttpStatusCode.OK, null),
            ("/account/register", null, HttpStatusCode.OK, null),
        };
        foreach (var database in new[] { TestDatabase.Sqlite, TestDatabase.Postgres })
        {
            foreach (var c in cases)
                data.Add(database, c.Path, c.User, c.Status, c.Location);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(PageAccess))]
    public async Task Page_AnswersByRole(TestDatabase database, string path, string? user, HttpStatusCode expected, string? location)
    {
        var app = fixture.For(database);
        var client = user is null ? app.Browser() : await app.BrowserAsAsync(user);

        var response = await client.GetAsync(path);

        Assert.Equal(expected, response.StatusCode);
        if (location is not null)
            Assert.StartsWith(location, response.Headers.Location?.AbsolutePath ?? response.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite, "org.admin@athar.local", "DEMO-makkah-centres", HttpStatusCode.OK)]
    [InlineData(TestDatabase.Sqlite, "org.admin@athar.local", "DEMO-lazm-riyadh", HttpStatusCode.NotFound)]
    [InlineData(TestDatabase.Sqlite, "makkah.supervisor@athar.local", "DEMO-jeddah-municipality", HttpStatusCode.OK)]
    [InlineData(TestDatabase.Sqlite, "makkah.supervisor@athar.local", "DEMO-lazm-riyadh", HttpStatusCode.NotFound)]
    [InlineData(TestDatabase.Sqlite, "volunteer@athar.local", "DEMO-makkah-centres", HttpStatusCode.NotFound)]
    [InlineData(TestDatabase.Sqlite, "admin@athar.local", "DEMO-lazm-riyadh", HttpStatusCode.OK)]
    [InlineData(TestDatabase.Postgres, "org.admin@athar.local", "DEMO-makkah-centres", HttpStatusCode.OK)]
    [InlineData(TestDatabase.Postgres, "org.admin@athar.local", "DEMO-lazm-riyadh", HttpStatusCode.NotFound)]
    [InlineData(TestDatabase.Postgres, "makkah.supervisor@athar.local", "DEMO-jeddah-municipality", HttpStatusCode.OK)]
    [InlineData(TestDatabase.Postgres, "makkah.supervisor@athar.local", "DEMO-lazm-riyadh", HttpStatusCode.NotFound)]
    [InlineData(TestDatabase.Postgres, "volunteer@athar.local", "DEMO-makkah-centres", HttpStatusCode.NotFound)]
    [InlineData(TestDatabase.Postgres, "admin@athar.local", "DEMO-lazm-riyadh", HttpStatusCode.OK)]
    public async Task OrganizationPage_IsVisibleOnlyToItsMembers_ItsRegionsSupervisor_AndPlatformAdmins(TestDatabase database, string user, string organization, HttpStatusCode expected)
    {
        var app = fixture.For(database);
        var id = await OrganizationAsync(app, organization);
        var client = await app.BrowserAsAsync(user);

        var response = await client.GetAsync($"/org/{id}");

        Assert.Equal(expected, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task StaffPages_ShowNationalIdsMasked_WhileTheOwnerSeesTheirOwnInFull(TestDatabase database)
    {
        var app = fixture.For(database);
        var volunteerId = await app.QueryAsync(db => db.Volunteers.Where(v => v.User.Email == "volunteer@athar.local").Select(v => v.NationalId).SingleAsync());

        var adminPage = await (await app.BrowserAsAsync("admin@athar.local")).GetStringAsync("/admin");
        var ownPage = await (await app.BrowserAsAsync("volunteer@athar.local")).GetStringAsync("/profile");

        Assert.DoesNotContain(volunteerId, adminPage, StringComparison.Ordinal);
        Assert.Contains(Core.Identity.NationalId.Mask(volunteerId), adminPage, StringComparison.Ordinal);
        Assert.Contains(volunteerId, ownPage, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Api_WithoutToken_Answers401ProblemDetails_NotARedirect(TestDatabase database)
    {
        var app = fixture.For(database);

        var response = await app.Api().GetAsync("/api/v1/me");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("unauthenticated", (await response.ReadJsonAsync()).GetProperty("code").GetString());
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Api_ProfileUpdate_IsForVolunteersOnly(TestDatabase database)
    {
        var app = fixture.For(database);
        var admin = await app.ApiAsAsync("admin@athar.local");

        var response = await admin.PutAsync("/api/v1/me", System.Net.Http.Json.JsonContent.Create(new { fullNameAr = "اسم" }));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
