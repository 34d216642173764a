using System.Net;
using System.Net.Http.Json;
using Athar.Data.Messaging;
using Athar.Data.Organizations;
using Athar.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Athar.IntegrationTests.Organizations;

public sealed class OrganizationVerificationTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private const string PlatformAdmin = "admin@athar.local";
    private const string MakkahSupervisor = "makkah.supervisor@athar.local";

    /// <summary>A person registers an organisation through the API (as in production) and is its admin.</summary>
    private static async Task<(Guid Id, Builders.StaffMember Admin, string NameAr)> RegisterPendingAsync(AtharAppFactory app, int regionId = 2, int cityId = 202)
    {
        var admin = await app.CreateVolunteerAsync();
        var nameAr = "جمعية الأثر " + OrganizationTestData.NewRegistrationNumber()[^5..];
        var client = await app.ApiAsAsync(admin.Email, TestPeople.Password);
        var response = await client.PostAsJsonAsync("/api/v1/organizations", OrganizationTestData.Registration(b =>
        {
            b["nameAr"] = nameAr;
            b["regionId"] = regionId;
            b["cityId"] = cityId;
        }), HttpHelpers.Json);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return ((await response.ReadJsonAsync()).GetProperty("id").GetGuid(), admin, nameAr);
    }

    private static async Task<Guid> UserIdAsync(AtharAppFactory app, string email) =>
        await app.QueryAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task PlatformAdmin_VerifiesByApi_RecordsWhoAndWhen_NotifiesTheAdmins_AndThePublicProfileOpens(TestDatabase database)
    {
        var app = fixture.For(database);
        var (id, admin, nameAr) = await RegisterPendingAsync(app);
        var client = await app.ApiAsAsync(PlatformAdmin);

        var response = await client.PostAsync($"/api/v1/organizations/{id}/verify", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("verified", (await response.ReadJsonAsync()).GetProperty("status").GetString());
        var saved = await app.QueryAsync(db => db.Organizations.AsNoTracking().SingleAsync(o => o.Id == id));
        Assert.Equal(OrganizationStatus.Verified, saved.Status);
        Assert.Equal(await UserIdAsync(app, PlatformAdmin), saved.StatusChangedBy);
        Assert.Equal(app.Clock.GetUtcNow(), saved.StatusChangedAt);
        Assert.Null(saved.StatusReason);

        var notification = await app.QueryAsync(db => db.Notifications.SingleAsync(n => n.UserId == admin.UserId));
        Assert.Equal("OrganizationVerified", notification.Kind);
        Assert.Equal($"{nameAr}|Al-Birr Association Jeddah|", notification.Arguments);
        Assert.Equal($"/org/{id}", notification.Link);
        var email = await app.QueryAsync(db => db.OutboxMessages.SingleAsync(m => m.Recipient == admin.Email && m.Channel == MessageChannel.Email));
        Assert.Contains(nameAr, email.Subject, StringComparison.Ordinal);
        Assert.Contains($"وُثّقت جهة «{nameAr}»", email.Body, StringComparison.Ordinal);
        Assert.Contains($"http://athar.test/org/{id}", email.Body, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await app.Api().GetAsync($"/api/v1/organizations/{id}")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Notification_IsReadInTheReadersLanguage(TestDatabase database)
    {
        var app = fixture.For(database);
        var (id, admin, nameAr) = await RegisterPendingAsync(app);
        await (await app.ApiAsAsync(PlatformAdmin)).PostAsJsonAsync($"/api/v1/organizations/{id}/reject", new { reason = "الترخيص منتهي الصلاحية" });

        var arabic = await (await (await app.ApiAsAsync(admin.Email, TestPeople.Password, language: "ar")).GetAsync("/api/v1/me/notifications")).ReadJsonAsync();
        var english = await (await (await app.ApiAsAsync(admin.Email, TestPeople.Password, language: "en")).GetAsync("/api/v1/me/notifications")).ReadJsonAsync();

        Assert.Equal($"لم يُعتمد تسجيل جهة «{nameAr}». السبب: الترخيص منتهي الصلاحية", arabic[0].GetProperty("text").GetString());
        Assert.Equal("The registration of “Al-Birr Association Jeddah” was not approved. Reason: الترخيص منتهي الصلاحية", english[0].GetProperty("text").GetString());
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task RegionalSupervisor_VerifiesAnOrganizationOfTheirRegion(TestDatabase database)
    {
        var app = fixture.For(database);
        var (id, _, _) = await RegisterPendingAsync(app, regionId: 2, cityId: 203);
        var client = await app.ApiAsAsync(MakkahSupervisor);

        var response = await client.PostAsync($"/api/v1/organizations/{id}/verify", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(OrganizationStatus.Verified, await app.StatusAsync(id));
        Assert.Equal(await UserIdAsync(app, MakkahSupervisor), await app.QueryAsync(db => db.Organizations.Where(o => o.Id == id).Select(o => o.StatusChangedBy).SingleAsync()));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task RegionalSupervisor_OfAnotherRegion_Gets404_AndChangesNothing(TestDatabase database)
    {
        var app = fixture.For(database);
        var (id, _, _) = await RegisterPendingAsync(app, regionId: 1, cityId: 101);
        var api = await app.ApiAsAsync(MakkahSupervisor);
        var browser = await app.BrowserAsAsync(MakkahSupervisor);

        foreach (var decision in new[] { "verify", "reject", "suspend", "reinstate" })
            Assert.Equal(HttpStatusCode.NotFound, (await api.PostAsJsonAsync($"/api/v1/organizations/{id}/{decision}", new { reason = "سبب" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/organizations/{id}/details")).StatusCode);
        var page = await browser.PostFormAsync("/region?handler=Decide", [new("id", id.ToString()), new("decision", "Verify")], tokenFrom: "/region");
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.DoesNotContain(id.ToString(), await browser.GetStringAsync("/region"), StringComparison.Ordinal);
        var review = await (await api.GetAsync("/api/v1/organizations?status=pending")).ReadJsonAsync();
        Assert.DoesNotContain(review.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetGuid() == id);

        Assert.Equal(OrganizationStatus.Pending, await app.StatusAsync(id));
        Assert.False(await app.QueryAsync(db => db.Notifications.AnyAsync(n => n.Link == $"/org/{id}")));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task OrganizationAdmin_CannotDecideOnTheirOwnOrganization(TestDatabase database)
    {
        var app = fixture.For(database);
        var (id, admin, _) = await RegisterPendingAsync(app);
        var client = await app.ApiAsAsync(admin.Email, TestPeople.Password);

        var response = await client.PostAsync($"/api/v1/organizations/{id}/verify", null);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(OrganizationStatus.Pending, await app.StatusAsync(id));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task RejectAndSuspend_NeedAReason_WhichTheAdminsSee_AndReinstateClearsIt(TestDatabase database)
    {
        var app = fixture.For(database);
        var (id, admin, _) = await RegisterPendingAsync(app);
        var client = await app.ApiAsAsync(PlatformAdmin, language: "en");

        var noReason = await client.PostAsJsonAsync($"/api/v1/organizations/{id}/reject", new { reason = "  " });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        var problem = await noReason.ReadJsonAsync();
        Assert.Equal("Field.Required", problem.GetProperty("errorCodes").GetProperty("reason")[0].GetString());
        Assert.Equal("This field is required.", problem.GetProperty("errors").GetProperty("reason")[0].GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsJsonAsync($"/api/v1/organizations/{id}/reject", new { })).StatusCode);
        Assert.Equal(OrganizationStatus.Pending, await app.StatusAsync(id));

        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync($"/api/v1/organizations/{id}/reject", new { reason = "السجل التجاري منتهٍ" })).StatusCode);
        var rejected = await app.QueryAsync(db => db.Organizations.AsNoTracking().SingleAsync(o => o.Id == id));
        Assert.Equal((OrganizationStatus.Rejected, "السجل التجاري منتهٍ"), (rejected.Status, rejected.StatusReason));
        var mine = await (await app.ApiAsAsync(admin.Email, TestPeople.Password)).GetAsync("/api/v1/organizations/mine");
        Assert.Equal("السجل التجاري منتهٍ", (await mine.ReadJsonAsync())[0].GetProperty("statusReason").GetString());

        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/v1/organizations/{id}/verify", null)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsJsonAsync($"/api/v1/organizations/{id}/suspend", new { reason = "" })).StatusCode);
        Assert.Equal(OrganizationStatus.Verified, await app.StatusAsync(id));
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync($"/api/v1/organizations/{id}/suspend", new { reason = "شكاوى قيد المراجعة" })).StatusCode);
        Assert.Equal(OrganizationStatus.Suspended, await app.StatusAsync(id));
        Assert.Equal(HttpStatusCode.NotFound, (await app.Api().GetAsync($"/api/v1/organizations/{id}")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/v1/organizations/{id}/reinstate", null)).StatusCode);
        var reinstated = await app.QueryAsync(db => db.Organizations.AsNoTracking().SingleAsync(o => o.Id == id));
        Assert.Equal((OrganizationStatus.Verified, null), (reinstated.Status, reinstated.StatusReason));

        var kinds = await app.QueryAsync(db => db.Notifications.Where(n => n.UserId == admin.UserId).OrderBy(n => n.Id).Select(n => n.Kind).ToListAsync());
        Assert.Equal(["OrganizationRejected", "OrganizationVerified", "OrganizationSuspended", "OrganizationReinstated"], kinds);
        Assert.Equal(4, await app.QueryAsync(db => db.OutboxMessages.CountAsync(m => m.Recipient == admin.Email && m.UserId == admin.UserId)));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Decision_ThatDoesNotApplyToTheStatus_IsAConflict(TestDatabase database)
    {
        var app = fixture.For(database);
        var (id, _, _) = await app.CreateOrganizationAsync(OrganizationStatus.Verified);
        var client = await app.ApiAsAsync(PlatformAdmin, language: "en");

        var response = await client.PostAsync($"/api/v1/organizations/{id}/verify", null);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.ReadJsonAsync();
        Assert.Equal("organization-status-conflict", problem.GetProperty("code").GetString());
        Assert.Equal("This decision does not apply to the organisation's current status.", problem.GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync($"/api/v1/organizations/{Guid.NewGuid()}/verify", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ApiAsAsync("volunteer@athar.local")).PostAsJsonAsync($"/api/v1/organizations/{id}/suspend", new { reason = "x" })).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task AdminPage_ListsPendingFirst_Filters_AndVerifiesWithItsForm(TestDatabase database)
    {
        var app = fixture.For(database);
        var (id, admin, nameAr) = await RegisterPendingAsync(app, regionId: 4, cityId: 401);
        var browser = await app.BrowserAsAsync(PlatformAdmin);

        var all = await browser.GetStringAsync("/admin/organizations");
        var pendingInEastern = await browser.GetStringAsync("/admin/organizations?status=Pending&regionId=4");
        var verifiedOnly = await browser.GetStringAsync("/admin/organizations?status=Verified");

        Assert.Contains(nameAr, all, StringComparison.Ordinal);
        Assert.True(all.IndexOf("data-status=\"Pending\"", StringComparison.Ordinal) < all.IndexOf("data-status=\"Verified\"", StringComparison.Ordinal));
        Assert.Contains(nameAr, pendingInEastern, StringComparison.Ordinal);
        Assert.DoesNotContain("جمعية مراكز الأحياء بمكة المكرمة", pendingInEastern, StringComparison.Ordinal);
        Assert.DoesNotContain(nameAr, verifiedOnly, StringComparison.Ordinal);

        var response = await browser.PostFormAsync("/admin/organizations?handler=Decide", [new("id", id.ToString()), new("decision", "Verify")], tokenFrom: "/admin/organizations");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(OrganizationStatus.Verified, await app.StatusAsync(id));
        Assert.Contains("وُثّقت الجهة وأُبلغ مديروها.", await browser.GetStringAsync(response.Headers.Location!.OriginalString), StringComparison.Ordinal);
        Assert.True(await app.QueryAsync(db => db.Notifications.AnyAsync(n => n.UserId == admin.UserId && n.Kind == "OrganizationVerified")));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task AdminPage_RejectWithoutAReason_ShowsTheErrorBesideTheOrganization_InEnglish(TestDatabase database)
    {
        var app = fixture.For(database);
        var (id, _, _) = await RegisterPendingAsync(app);
        var browser = await app.BrowserAsAsync(PlatformAdmin, language: "en");

        var response = await browser.PostFormAsync("/admin/organizations?handler=Decide", [new("id", id.ToString()), new("decision", "Reject"), new("reason", "")], tokenFrom: "/admin/organizations");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("decision-error", html, StringComparison.Ordinal);
        Assert.Contains("This field is required.", html, StringComparison.Ordinal);
        Assert.Equal(OrganizationStatus.Pending, await app.StatusAsync(id));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task RegionPage_ShowsTheRegionsOrganizations_AndTheSupervisorSuspendsWithAReason(TestDatabase database)
    {
        var app = fixture.For(database);
        var (id, admin, _) = await app.CreateOrganizationAsync(OrganizationStatus.Verified, regionId: 2, cityId: 202);
        var browser = await app.BrowserAsAsync(MakkahSupervisor);

        var page = await browser.GetStringAsync("/region");
        var response = await browser.PostFormAsync("/region?handler=Decide", [new("id", id.ToString()), new("decision", "Suspend"), new("reason", "بلاغات عن ساعات غير حقيقية")], tokenFrom: "/region");

        Assert.Contains($"data-id=\"{id}\"", page, StringComparison.Ordinal);
        Assert.Contains("جمعية مراكز الأحياء بمكة المكرمة", page, StringComparison.Ordinal);
        Assert.DoesNotContain("جمعية لازم للتنمية", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/region", response.Headers.Location?.OriginalString);
        var saved = await app.QueryAsync(db => db.Organizations.AsNoTracking().SingleAsync(o => o.Id == id));
        Assert.Equal((OrganizationStatus.Suspended, "بلاغات عن ساعات غير حقيقية"), (saved.Status, saved.StatusReason));
        Assert.True(await app.QueryAsync(db => db.Notifications.AnyAsync(n => n.UserId == admin.UserId && n.Kind == "OrganizationSuspended" && n.Arguments.EndsWith("|بلاغات عن ساعات غير حقيقية"))));
        var staffView = await (await app.BrowserAsAsync(admin.Email, TestPeople.Password)).GetStringAsync($"/org/{id}");
        Assert.Contains("بلاغات عن ساعات غير حقيقية", staffView, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task ReviewPages_AreForTheirRolesOnly(TestDatabase database)
    {
        var app = fixture.For(database);

        var supervisor = await (await app.BrowserAsAsync(MakkahSupervisor)).GetAsync("/admin/organizations");
        var orgAdmin = await (await app.BrowserAsAsync("org.admin@athar.local")).GetAsync("/admin/organizations");
        var anonymous = await app.Browser().GetAsync("/admin/organizations");
        var admin = await (await app.BrowserAsAsync(PlatformAdmin)).GetAsync("/admin/organizations");
        var volunteerApi = await (await app.ApiAsAsync("volunteer@athar.local")).GetAsync("/api/v1/organizations");

        Assert.StartsWith("/account/access-denied", supervisor.Headers.Location?.AbsolutePath, StringComparison.Ordinal);
        Assert.StartsWith("/account/access-denied", orgAdmin.Headers.Location?.AbsolutePath, StringComparison.Ordinal);
        Assert.StartsWith("/account/login", anonymous.Headers.Location?.AbsolutePath, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, volunteerApi.StatusCode);
    }
}
