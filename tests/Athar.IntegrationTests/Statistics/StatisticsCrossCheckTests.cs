using System.Globalization;
using System.Text.Json;
using Athar.Core.Accounts;
using Athar.Core.Attendance;
using Athar.Core.Opportunities;
using Athar.Core.Statistics;
using Athar.Core.Licensing;
using Athar.Core.Training;
using Athar.Data.Organizations;
using Athar.Data.Statistics;
using Athar.IntegrationTests.Infrastructure;
using Athar.Web.Features.Participation;
using Athar.Web.Features.Statistics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Athar.IntegrationTests.Statistics;

/// <summary>
/// Every indicator on the dashboard equals the same indicator computed independently from the raw rows,
/// for several cuts, on both databases; the rebuild reproduces the trigger-maintained aggregates exactly;
/// concurrent approvals lose nothing.
/// </summary>
public sealed class StatisticsCrossCheckTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private sealed record World(AtharAppFactory App, Guid OrgRiyadh, Guid OrgMakkah, Guid Program, Guid Both, Guid Teen, Guid Elder);

    private static readonly SemaphoreSlim Once = new(1, 1);
    private static readonly Dictionary<TestDatabase, World> Worlds = [];

    /// <summary>
    /// Two organisations in two regions; one volunteer ("Both") active in both regions and both organisations,
    /// in two fields and across a Hijri month boundary; approvals, adjustments and rejections through the
    /// app's use case; hours in the previous year; a no-show; flagged hours.
    /// </summary>
    private async Task<World> WorldAsync(TestDatabase database)
    {
        await Once.WaitAsync();
        try
        {
            if (Worlds.TryGetValue(database, out var existing))
                return existing;
            var app = fixture.For(database);
            var s = new StatsScene(app);
            var orgRiyadh = await s.OrganizationAsync(1, 101, OrganizationType.NonProfitAssociation);
            var orgMakkah = await s.OrganizationAsync(2, 202, OrganizationType.Government);
            var program = await s.ProgramAsync();
            var riyadhSocial = await s.OpportunityAsync(orgRiyadh, 1, 101, 3, beneficiaries: 40);
            var riyadhInMakkah = await s.OpportunityAsync(orgRiyadh, 2, 201, 16, VolunteeringType.Skilled, programId: program);
            var makkahHealth = await s.OpportunityAsync(orgMakkah, 2, 202, 1, VolunteeringType.Professional, beneficiaries: 100);

            var both = await s.VolunteerAsync(Gender.Female, new DateOnly(1995, 11, 15));
            var teen = await s.VolunteerAsync(Gender.Male, new DateOnly(2009, 11, 10), regionId: 2, cityId: 202);
            var elder = await s.VolunteerAsync(Gender.Male, new DateOnly(1960, 2, 29), regionId: 2, cityId: 201);

            // "Both": Riyadh (org Riyadh), Makkah (org Riyadh's opportunity there, and org Makkah).
            await s.HoursAsync(both, riyadhSocial, new DateOnly(2026, 11, 5), 180, HoursStatus.Approved);
            var h2 = await s.HoursAsync(both, riyadhInMakkah, new DateOnly(2026, 11, 20), 240, HoursStatus.Pending);
            await s.DecideAsync(h2, ReviewHours.Decision.Approve);
            var h3 = await s.HoursAsync(both, makkahHealth, new DateOnly(2026, 10, 28), 300, HoursStatus.Pending, HoursConcerns.OverlapsAnotherOrganization);
            await s.DecideAsync(h3, ReviewHours.Decision.Adjust, 200, "Arrived late");
            await s.HoursAsync(both, makkahHealth, new DateOnly(2025, 6, 15), 120, HoursStatus.Approved);

            // Teen: under 18 until 10 November 2027; one approved, one rejected, one approved then adjusted.
            await s.HoursAsync(teen, makkahHealth, new DateOnly(2026, 11, 9), 90, HoursStatus.Approved);
            var rejected = await s.HoursAsync(teen, makkahHealth, new DateOnly(2026, 11, 10), 60, HoursStatus.Pending, HoursConcerns.LateEntry);
            await s.DecideAsync(rejected, ReviewHours.Decision.Reject, reason: "Not present");
            var adjusted = await s.HoursAsync(teen, riyadhInMakkah, new DateOnly(2026, 3, 10), 200, HoursStatus.Approved);
            await s.DecideAsync(adjusted, ReviewHours.Decision.Adjust, 150, "Break not counted");

            // Elder (born on 29 February): Riyadh social, and a no-show on an ended shift.
            await s.HoursAsync(elder, riyadhSocial, new DateOnly(2026, 2, 28), 60, HoursStatus.Approved);
            await s.HoursAsync(elder, riyadhSocial, new DateOnly(2026, 3, 1), 45, HoursStatus.Approved);
            await s.HoursAsync(elder, makkahHealth, new DateOnly(2026, 11, 12), 0, HoursStatus.Approved, attended: false);
            await s.HoursAsync(elder, riyadhSocial, new DateOnly(2026, 8, 1), 30, HoursStatus.Pending);

            // Training results (a fail counts: the person attended; a withdrawal does not) and licences in every state.
            var saudi = TimeSpan.FromHours(3);
            await s.CourseResultAsync(both, 6m, EnrollmentStatus.Passed, new DateTimeOffset(2026, 11, 10, 10, 0, 0, saudi));
            await s.CourseResultAsync(both, 12.5m, EnrollmentStatus.Passed, new DateTimeOffset(2026, 1, 1, 0, 30, 0, saudi));
            await s.CourseResultAsync(teen, 6m, EnrollmentStatus.Failed, new DateTimeOffset(2026, 3, 31, 23, 30, 0, saudi));
            await s.CourseResultAsync(elder, 4m, EnrollmentStatus.Withdrawn, new DateTimeOffset(2026, 5, 1, 9, 0, 0, saudi));
            await s.CourseResultAsync(elder, 3m, EnrollmentStatus.Passed, new DateTimeOffset(2025, 12, 31, 23, 59, 0, saudi));
            await s.LicenseAsync(LicenseLevel.Practitioner, both, null, new DateOnly(2025, 6, 1), new DateOnly(2027, 6, 1));
            await s.LicenseAsync(LicenseLevel.TeamLeadership, both, null, new DateOnly(2026, 12, 1), new DateOnly(2028, 12, 1));
            await s.LicenseAsync(LicenseLevel.Practitioner, teen, null, new DateOnly(2026, 1, 5), new DateOnly(2028, 1, 5), LicenseState.Suspended);
            await s.LicenseAsync(LicenseLevel.Practitioner, elder, null, new DateOnly(2024, 1, 1), new DateOnly(2026, 3, 31));
            await s.LicenseAsync(LicenseLevel.Management, null, orgMakkah, new DateOnly(2026, 2, 1), new DateOnly(2028, 2, 1));
            // Teams: one active since March 2026; one from May 2025 closed mid-June 2026 (active at the end of 2025 and of Q1 2026, not of 2026).
            await s.TeamAsync(orgRiyadh, both, 1, 101, new DateTimeOffset(2026, 3, 1, 9, 0, 0, saudi));
            await s.TeamAsync(orgMakkah, elder, 2, 202, new DateTimeOffset(2025, 5, 1, 9, 0, 0, saudi), new DateTimeOffset(2026, 6, 15, 12, 0, 0, saudi));

            var world = new World(app, orgRiyadh, orgMakkah, program, both, teen, elder);
            Worlds[database] = world;
            return world;
        }
        finally
        {
            Once.Release();
        }
    }

    private static IEnumerable<StatsFilter> Cuts(World w)
    {
        var y2026 = StatsPeriod.GregorianYear(2026);
        yield return new StatsFilter(y2026);
        yield return new StatsFilter(StatsPeriod.GregorianYear(2025));
        yield return new StatsFilter(StatsPeriod.ForMonth(2026, 11));
        yield return new StatsFilter(StatsPeriod.ForQuarter(2026, 1));
        yield return new StatsFilter(StatsPeriod.Hijri(1448));
        yield return new StatsFilter(y2026) { RegionId = 1 };
        yield return new StatsFilter(y2026) { RegionId = 2 };
        yield return new StatsFilter(y2026) { RegionId = 2, CityId = 202 };
        yield return new StatsFilter(y2026) { OrganizationId = w.OrgRiyadh };
        yield return new StatsFilter(y2026) { OrganizationId = w.OrgMakkah, RegionId = 2 };
        yield return new StatsFilter(y2026) { FieldId = 1 };
        yield return new StatsFilter(y2026) { Gender = (int)Gender.Male };
        yield return new StatsFilter(y2026) { AgeBand = AgeBand.Under18 };
        yield return new StatsFilter(y2026) { AgeBand = AgeBand.From65 };
        yield return new StatsFilter(y2026) { OrganizationType = (int)OrganizationType.Government };
        yield return new StatsFilter(y2026) { ProgramId = w.Program };
    }

    private static decimal? Number(JsonElement e) => e.ValueKind == JsonValueKind.Null ? null : e.GetDecimal();

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Dashboard_EqualsIndependentComputation_ForEveryIndicatorAndCut(TestDatabase database)
    {
        var w = await WorldAsync(database);
        var admin = await w.App.ApiAsAsync("admin@athar.local");
        var raw = await w.App.QueryAsync(IndependentFigures.LoadAsync);
        var now = w.App.Clock.GetUtcNow();
        var compared = 0;

        foreach (var cut in Cuts(w))
        {
            var json = await (await admin.GetAsync("/api/v1/stats/dashboard?" + StatsRequest.QueryString(cut))).ReadJsonAsync();
            foreach (var indicator in json.GetProperty("indicators").EnumerateArray())
            {
                var key = Enum.Parse<IndicatorKey>(indicator.GetProperty("key").GetString()!);
                if (!indicator.GetProperty("available").GetBoolean() || !indicator.GetProperty("applies").GetBoolean())
                    continue;
                var expected = raw.Figure(key, cut, now);
                Assert.True(expected == Number(indicator.GetProperty("value")), $"{key} for {StatsRequest.QueryString(cut)}: expected {expected}, dashboard {indicator.GetProperty("value")}");
                compared++;
            }
        }
        Assert.True(compared > 150, compared.ToString(CultureInfo.InvariantCulture));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task VolunteerActiveInTwoRegionsAndTwoOrganizations_CountsOnceNationally_AndOnceInEachRegion(TestDatabase database)
    {
        var w = await WorldAsync(database);
        var admin = await w.App.ApiAsAsync("admin@athar.local");
        var raw = await w.App.QueryAsync(IndependentFigures.LoadAsync);
        var cut = new StatsFilter(StatsPeriod.ForMonth(2026, 11));

        var json = await (await admin.GetAsync("/api/v1/stats/dashboard?period=2026-11")).ReadJsonAsync();
        var regions = json.GetProperty("tables").EnumerateArray().Single(t => t.GetProperty("id").GetString() == "regions");
        var shown = regions.GetProperty("rows").EnumerateArray().ToDictionary(r => r[0].GetProperty("text").GetString()!, r => r[1].GetProperty("value").GetDecimal());
        var expected = raw.VolunteersByRegion(cut);

        Assert.Equal(expected[1], shown["الرياض"]);
        Assert.Equal(expected[2], shown["مكة المكرمة"]);
        var ownMonth = await (await admin.GetAsync($"/api/v1/stats/dashboard?period=2026-11&organizationId={w.OrgRiyadh}")).ReadJsonAsync();
        var national = json.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("key").GetString() == "UniqueActiveVolunteers").GetProperty("value").GetDecimal();
        Assert.True(national < shown.Values.Sum(), "a person active in two regions is counted once nationally");
        // Organisation Riyadh's only November volunteer worked for it in two regions: one person.
        Assert.Equal(1, ownMonth.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("key").GetString() == "UniqueActiveVolunteers").GetProperty("value").GetDecimal());
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Rebuild_ProducesTheSameAggregatesAndFigures_AsTheTriggers(TestDatabase database)
    {
        var w = await WorldAsync(database);
        var admin = await w.App.ApiAsAsync("admin@athar.local");
        Task<List<string>> RowsAsync() => new StatsScene(w.App).FactRowsAsync();
        async Task<List<string>> FiguresAsync()
        {
            var all = new List<string>();
            foreach (var cut in Cuts(w))
                all.Add(await admin.GetStringAsync("/api/v1/stats/dashboard?" + StatsRequest.QueryString(cut)));
            return all;
        }

        var rowsBefore = await RowsAsync();
        var figuresBefore = await FiguresAsync();
        await using (var scope = w.App.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<StatsRebuild>().RunAsync();
        var rowsAfter = await RowsAsync();
        var figuresAfter = await FiguresAsync();

        Assert.NotEmpty(rowsBefore);
        Assert.Equal(rowsBefore, rowsAfter);
        Assert.Equal(figuresBefore, figuresAfter);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task ConcurrentApprovals_OfTheSameVolunteerMonthAndOpportunity_LoseNoIncrement(TestDatabase database)
    {
        var w = await WorldAsync(database);
        var s = new StatsScene(w.App);
        var volunteer = await s.VolunteerAsync(Gender.Female, new DateOnly(1990, 1, 1));
        var organization = await s.OrganizationAsync(1, 102, OrganizationType.University);
        var opportunity = await s.OpportunityAsync(organization, 1, 102, 20);
        var ids = new List<Guid>();
        for (var i = 0; i < 16; i++)
            ids.Add(await s.HoursAsync(volunteer, opportunity, new DateOnly(2026, 11, 1).AddDays(i), 30 + i, HoursStatus.Pending));

        await Task.WhenAll(ids.Select(id => Task.Run(() => s.DecideAsync(id, ReviewHours.Decision.Approve))));

        var (minutes, records) = await w.App.QueryAsync(async db =>
        {
            var rows = await db.StatsActivity.Where(a => a.VolunteerId == volunteer).ToListAsync();
            return (rows.Sum(r => r.Minutes), rows.Sum(r => r.Records));
        });
        Assert.Equal(Enumerable.Range(0, 16).Sum(i => 30 + i), minutes);
        Assert.Equal(16, records);
    }
}
