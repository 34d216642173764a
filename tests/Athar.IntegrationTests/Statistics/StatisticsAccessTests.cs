using System.IO.Compression;
using System.Net;
using System.Text;
using System.Xml.Linq;
using Athar.Core.Accounts;
using Athar.Core.Attendance;
using Athar.Data.Organizations;
using Athar.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Athar.IntegrationTests.Statistics;

/// <summary>Who sees which statistics; open statistics suppress small counts; exports carry the page's numbers and nothing personal.</summary>
public sealed class StatisticsAccessTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static async Task<Guid> OrganizationAsync(AtharAppFactory app, string registrationNumber) =>
        await app.QueryAsync(db => db.Organizations.Where(o => o.RegistrationNumber == registrationNumber).Select(o => o.Id).SingleAsync());

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Scopes_AdminNational_SupervisorRegion_StaffOrganization_VolunteerOwn(TestDatabase database)
    {
        var app = fixture.For(database);
        async Task<string> ScopeOf(string user) =>
            (await (await (await app.ApiAsAsync(user)).GetAsync("/api/v1/stats/dashboard")).ReadJsonAsync()).GetProperty("scope").GetString()!;

        Assert.Equal("National", await ScopeOf("admin@athar.local"));
        Assert.Equal("Regional", await ScopeOf("makkah.supervisor@athar.local"));
        Assert.Equal("Organization", await ScopeOf("org.admin@athar.local"));
        Assert.Equal("Volunteer", await ScopeOf("volunteer@athar.local"));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task OutsideTheScope_AnswersNotFound(TestDatabase database)
    {
        var app = fixture.For(database);
        var riyadhOrg = await OrganizationAsync(app, "DEMO-lazm-riyadh");
        var supervisor = await app.ApiAsAsync("makkah.supervisor@athar.local");
        var staff = await app.ApiAsAsync("org.admin@athar.local");
        var volunteer = await app.ApiAsAsync("volunteer@athar.local");

        Assert.Equal(HttpStatusCode.NotFound, (await supervisor.GetAsync("/api/v1/stats/dashboard?regionId=1")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await supervisor.GetAsync($"/api/v1/stats/dashboard?organizationId={riyadhOrg}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await supervisor.GetAsync("/api/v1/stats/dashboard?regionId=2")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"/api/v1/stats/dashboard?organizationId={riyadhOrg}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await volunteer.GetAsync("/api/v1/stats/dashboard?regionId=2")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.BrowserAsAsync("makkah.supervisor@athar.local")).GetAsync("/statistics/export/regions.csv?regionId=1")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Api().GetAsync("/api/v1/stats/dashboard")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await supervisor.GetAsync("/api/v1/stats/dashboard?period=2026-13")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Pages_AnswerByRole(TestDatabase database)
    {
        var app = fixture.For(database);
        Assert.Equal(HttpStatusCode.OK, (await app.Browser().GetAsync("/statistics")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.Browser().GetAsync("/statistics/methodology")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await app.Browser().GetAsync("/statistics/dashboard")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await app.BrowserAsAsync("admin@athar.local")).GetAsync("/statistics/dashboard")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await app.BrowserAsAsync("makkah.supervisor@athar.local")).GetAsync("/statistics/report?period=2026")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await app.BrowserAsAsync("org.admin@athar.local")).GetAsync("/statistics/dashboard")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await app.BrowserAsAsync("volunteer@athar.local")).GetAsync("/statistics/me")).StatusCode);
        var redirected = await (await app.BrowserAsAsync("volunteer@athar.local")).GetAsync("/statistics/dashboard");
        Assert.Equal("/statistics/me", redirected.Headers.Location?.OriginalString);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task VolunteersOwnNumbers_AreTheirApprovedHours(TestDatabase database)
    {
        var app = fixture.For(database);
        var (userId, minutes) = await app.QueryAsync(async db =>
        {
            var id = await db.Users.Where(u => u.Email == "volunteer@athar.local").Select(u => u.Id).SingleAsync();
            var m = await db.VolunteerHours.Where(h => h.VolunteerId == id && h.Status == HoursStatus.Approved).SumAsync(h => h.CreditedMinutes);
            return (id, m);
        });
        var json = await (await (await app.ApiAsAsync("volunteer@athar.local")).GetAsync("/api/v1/me/stats?period=2026")).ReadJsonAsync();

        var hours = json.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("key").GetString() == "VerifiedHours").GetProperty("value").GetDecimal();
        Assert.Equal(Math.Round(minutes / 60m, 2), hours);
        Assert.NotEqual(Guid.Empty, userId);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task OpenStatistics_SuppressATinyRegion_AndItsComplement_SoNothingCanBeSubtracted(TestDatabase database)
    {
        var app = fixture.For(database);
        var s = new StatsScene(app);
        // Al Jawf: two volunteers; Tabuk: six. Everything else comes from the demo data.
        var org = await s.OrganizationAsync(13, 1301, OrganizationType.NonProfitAssociation);
        var jawf = await s.OpportunityAsync(org, 13, 1301, 4);
        var tabuk = await s.OpportunityAsync(org, 7, 701, 4);
        for (var i = 0; i < 2; i++)
            await s.HoursAsync(await s.VolunteerAsync(Gender.Female, new DateOnly(1999, 1, 1), 13, 1301), jawf, new DateOnly(2026, 11, 2), 60, HoursStatus.Approved);
        for (var i = 0; i < 6; i++)
            await s.HoursAsync(await s.VolunteerAsync(Gender.Male, new DateOnly(1999, 1, 1), 7, 701), tabuk, new DateOnly(2026, 11, 2), 60, HoursStatus.Approved);

        var json = await (await app.Api().GetAsync("/api/v1/stats?period=2026")).ReadJsonAsync();
        var regions = json.GetProperty("regions").EnumerateArray().ToList();
        var jawfRow = regions.Single(r => r.GetProperty("regionId").GetInt32() == 13);

        Assert.True(jawfRow.GetProperty("uniqueActiveVolunteers").GetProperty("suppressed").GetBoolean());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, jawfRow.GetProperty("uniqueActiveVolunteers").GetProperty("value").ValueKind);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, jawfRow.GetProperty("verifiedHours").GetProperty("value").ValueKind);
        foreach (var column in new[] { "registeredVolunteers", "uniqueActiveVolunteers", "verifiedHours", "economicValueSar" })
        {
            var hidden = regions.Count(r => r.GetProperty(column).GetProperty("suppressed").GetBoolean());
            Assert.NotEqual(1, hidden);
            Assert.All(regions.Where(r => !r.GetProperty(column).GetProperty("suppressed").GetBoolean() && column is "registeredVolunteers" or "uniqueActiveVolunteers"),
                r => Assert.True(r.GetProperty(column).GetProperty("value").GetDecimal() >= 5));
        }
        var arabicPage = await app.Browser().GetStringAsync("/statistics?period=2026");
        Assert.Contains("أقل من ٥", arabicPage, StringComparison.Ordinal);
        var englishPage = await app.Browser("en").GetStringAsync("/statistics?period=2026");
        Assert.Contains("&lt;5", englishPage, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Exports_CarryTheDashboardsNumbers_AndNoPersonalData(TestDatabase database)
    {
        var app = fixture.For(database);
        var admin = await app.BrowserAsAsync("admin@athar.local");
        var api = await app.ApiAsAsync("admin@athar.local");
        var dashboard = await (await api.GetAsync("/api/v1/stats/dashboard?period=2026")).ReadJsonAsync();
        var regions = dashboard.GetProperty("tables").EnumerateArray().Single(t => t.GetProperty("id").GetString() == "regions");

        var csvResponse = await admin.GetAsync("/statistics/export/regions.csv?period=2026");
        var bytes = await csvResponse.Content.ReadAsByteArrayAsync();
        var xlsx = await (await admin.GetAsync("/statistics/export/regions.xlsx?period=2026")).Content.ReadAsByteArrayAsync();

        Assert.Equal("text/csv", csvResponse.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var csv = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var sheet = XlsxRows(xlsx);
        var rows = regions.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(rows.Count + 1, csv.Length);
        Assert.Equal(rows.Count + 1, sheet.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var values = rows[i].EnumerateArray().Skip(1).Select(c => c.GetProperty("value").GetDecimal().ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
            Assert.Equal(values, csv[i + 1].Split(',').Skip(1).ToList());
            Assert.Equal(values, sheet[i + 1].Skip(1).ToList());
        }

        var personal = await app.QueryAsync(async db => (await db.Volunteers.Select(v => v.NationalId).ToListAsync()).Concat(await db.Users.Select(u => u.Email!).ToListAsync()).ToList());
        foreach (var table in new[] { "indicators", "months", "regions", "fields", "gender", "age" })
        {
            var text = await admin.GetStringAsync($"/statistics/export/{table}.csv?period=2026");
            Assert.DoesNotContain(personal, p => text.Contains(p, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Csv_NeutralisesFormulas_ButKeepsNumbers()
    {
        var table = new Web.Features.Statistics.StatsTable("t", "T", ["=cmd", "n"], [[new("@SUM(A1)"), new("-5", -5m)]]);
        var csv = Encoding.UTF8.GetString(Web.Features.Statistics.TableExport.Csv(table)[3..]);
        Assert.Equal("'=cmd,n\r\n'@SUM(A1),-5\r\n", csv);
    }

    private static List<List<string>> XlsxRows(byte[] xlsx)
    {
        using var zip = new ZipArchive(new MemoryStream(xlsx));
        using var stream = zip.GetEntry("xl/worksheets/sheet1.xml")!.Open();
        XNamespace ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        return XDocument.Load(stream).Descendants(ns + "row")
            .Select(r => r.Elements(ns + "c").Select(c => (string?)c.Element(ns + "v") ?? string.Concat(c.Descendants(ns + "t").Select(t => t.Value))).ToList())
            .ToList();
    }
}
