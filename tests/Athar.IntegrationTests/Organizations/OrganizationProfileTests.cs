using System.Net;
using Athar.Core.Accounts;
using Athar.Core.Attendance;
using Athar.Core.Opportunities;
using Athar.Data.Organizations;
using Athar.IntegrationTests.Infrastructure;

namespace Athar.IntegrationTests.Organizations;

public sealed class OrganizationProfileTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static readonly DateOnly Day = new(2026, 12, 5);

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task PublicProfile_IsShownOnlyForVerifiedOrganizations(TestDatabase database)
    {
        var app = fixture.For(database);
        var visitor = app.Browser();

        foreach (var status in new[] { OrganizationStatus.Pending, OrganizationStatus.Rejected, OrganizationStatus.Suspended })
        {
            var (id, _, _) = await app.CreateOrganizationAsync(status);
            Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/organizations/{id}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await app.Api().GetAsync($"/api/v1/organizations/{id}")).StatusCode);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/organizations/{Guid.NewGuid()}")).StatusCode);
        var (verified, _, _) = await app.CreateOrganizationAsync(OrganizationStatus.Verified);
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync($"/organizations/{verified}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.Api().GetAsync($"/api/v1/organizations/{verified}")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task PublicProfile_ListsPublishedAndClosedOpportunities_AndCountsOnlyVerifiedHours(TestDatabase database)
    {
        var app = fixture.For(database);
        var (orgId, admin, supervisor) = await app.CreateOrganizationAsync(OrganizationStatus.Verified, regionId: 2, cityId: 202);
        await app.QueryAsync(async db =>
        {
            db.OrganizationFields.Add(new OrganizationField { OrganizationId = orgId, FieldId = 10 });
            var org = await db.Organizations.FindAsync(orgId);
            org!.ContactEmail = "info@test.org.sa";
            org.ContactPhone = "+966126543210";
            org.Website = "https://test.org.sa";
            return await db.SaveChangesAsync();
        });
        var shifts = new[] { (Day, new TimeOnly(8, 0), new TimeOnly(12, 0), 10), (Day.AddDays(1), new TimeOnly(8, 0), new TimeOnly(12, 0), 10) };
        var now = app.Clock.GetUtcNow();
        var older = await app.CreatePublishedOpportunityAsync(orgId, shifts, "سقيا الحجاج", "Water for pilgrims", change: o => o.PublishedAt = now.AddDays(-3));
        var newer = await app.CreatePublishedOpportunityAsync(orgId, shifts, "تنظيف الشاطئ", "Beach clean-up", change: o => { o.Status = OpportunityStatus.Closed; o.PublishedAt = now.AddDays(-1); });
        await app.CreatePublishedOpportunityAsync(orgId, shifts, "مسودة لم تنشر", "Unpublished draft", change: o => { o.Status = OpportunityStatus.Draft; o.PublishedAt = null; });
        await app.CreatePublishedOpportunityAsync(orgId, shifts, "فرصة ملغاة", "Cancelled one", change: o => o.Status = OpportunityStatus.Cancelled);
        var a = await app.CreatePersonAsync([Roles.Volunteer]);
        var b = await app.CreatePersonAsync([Roles.Volunteer]);
        var c = await app.CreatePersonAsync([Roles.Volunteer]);
        await app.CreateHoursAsync(orgId, older, 0, a.UserId, 90, HoursStatus.Approved);
        await app.CreateHoursAsync(orgId, older, 1, a.UserId, 60, HoursStatus.Approved);
        await app.CreateHoursAsync(orgId, newer, 0, b.UserId, 120, HoursStatus.Approved);
        await app.CreateHoursAsync(orgId, newer, 1, b.UserId, 240, HoursStatus.Pending);
        await app.CreateHoursAsync(orgId, older, 0, c.UserId, 200, HoursStatus.Rejected);
        await app.CreateHoursAsync(orgId, newer, 0, c.UserId, 200, HoursStatus.UnderReview);

        var api = await (await app.Api("en").GetAsync($"/api/v1/organizations/{orgId}")).ReadJsonAsync();
        var arabic = await app.Browser().GetStringAsync($"/organizations/{orgId}");
        var english = await app.Browser("en").GetStringAsync($"/organizations/{orgId}");

        var totals = api.GetProperty("totals");
        Assert.Equal(2, totals.GetProperty("opportunities").GetInt32());
        Assert.Equal(2, totals.GetProperty("volunteers").GetInt32());
        Assert.Equal(4.5m, totals.GetProperty("verifiedHours").GetDecimal());
        Assert.Equal("Test Association", api.GetProperty("name").GetString());
        Assert.Equal("Jeddah", api.GetProperty("city").GetString());
        Assert.Equal(["Hajj and Umrah"], api.GetProperty("fields").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal("0126543210", api.GetProperty("contactPhone").GetString());
        var listed = api.GetProperty("opportunities").EnumerateArray().Select(o => (o.GetProperty("title").GetString(), o.GetProperty("status").GetString(), o.GetProperty("url").GetString())).ToList();
        Assert.Equal([("Beach clean-up", "closed", $"/opportunities/{newer.Id}"), ("Water for pilgrims", "published", $"/opportunities/{older.Id}")], listed);

        Assert.Contains("جمعية الاختبار", arabic, StringComparison.Ordinal);
        Assert.Contains("<div class=\"value\" id=\"total-opportunities\">٢</div>", arabic, StringComparison.Ordinal);
        Assert.Contains("<div class=\"value\" id=\"total-volunteers\">٢</div>", arabic, StringComparison.Ordinal);
        Assert.Contains("<div class=\"value\" id=\"total-hours\">٤٫٥</div>", arabic, StringComparison.Ordinal);
        Assert.True(arabic.IndexOf("تنظيف الشاطئ", StringComparison.Ordinal) < arabic.IndexOf("سقيا الحجاج", StringComparison.Ordinal));
        Assert.Contains($"href=\"/opportunities/{older.Id}\"", arabic, StringComparison.Ordinal);
        Assert.DoesNotContain("مسودة لم تنشر", arabic, StringComparison.Ordinal);
        Assert.DoesNotContain("فرصة ملغاة", arabic, StringComparison.Ordinal);
        Assert.Contains("dir=\"rtl\"", arabic, StringComparison.Ordinal);

        Assert.Contains("<div class=\"value\" id=\"total-hours\">4.5</div>", english, StringComparison.Ordinal);
        Assert.Contains("Beach clean-up", english, StringComparison.Ordinal);
        Assert.Contains("dir=\"ltr\"", english, StringComparison.Ordinal);

        // Staff are never shown publicly.
        foreach (var page in new[] { arabic, english, api.GetRawText() })
        {
            Assert.DoesNotContain(admin.Email, page, StringComparison.Ordinal);
            Assert.DoesNotContain(supervisor.Email, page, StringComparison.Ordinal);
            Assert.DoesNotContain("شخص للاختبار", page, StringComparison.Ordinal);
            Assert.DoesNotContain("Test Person", page, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task PublicProfile_OfAnOrganizationWithNothingYet_ShowsZeros(TestDatabase database)
    {
        var app = fixture.For(database);
        var (orgId, _, _) = await app.CreateOrganizationAsync(OrganizationStatus.Verified);

        var api = await (await app.Api().GetAsync($"/api/v1/organizations/{orgId}")).ReadJsonAsync();
        var page = await app.Browser().GetStringAsync($"/organizations/{orgId}");

        Assert.Equal((0, 0, 0m), (api.GetProperty("totals").GetProperty("opportunities").GetInt32(), api.GetProperty("totals").GetProperty("volunteers").GetInt32(), api.GetProperty("totals").GetProperty("verifiedHours").GetDecimal()));
        Assert.Contains("<div class=\"value\" id=\"total-hours\">٠</div>", page, StringComparison.Ordinal);
        Assert.Contains("لا توجد فرص منشورة بعد.", page, StringComparison.Ordinal);
    }
}
