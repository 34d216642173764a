using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Athar.Core.Accounts;
using Athar.Core.Attendance;
using Athar.Core.Licensing;
using Athar.Core.Recognition;
using Athar.Data.Organizations;
using Athar.IntegrationTests.Infrastructure;
using Athar.IntegrationTests.Statistics;
using Athar.IntegrationTests.Training;
using Athar.Web.Features.Participation;
using Athar.Web.Features.Recognition;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Athar.IntegrationTests.Recognition;

/// <summary>Badges exactly once, tiers from lifetime hours, rankings (ties, opt-in, region) and the Volunteer Day thank-you.</summary>
public sealed class RecognitionTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static async Task OptInAsync(AtharAppFactory app, Guid userId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<RecognitionQueries>().SetRankingConsentAsync(userId, true, default);
    }

    private static async Task AsTeamAsync(AtharAppFactory app, Guid hoursId, Guid teamId) =>
        await app.QueryAsync(async db =>
        {
            var applicationId = await db.VolunteerHours.Where(h => h.Id == hoursId).Join(db.Attendance, h => h.AttendanceId, a => a.Id, (_, a) => a.ApplicationId).SingleAsync();
            return await db.Applications.Where(a => a.Id == applicationId).ExecuteUpdateAsync(a => a.SetProperty(x => x.TeamId, teamId));
        });

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task ConcurrentApprovals_AwardEachBadgeExactlyOnce_WithOneNotificationEach(TestDatabase database)
    {
        var app = fixture.For(database);
        var s = new StatsScene(app);
        var organization = await s.OrganizationAsync(1, 101, OrganizationType.NonProfitAssociation);
        var opportunity = await s.OpportunityAsync(organization, 1, 101, 3);
        var volunteer = await s.VolunteerAsync(Gender.Female, new DateOnly(1999, 5, 5));
        var ids = new List<Guid>();
        for (var i = 0; i < 8; i++)
            ids.Add(await s.HoursAsync(volunteer, opportunity, new DateOnly(2026, 10, 1).AddDays(i), 400, HoursStatus.Pending));

        await Task.WhenAll(ids.Select(id => Task.Run(() => s.DecideAsync(id, Athar.Web.Features.Participation.ReviewHours.Decision.Approve))));
        await using (var scope = app.Services.CreateAsyncScope())
            Assert.Empty(await scope.ServiceProvider.GetRequiredService<Recognizer>().EvaluateAsync(volunteer));

        var badges = await app.QueryAsync(db => db.VolunteerBadges.Where(b => b.UserId == volunteer).Select(b => b.Badge).ToListAsync());
        Assert.Equal(new[] { Badge.FirstOpportunity, Badge.Hours50 }, badges.Order());
        Assert.Equal(2, await app.QueryAsync(db => db.Notifications.CountAsync(n => n.UserId == volunteer && n.Kind == "BadgeAwarded")));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task PassingACourse_IssuesTheFirstLicence_AndItsBadgeOnce_ShownWithTheTierOnTheRecord(TestDatabase database)
    {
        var app = fixture.For(database);
        var training = await TrainingScene.CreateAsync(app);
        var (person, client) = await training.VolunteerAsync();
        var course = await training.CourseAsync(LicenseLevel.Practitioner);

        await training.TakeCourseAsync(client, course, 90);
        var licences = await client.GetAsync("/api/v1/me/licenses"); // evaluates again: nothing new
        var mine = await (await client.GetAsync("/api/v1/me/recognition")).ReadJsonAsync();
        var record = await (await app.BrowserAsAsync(person.Email, TestPeople.Password, "en")).GetStringAsync("/record");

        Assert.Equal(HttpStatusCode.OK, licences.StatusCode);
        Assert.Equal(new[] { "firstLicense" }, mine.GetProperty("badges").EnumerateArray().Select(b => b.GetProperty("badge").GetString()));
        Assert.Equal("none", mine.GetProperty("tier").GetString());
        Assert.False(mine.GetProperty("showInRankings").GetBoolean());
        Assert.Equal(1, await app.QueryAsync(db => db.Notifications.CountAsync(n => n.UserId == person.UserId && n.Kind == "BadgeAwarded")));
        Assert.Contains("data-badge=\"FirstLicense\"", record, StringComparison.Ordinal);
        Assert.Contains("data-tier=\"None\"", record, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Rankings_ShareRanksOnTies_NeverShowThoseWhoDidNotOptIn_AndFilterByRegion(TestDatabase database)
    {
        var app = fixture.For(database);
        var s = new StatsScene(app);
        var bahahOrg = await s.OrganizationAsync(12, 1201, OrganizationType.NonProfitAssociation);
        var jawfOrg = await s.OrganizationAsync(13, 1301, OrganizationType.Government);
        var bahah = await s.OpportunityAsync(bahahOrg, 12, 1201, 3, beneficiaries: 70);
        var jawf = await s.OpportunityAsync(jawfOrg, 13, 1301, 4);
        var day = new DateOnly(2025, 3, 10);
        var a = await s.VolunteerAsync(Gender.Female, new DateOnly(1990, 1, 1));
        var b = await s.VolunteerAsync(Gender.Male, new DateOnly(1991, 1, 1));
        var c = await s.VolunteerAsync(Gender.Female, new DateOnly(1992, 1, 1));
        var hidden = await s.VolunteerAsync(Gender.Male, new DateOnly(1993, 1, 1));
        var north = await s.VolunteerAsync(Gender.Female, new DateOnly(1994, 1, 1), 13, 1301);
        foreach (var v in new[] { a, b, c, north })
            await OptInAsync(app, v);
        await s.HoursAsync(a, bahah, day, 120, HoursStatus.Approved);
        await s.HoursAsync(b, bahah, day, 120, HoursStatus.Approved);
        await s.HoursAsync(c, bahah, day, 60, HoursStatus.Approved);
        await s.HoursAsync(hidden, bahah, day, 600, HoursStatus.Approved);
        await s.HoursAsync(north, jawf, day, 900, HoursStatus.Approved);
        var api = app.Api("en");

        var regional = await (await api.GetAsync("/api/v1/rankings?period=2025-03&regionId=12")).ReadJsonAsync();
        var national = await (await api.GetAsync("/api/v1/rankings?period=2025-03")).ReadJsonAsync();
        var page = await app.Browser("en").GetStringAsync("/rankings?period=2025-03&regionId=12");

        static List<(int Rank, Guid Id, decimal Value)> Rows(JsonElement json, string list) =>
            json.GetProperty(list).EnumerateArray().Select(r => (r.GetProperty("rank").GetInt32(), r.GetProperty("id").GetGuid(), r.GetProperty("value").GetDecimal())).ToList();
        var volunteers = Rows(regional, "volunteers");
        Assert.Equal(new[] { 1, 1, 3 }, volunteers.Select(r => r.Rank));
        Assert.Equal(new[] { a, b }.Order(), volunteers.Take(2).Select(r => r.Id).Order());
        Assert.Equal(c, volunteers[2].Id);
        Assert.Equal(new[] { 2m, 2m, 1m }, volunteers.Select(r => r.Value));
        Assert.DoesNotContain(Rows(national, "volunteers"), r => r.Id == hidden);
        Assert.DoesNotContain(volunteers, r => r.Id == north);
        Assert.Equal((1, north), (Rows(national, "volunteers")[0].Rank, Rows(national, "volunteers")[0].Id));
        // Organisations count everyone's hours (the dashboard's figures), the hidden volunteer's too.
        Assert.Equal(new[] { (1, bahahOrg, 15m) }, Rows(regional, "organizations"));
        Assert.Equal(new[] { (1, jawfOrg, 15m), (1, bahahOrg, 15m) }.OrderBy(r => r.Item2), Rows(national, "organizations").OrderBy(r => r.Id));
        var volunteersTable = page[page.IndexOf("id=\"ranking-volunteers\"", StringComparison.Ordinal)..];
        volunteersTable = volunteersTable[..volunteersTable.IndexOf("</table>", StringComparison.Ordinal)];
        Assert.Equal(3, volunteersTable.Split("class=\"ranking-row\"").Length - 1);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Rankings_TeamsRankByTeamHoursOnly_AndBadInputIsExplained(TestDatabase database)
    {
        var app = fixture.For(database);
        var s = new StatsScene(app);
        var organization = await s.OrganizationAsync(11, 1101, OrganizationType.NonProfitAssociation);
        var opportunity = await s.OpportunityAsync(organization, 11, 1101, 3);
        var member = await s.VolunteerAsync(Gender.Female, new DateOnly(1990, 1, 1));
        var team = Guid.NewGuid();
        await app.QueryAsync(async db =>
        {
            db.Teams.Add(new Data.Teams.Team
            {
                Id = team, OrganizationId = organization, Name = new Core.Localization.LocalizedText("فريق نجران"), RegionId = 11, CityId = 1101,
                LeaderUserId = member, CreatedAt = app.Clock.GetUtcNow(), CreatedBy = member,
            });
            return await db.SaveChangesAsync();
        });
        var withTeam = await s.HoursAsync(member, opportunity, new DateOnly(2025, 4, 2), 180, HoursStatus.Approved);
        await s.HoursAsync(member, opportunity, new DateOnly(2025, 4, 3), 600, HoursStatus.Approved);
        await AsTeamAsync(app, withTeam, team);
        var api = app.Api("en");

        var json = await (await api.GetAsync("/api/v1/rankings?period=2025-04&regionId=11")).ReadJsonAsync();
        var bad = await api.GetAsync("/api/v1/rankings?period=2025-13&by=everything&regionId=99");

        var teams = json.GetProperty("teams").EnumerateArray().ToList();
        Assert.Single(teams);
        Assert.Equal(team, teams[0].GetProperty("id").GetGuid());
        Assert.Equal(3m, teams[0].GetProperty("value").GetDecimal());
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.ReadJsonAsync()).GetProperty("errorCodes");
        Assert.True(errors.TryGetProperty("period", out _) && errors.TryGetProperty("by", out _) && errors.TryGetProperty("regionId", out _));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task VolunteerDay_ThanksEveryVolunteerWithHoursThatYear_ExactlyOnce_EvenWhenRunTwiceAtOnce(TestDatabase database)
    {
        var app = fixture.For(database);
        var s = new StatsScene(app);
        var organization = await s.OrganizationAsync(1, 101, OrganizationType.NonProfitAssociation);
        var opportunity = await s.OpportunityAsync(organization, 1, 101, 3);
        var active = await s.VolunteerAsync(Gender.Female, new DateOnly(1990, 1, 1));
        var lastYearOnly = await s.VolunteerAsync(Gender.Male, new DateOnly(1990, 1, 1));
        await s.HoursAsync(active, opportunity, new DateOnly(2026, 2, 1), 90, HoursStatus.Approved);
        await s.HoursAsync(active, opportunity, new DateOnly(2026, 6, 1), 30, HoursStatus.Approved);
        await s.HoursAsync(active, opportunity, new DateOnly(2026, 7, 1), 300, HoursStatus.Pending);
        await s.HoursAsync(lastYearOnly, opportunity, new DateOnly(2025, 6, 1), 120, HoursStatus.Approved);
        var job = app.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<VolunteerDayJob>().Single();
        int Thanks(Guid id) => app.QueryAsync(db => db.Notifications.CountAsync(n => n.UserId == id && n.Kind == "VolunteerDayThanks")).GetAwaiter().GetResult();

        // 4 December, 23:30 in Riyadh: not yet.
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 4, 23, 30, 0, TimeSpan.FromHours(3)).ToUniversalTime());
        await job.RunOnceAsync();
        Assert.Equal(0, Thanks(active));

        // 5 December, 00:30 in Riyadh (still the 4th in UTC): twice at once, then again.
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 5, 0, 30, 0, TimeSpan.FromHours(3)).ToUniversalTime());
        await Task.WhenAll(Task.Run(() => job.RunOnceAsync()), Task.Run(() => job.RunOnceAsync()));
        await job.RunOnceAsync();

        Assert.Equal(1, Thanks(active));
        Assert.Equal(0, Thanks(lastYearOnly));
        var notification = await app.QueryAsync(db => db.Notifications.SingleAsync(n => n.UserId == active && n.Kind == "VolunteerDayThanks"));
        // Year, hours (pending excluded), opportunities, organisations, value at the default 21.67 SAR an hour.
        Assert.Equal("2026|2|1|1|43.34", notification.Arguments);
        Assert.Equal(1, await app.QueryAsync(db => db.VolunteerDayThanks.CountAsync(t => t.UserId == active && t.Year == 2026)));
        await using var scope = app.Services.CreateAsyncScope();
        var texts = scope.ServiceProvider.GetRequiredService<NotificationTexts>();
        using (Athar.Web.Localization.CultureScope.For("en"))
            Assert.Contains("2 verified hours", texts.Render(notification), StringComparison.Ordinal);
    }
}
