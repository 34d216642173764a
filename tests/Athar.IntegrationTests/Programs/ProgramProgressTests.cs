using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Athar.Core.Accounts;
using Athar.Core.Attendance;
using Athar.Core.Statistics;
using Athar.Data.Participation;
using Athar.Data.Statistics;
using Athar.IntegrationTests.Infrastructure;
using Athar.IntegrationTests.Statistics;
using Athar.Web.Features.Participation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Athar.IntegrationTests.Programs;

/// <summary>
/// A program's progress on its page's API equals the same figures computed independently by plain LINQ over
/// the raw rows, and equals the national dashboard's program cut; linking after verification moves the hours too.
/// </summary>
public sealed class ProgramProgressTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static readonly DateOnly Start = new(2026, 1, 1);
    private static readonly DateOnly End = new(2026, 12, 31);

    private static async Task<Guid> CreateProgramAsync(HttpClient client, object body)
    {
        var response = await client.PostAsJsonAsync("/api/v1/programs", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.ReadJsonAsync()).GetProperty("id").GetGuid();
    }

    private static object PlatformProgram(string status = "active") => new
    {
        titleAr = "كن واحدًا من المليون", titleEn = "Be one of the million", descriptionAr = "برنامج وطني", startsOn = "2026-01-01", endsOn = "2026-12-31",
        targetVolunteers = 10, targetOpportunities = 5, targetHours = 100, targetBeneficiaries = 1000, status,
        tracks = new[] { new { nameAr = "تحفيز المتطوعين", nameEn = "Motivating volunteers" } },
    };

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Progress_EqualsIndependentComputation_AndTheDashboardsProgramCut(TestDatabase database)
    {
        var app = fixture.For(database);
        var s = new StatsScene(app);
        var admin = await app.ApiAsAsync("admin@athar.local");
        var programId = await CreateProgramAsync(admin, PlatformProgram());

        var (orgId, orgAdmin, _) = await app.CreateVerifiedOrganizationAsync();
        var staff = await app.ApiAsAsync(orgAdmin.Email, TestPeople.Password);
        var linked = await s.OpportunityAsync(orgId, 1, 101, 3, beneficiaries: 120);
        var linkedLater = await s.OpportunityAsync(orgId, 1, 101, 5, beneficiaries: 30);
        var outside = await s.OpportunityAsync(orgId, 1, 101, 3, beneficiaries: 500);
        var publishedLastYear = await app.CreatePublishedOpportunityAsync(orgId, [(new DateOnly(2025, 10, 1), new TimeOnly(9, 0), new TimeOnly(12, 0), 3)],
            change: o => { o.PublishedAt = new DateTimeOffset(2025, 9, 20, 6, 0, 0, TimeSpan.Zero); o.ExpectedBeneficiaries = 70; });

        foreach (var o in new[] { linked.Id, publishedLastYear.Id })
            Assert.Equal(HttpStatusCode.NoContent, (await staff.PostAsJsonAsync($"/api/v1/programs/{programId}/opportunities", new { opportunityId = o })).StatusCode);

        var v = new List<Guid>();
        for (var i = 0; i < 6; i++)
            v.Add(await s.VolunteerAsync(i % 2 == 0 ? Gender.Female : Gender.Male, new DateOnly(1990 + i, 3, 1)));
        // In the program and its period: approved, adjusted, pending (not counted), rejected (not counted), zero minutes.
        await s.HoursAsync(v[0], linked, new DateOnly(2026, 2, 3), 120, HoursStatus.Approved);
        await s.HoursAsync(v[0], linked, new DateOnly(2026, 11, 20), 90, HoursStatus.Approved);
        var adjusted = await s.HoursAsync(v[1], linked, new DateOnly(2026, 6, 1), 300, HoursStatus.Pending);
        await s.DecideAsync(adjusted, ReviewHours.Decision.Adjust, 200, "Left early");
        await s.HoursAsync(v[2], linked, new DateOnly(2026, 7, 7), 60, HoursStatus.Pending);
        var rejected = await s.HoursAsync(v[3], linked, new DateOnly(2026, 8, 8), 60, HoursStatus.Pending);
        await s.DecideAsync(rejected, ReviewHours.Decision.Reject, reason: "Absent");
        // Verified before the opportunity joins the program: counts once linked.
        await s.HoursAsync(v[4], linkedLater, new DateOnly(2026, 9, 9), 45, HoursStatus.Approved);
        // The previous window of equal length (before 1 January): counted as "previous" only.
        await s.HoursAsync(v[5], publishedLastYear, new DateOnly(2025, 10, 1), 180, HoursStatus.Approved);
        await s.HoursAsync(v[1], publishedLastYear, new DateOnly(2025, 12, 31), 30, HoursStatus.Approved);
        // Not in the program.
        await s.HoursAsync(v[3], outside, new DateOnly(2026, 5, 5), 600, HoursStatus.Approved);

        Assert.Equal(HttpStatusCode.NoContent, (await staff.PostAsJsonAsync($"/api/v1/programs/{programId}/opportunities", new { opportunityId = linkedLater.Id })).StatusCode);

        var progress = await (await admin.GetAsync($"/api/v1/programs/{programId}/progress")).ReadJsonAsync();

        // Independent computation: raw rows, plain LINQ.
        var today = new DateOnly(2026, 11, 23); // the test clock in Saudi time
        var elapsed = today.DayNumber - Start.DayNumber + 1;
        var total = End.DayNumber - Start.DayNumber + 1;
        var (previousFrom, previousTo) = (Start.AddDays(-elapsed), Start.AddDays(-1));
        var (hours, opportunities) = await app.QueryAsync(async db => (await db.VolunteerHours.AsNoTracking().ToListAsync(), await db.Opportunities.AsNoTracking().ToListAsync()));
        var inProgram = opportunities.Where(o => o.ProgramId == programId).Select(o => o.Id).ToHashSet();
        Dictionary<string, decimal> Figures(DateOnly from, DateOnly to)
        {
            var verified = hours.Where(h => h.Status == HoursStatus.Approved && h.Date >= from && h.Date <= to && inProgram.Contains(h.OpportunityId)).ToList();
            var saudi = TimeSpan.FromHours(3);
            var published = opportunities.Where(o => inProgram.Contains(o.Id) && o.PublishedAt is { } p
                && p >= new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), saudi) && p < new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), saudi)).ToList();
            return new()
            {
                ["uniqueVolunteers"] = verified.Where(h => h.CreditedMinutes > 0).Select(h => h.VolunteerId).Distinct().Count(),
                ["opportunities"] = published.Count,
                ["verifiedHours"] = Math.Round(verified.Sum(h => h.CreditedMinutes) / 60m, 2, MidpointRounding.AwayFromZero),
                ["beneficiaries"] = published.Sum(o => o.ExpectedBeneficiaries ?? 0),
            };
        }
        var actual = Figures(Start, today);
        var previous = Figures(previousFrom, previousTo);
        var targets = new Dictionary<string, decimal> { ["uniqueVolunteers"] = 10, ["opportunities"] = 5, ["verifiedHours"] = 100, ["beneficiaries"] = 1000 };

        // The fixture is what it claims to be: three volunteers, 455 minutes now; two volunteers, 3.5 hours before.
        Assert.Equal(3m, actual["uniqueVolunteers"]);
        Assert.Equal(7.58m, actual["verifiedHours"]); // 455 minutes
        Assert.Equal(2m, actual["opportunities"]);
        Assert.Equal(150m, actual["beneficiaries"]);
        Assert.Equal(2m, previous["uniqueVolunteers"]);
        Assert.Equal(3.5m, previous["verifiedHours"]);
        Assert.Equal(1m, previous["opportunities"]);

        Assert.Equal(elapsed, progress.GetProperty("elapsedDays").GetInt32());
        Assert.Equal(total, progress.GetProperty("totalDays").GetInt32());
        Assert.Equal(previousFrom, DateOnly.Parse(progress.GetProperty("previousFrom").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        foreach (var line in progress.GetProperty("lines").EnumerateArray())
        {
            var key = line.GetProperty("indicator").GetString()!;
            Assert.Equal(actual[key], line.GetProperty("actual").GetDecimal());
            Assert.Equal(previous[key], line.GetProperty("previous").GetDecimal());
            Assert.Equal(Math.Round(actual[key] * 100m / targets[key], 2, MidpointRounding.AwayFromZero), line.GetProperty("percent").GetDecimal());
            Assert.Equal(Math.Round(actual[key] / elapsed * total, 2, MidpointRounding.AwayFromZero), line.GetProperty("projected").GetDecimal());
            var growth = line.GetProperty("growth");
            if (previous[key] == 0)
                Assert.Equal(JsonValueKind.Null, growth.ValueKind);
            else
                Assert.Equal(Math.Round((actual[key] - previous[key]) / previous[key] * 100m, 1, MidpointRounding.AwayFromZero), growth.GetDecimal());
        }

        // The national dashboard's program cut for the year says the same (no hours are dated after today).
        await using var scope = app.Services.CreateAsyncScope();
        var indicators = scope.ServiceProvider.GetRequiredService<IndicatorQueries>();
        var rates = scope.ServiceProvider.GetRequiredService<IOptions<HourlyValueOptions>>().Value;
        var cut = await indicators.FiguresAsync(new StatsFilter(StatsPeriod.GregorianYear(2026)) { ProgramId = programId }, rates, app.Clock.GetUtcNow());
        Assert.Equal(actual["uniqueVolunteers"], cut[IndicatorKey.UniqueActiveVolunteers]);
        Assert.Equal(actual["verifiedHours"], cut[IndicatorKey.VerifiedHours]);
        Assert.Equal(actual["opportunities"], cut[IndicatorKey.OpportunitiesPublished]);
        Assert.Equal(actual["beneficiaries"], cut[IndicatorKey.Beneficiaries]);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Progress_ChangesWhenHoursAreApproved_AndUnlinkingTakesThemOut(TestDatabase database)
    {
        var app = fixture.For(database);
        var s = new StatsScene(app);
        var admin = await app.ApiAsAsync("admin@athar.local");
        var programId = await CreateProgramAsync(admin, PlatformProgram());
        var (orgId, orgAdmin, _) = await app.CreateVerifiedOrganizationAsync();
        var staff = await app.ApiAsAsync(orgAdmin.Email, TestPeople.Password);
        var opportunity = await s.OpportunityAsync(orgId, 1, 101, 3);
        await staff.PostAsJsonAsync($"/api/v1/programs/{programId}/opportunities", new { opportunityId = opportunity.Id });
        var volunteer = await s.VolunteerAsync(Gender.Female, new DateOnly(1999, 1, 1));
        var pending = await s.HoursAsync(volunteer, opportunity, new DateOnly(2026, 11, 1), 150, HoursStatus.Pending);

        async Task<decimal> HoursAsync() => (await (await admin.GetAsync($"/api/v1/programs/{programId}/progress")).ReadJsonAsync())
            .GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("indicator").GetString() == "verifiedHours").GetProperty("actual").GetDecimal();

        Assert.Equal(0m, await HoursAsync());
        await s.DecideAsync(pending, ReviewHours.Decision.Approve);
        Assert.Equal(2.5m, await HoursAsync());

        Assert.Equal(HttpStatusCode.NoContent, (await staff.DeleteAsync($"/api/v1/programs/{programId}/opportunities/{opportunity.Id}")).StatusCode);
        Assert.Equal(0m, await HoursAsync());
        var facts = await app.QueryAsync(db => db.StatsActivity.Where(a => a.OpportunityId == opportunity.Id).Select(a => a.ProgramId).ToListAsync());
        Assert.All(facts, p => Assert.Null(p));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Programs_AreOwnedAndLinkedOnlyByTheirOrganisations(TestDatabase database)
    {
        var app = fixture.For(database);
        var s = new StatsScene(app);
        var (orgA, adminA, _) = await app.CreateVerifiedOrganizationAsync();
        var (orgB, adminB, _) = await app.CreateVerifiedOrganizationAsync();
        var a = await app.ApiAsAsync(adminA.Email, TestPeople.Password);
        var b = await app.ApiAsAsync(adminB.Email, TestPeople.Password);
        var anonymous = app.Api();

        // Nobody but platform admins creates a platform program; an organisation's admins create only its own.
        Assert.Equal(HttpStatusCode.NotFound, (await a.PostAsJsonAsync("/api/v1/programs", PlatformProgram())).StatusCode);
        var draft = await CreateProgramAsync(a, new { organizationId = orgA, titleAr = "برنامج الجهة", descriptionAr = "وصف", startsOn = "2026-01-01", endsOn = "2026-06-30", status = "draft" });
        Assert.Equal(HttpStatusCode.NotFound, (await b.PostAsJsonAsync("/api/v1/programs", new { organizationId = orgA, titleAr = "x", descriptionAr = "y", startsOn = "2026-01-01", endsOn = "2026-01-02" })).StatusCode);

        // A draft is its owners' alone.
        Assert.Equal(HttpStatusCode.OK, (await a.GetAsync($"/api/v1/programs/{draft}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await b.GetAsync($"/api/v1/programs/{draft}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/v1/programs/{draft}/progress")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await b.PutAsJsonAsync($"/api/v1/programs/{draft}", new { titleAr = "x", descriptionAr = "y", startsOn = "2026-01-01", endsOn = "2026-01-02" })).StatusCode);

        // An organisation's program takes only its own opportunities; nobody links another organisation's opportunity.
        var opportunityB = await s.OpportunityAsync(orgB, 1, 101, 3);
        Assert.Equal(HttpStatusCode.NotFound, (await a.PostAsJsonAsync($"/api/v1/programs/{draft}/opportunities", new { opportunityId = opportunityB.Id })).StatusCode);
        var refused = await b.PostAsJsonAsync($"/api/v1/programs/{draft}/opportunities", new { opportunityId = opportunityB.Id });
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode); // the draft is not even visible to B
        Assert.Equal(HttpStatusCode.NoContent, (await a.PutAsJsonAsync($"/api/v1/programs/{draft}", new { titleAr = "برنامج الجهة", descriptionAr = "وصف", startsOn = "2026-01-01", endsOn = "2026-06-30", status = "active" })).StatusCode);
        var notAccepted = await b.PostAsJsonAsync($"/api/v1/programs/{draft}/opportunities", new { opportunityId = opportunityB.Id });
        Assert.Equal(HttpStatusCode.Conflict, notAccepted.StatusCode);
        Assert.Equal("program-not-accepting", (await notAccepted.ReadJsonAsync()).GetProperty("code").GetString());

        // Bad input: localised field errors, nothing saved.
        var bad = await a.PostAsJsonAsync("/api/v1/programs", new { organizationId = orgA, titleAr = "", descriptionAr = "وصف", startsOn = "2026-05-01", endsOn = "2026-04-01", targetHours = 0 });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.ReadJsonAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("titleAr", out _));
        Assert.True(errors.TryGetProperty("endsOn", out _));
        Assert.True(errors.TryGetProperty("targetHours", out _));

        // Visitors see an active program with small figures hidden: fewer than five volunteers is "null", not a number.
        var progress = await (await anonymous.GetAsync($"/api/v1/programs/{draft}/progress")).ReadJsonAsync();
        var volunteers = progress.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("indicator").GetString() == "uniqueVolunteers");
        Assert.Equal(JsonValueKind.Null, volunteers.GetProperty("actual").ValueKind);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Pages_ShowProgressInBothLanguages_AndTheDemoProgram(TestDatabase database)
    {
        var app = fixture.For(database);
        var demo = await app.QueryAsync(db => db.Programs.Where(p => p.Title.En == "Be one of the million" && p.CreatedBy == db.Users.Where(u => u.Email == "admin@athar.local").Select(u => u.Id).First() && p.Tracks.Count == 4).Select(p => new { p.Id, Linked = db.Opportunities.Count(o => o.ProgramId == p.Id) }).SingleAsync());
        Assert.True(demo.Linked > 0);

        var arabic = await (await app.Browser("ar").GetAsync($"/programs/{demo.Id}")).Content.ReadAsStringAsync();
        Assert.Contains("كن واحدًا من المليون", arabic, StringComparison.Ordinal);
        Assert.Contains("dir=\"rtl\"", arabic, StringComparison.Ordinal);
        Assert.Contains("١٠٠٬٠٠٠", arabic, StringComparison.Ordinal); // the target, in Arabic-Indic digits
        var english = await (await app.Browser("en").GetAsync("/programs")).Content.ReadAsStringAsync();
        Assert.Contains("Be one of the million", english, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Browser().GetAsync($"/programs/{Guid.NewGuid()}")).StatusCode);
    }
}
