using System.Net;
using System.Net.Http.Json;
using Athar.Core.Attendance;
using Athar.Core.Calendar;
using Athar.Core.Licensing;
using Athar.Core.Opportunities;
using Athar.Core.Training;
using Athar.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Athar.IntegrationTests.Training;

public sealed class LicenseTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task PassingThePractitionerCourse_IssuesTheLicenceOnce_AndFailingIssuesNothing(TestDatabase database)
    {
        var scene = await TrainingScene.CreateAsync(fixture.For(database));
        var course = await scene.CourseAsync(passingScore: 70);
        var (passer, passerClient) = await scene.VolunteerAsync();
        var (_, failerClient) = await scene.VolunteerAsync();

        await scene.TakeCourseAsync(passerClient, course, 70);
        scene.App.MoveToNextMorning();
        await scene.TakeCourseAsync(failerClient, course, 69);

        var licences = await TrainingScene.LicensesAsync(passerClient);
        var licence = Assert.Single(licences);
        Assert.Equal("practitioner", licence.GetProperty("level").GetString());
        Assert.Equal("active", licence.GetProperty("status").GetString());
        Assert.StartsWith("PR-", licence.GetProperty("number").GetString(), StringComparison.Ordinal);
        Assert.Empty(await TrainingScene.LicensesAsync(failerClient));
        // Looking again evaluates again, and issues nothing new.
        Assert.Single(await TrainingScene.LicensesAsync(passerClient));
        Assert.Equal(1, await scene.App.QueryAsync(db => db.LicenseEvents.CountAsync(e => db.Licenses.Any(l => l.Id == e.LicenseId && l.HolderUserId == passer.UserId))));
        var hours = await (await passerClient.GetAsync("/api/v1/me/enrollments")).ReadJsonAsync();
        Assert.Equal("passed", hours[0].GetProperty("status").GetString());
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task LicenceGatedOpportunity_RefusesWithoutALicence_AcceptsWithOne_AndRefusesTheDayAfterExpiry(TestDatabase database)
    {
        var scene = await TrainingScene.CreateAsync(fixture.For(database));
        var app = scene.App;
        var course = await scene.CourseAsync();
        var (person, volunteer) = await scene.VolunteerAsync();
        var (org, _, _) = await app.CreateVerifiedOrganizationAsync();

        async Task<HttpResponseMessage> ApplyAsync()
        {
            var opportunity = await app.CreatePublishedOpportunityAsync(org, [app.ShiftFromNow(TimeSpan.FromHours(3), TimeSpan.FromHours(2), 5)],
                change: o => o.RequiredLicense = LicenseRequirement.Practitioner);
            return await volunteer.PostAsJsonAsync($"/api/v1/shifts/{opportunity.Shifts[0].Id}/applications", new { });
        }

        var refused = await ApplyAsync();
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("license-required", (await refused.ReadJsonAsync()).GetProperty("code").GetString());

        await scene.TakeCourseAsync(volunteer, course, 90);
        app.MoveToNextMorning();
        Assert.Equal(HttpStatusCode.Created, (await ApplyAsync()).StatusCode);

        var expiresOn = await app.QueryAsync(db => db.Licenses.Where(l => l.HolderUserId == person.UserId).Select(l => l.ExpiresOn).SingleAsync());
        // 06:00 Saudi time on the expiry day: still valid all day.
        app.Clock.SetUtcNow(new DateTimeOffset(expiresOn.ToDateTime(new TimeOnly(6, 0)), TimeSpan.FromHours(3)).ToUniversalTime());
        Assert.Equal(expiresOn, DualDate.ToSaudiDate(app.Clock.GetUtcNow()));
        // Two years on, the earlier sign-in has expired: sign in again.
        volunteer = await app.ApiAsAsync(person.Email, TestPeople.Password);
        Assert.Equal("active", (await TrainingScene.LicensesAsync(volunteer))[0].GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Created, (await ApplyAsync()).StatusCode);

        app.MoveToNextMorning();
        Assert.Equal("expired", (await TrainingScene.LicensesAsync(volunteer))[0].GetProperty("status").GetString());
        var afterExpiry = await ApplyAsync();
        Assert.Equal("license-required", (await afterExpiry.ReadJsonAsync()).GetProperty("code").GetString());
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task TeamLeadership_IsNotIssued_WithoutAPractitionerLicenceAndVerifiedHours(TestDatabase database)
    {
        var scene = await TrainingScene.CreateAsync(fixture.For(database));
        var practitionerCourse = await scene.CourseAsync();
        var leadershipCourse = await scene.CourseAsync(LicenseLevel.TeamLeadership, prerequisites: [practitionerCourse]);
        var (_, volunteer) = await scene.VolunteerAsync();

        // The prerequisite is enforced at enrolment.
        var session = await scene.SessionAsync(leadershipCourse);
        var early = await volunteer.PostAsJsonAsync($"/api/v1/course-sessions/{session.Id}/enrollments", new { });
        Assert.Equal("prerequisites-missing", (await early.ReadJsonAsync()).GetProperty("code").GetString());

        await scene.TakeCourseAsync(volunteer, practitionerCourse, 80);
        scene.App.MoveToNextMorning();
        await scene.TakeCourseAsync(volunteer, leadershipCourse, 95);

        var levels = (await TrainingScene.LicensesAsync(volunteer)).Select(l => l.GetProperty("level").GetString()!).ToList();
        Assert.Equal(["practitioner"], levels);
    }

    private sealed record Leader(TrainingScene Scene, Guid UserId, HttpClient Supervisor, Func<int, Task<Guid>> PendingHoursAsync);

    /// <summary>
    /// A volunteer with the practitioner licence who has passed the team-leadership course, 46 verified
    /// hours (two 23-hour days), and an organisation whose supervisor can approve more (each call adds a
    /// pending record on one of the four days before today).
    /// </summary>
    private async Task<Leader> LeaderShortOfHoursAsync(TestDatabase database)
    {
        var scene = await TrainingScene.CreateAsync(fixture.For(database));
        var app = scene.App;
        var practitionerCourse = await scene.CourseAsync();
        var leadershipCourse = await scene.CourseAsync(LicenseLevel.TeamLeadership, prerequisites: [practitionerCourse]);
        var (person, volunteer) = await scene.VolunteerAsync();
        await scene.TakeCourseAsync(volunteer, practitionerCourse, 80);
        app.MoveToNextMorning();
        await scene.TakeCourseAsync(volunteer, leadershipCourse, 95);

        var (org, _, supervisor) = await app.CreateVerifiedOrganizationAsync();
        var today = DualDate.ToSaudiDate(app.Clock.GetUtcNow());
        var opportunity = await app.CreatePublishedOpportunityAsync(org, [.. Enumerable.Range(1, 4).Select(d => (today.AddDays(-d), new TimeOnly(0, 0), new TimeOnly(23, 30), 5))]);
        await app.CreateHoursAsync(org, opportunity, 0, person.UserId, 23 * 60, HoursStatus.Approved);
        await app.CreateHoursAsync(org, opportunity, 1, person.UserId, 23 * 60, HoursStatus.Approved);
        var nextShift = 2;
        return new Leader(scene, person.UserId, await app.ApiAsAsync(supervisor.Email, TestPeople.Password),
            minutes => app.CreateHoursAsync(org, opportunity, nextShift++, person.UserId, minutes, HoursStatus.Pending));
    }

    // Read straight from the database: /me/licenses evaluates too, and would hide a missed issuance.
    private static Task<List<LicenseLevel>> LevelsHeldAsync(Leader leader) =>
        leader.Scene.App.QueryAsync(db => db.Licenses.Where(l => l.HolderUserId == leader.UserId).OrderBy(l => l.Level).Select(l => l.Level).ToListAsync());

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task HoursApproval_ReachingTheMinimum_IssuesTeamLeadershipOnce_AndApprovingOrAdjustingAgainIssuesNoSecond(TestDatabase database)
    {
        var leader = await LeaderShortOfHoursAsync(database);
        var threeHours = await leader.PendingHoursAsync(180);
        var twoHours = await leader.PendingHoursAsync(120);

        Assert.Equal(HttpStatusCode.NoContent, (await leader.Supervisor.PostAsync($"/api/v1/hours/{threeHours}/approve", null)).StatusCode);
        Assert.Equal([LicenseLevel.Practitioner], await LevelsHeldAsync(leader)); // 49 hours.

        var approvals = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => leader.Supervisor.PostAsync($"/api/v1/hours/{twoHours}/approve", null)));
        Assert.All(approvals, r => Assert.Equal(HttpStatusCode.NoContent, r.StatusCode));
        Assert.Equal([LicenseLevel.Practitioner, LicenseLevel.TeamLeadership], await LevelsHeldAsync(leader)); // 51 hours.

        var adjusted = await leader.Supervisor.PostAsJsonAsync($"/api/v1/hours/{twoHours}/adjust", new { minutes = 90, reason = "استراحة طويلة" });
        Assert.Equal(HttpStatusCode.NoContent, adjusted.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await leader.Supervisor.PostAsync($"/api/v1/hours/{threeHours}/approve", null)).StatusCode);
        Assert.Equal([LicenseLevel.Practitioner, LicenseLevel.TeamLeadership], await LevelsHeldAsync(leader));
        var events = await leader.Scene.App.QueryAsync(db => db.LicenseEvents
            .Where(e => db.Licenses.Any(l => l.Id == e.LicenseId && l.HolderUserId == leader.UserId && l.Level == LicenseLevel.TeamLeadership))
            .Select(e => e.Action).ToListAsync());
        Assert.Equal([LicenseAction.Issued], events);
        Assert.Equal(2, await leader.Scene.App.QueryAsync(db => db.Notifications.CountAsync(n => n.UserId == leader.UserId && n.Kind == "LicenseIssued")));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task HoursApproval_StayingUnderTheMinimum_IssuesNoTeamLeadership(TestDatabase database)
    {
        var leader = await LeaderShortOfHoursAsync(database);
        var hours = await leader.PendingHoursAsync(235);

        Assert.Equal(HttpStatusCode.NoContent, (await leader.Supervisor.PostAsync($"/api/v1/hours/{hours}/approve", null)).StatusCode);

        Assert.Equal([LicenseLevel.Practitioner], await LevelsHeldAsync(leader)); // 49 h 55 min.
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Revocation_NeedsAReason_IsFinal_AndIsNotUndoneByAutomaticIssuance(TestDatabase database)
    {
        var scene = await TrainingScene.CreateAsync(fixture.For(database));
        var course = await scene.CourseAsync();
        var (_, volunteer) = await scene.VolunteerAsync();
        await scene.TakeCourseAsync(volunteer, course, 85);
        var id = (await TrainingScene.LicensesAsync(volunteer))[0].GetProperty("id").GetGuid();

        var noReason = await scene.Admin.PostAsJsonAsync($"/api/v1/admin/licenses/{id}/revoke", new { reason = "" });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await scene.Admin.PostAsJsonAsync($"/api/v1/admin/licenses/{id}/suspend", new { reason = "تحقق من بلاغ" })).StatusCode);
        Assert.Equal("suspended", (await TrainingScene.LicensesAsync(volunteer))[0].GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.NoContent, (await scene.Admin.PostAsJsonAsync($"/api/v1/admin/licenses/{id}/revoke", new { reason = "مخالفة جسيمة" })).StatusCode);
        var reinstate = await scene.Admin.PostAsJsonAsync($"/api/v1/admin/licenses/{id}/reinstate", new { reason = "" });
        Assert.Equal("license-state-conflict", (await reinstate.ReadJsonAsync()).GetProperty("code").GetString());

        var licence = (await TrainingScene.LicensesAsync(volunteer))[0];
        Assert.Equal("revoked", licence.GetProperty("status").GetString());
        Assert.Equal("مخالفة جسيمة", licence.GetProperty("stateReason").GetString());
        var history = await (await scene.Admin.GetAsync($"/api/v1/admin/licenses/{id}")).ReadJsonAsync();
        Assert.Equal(["issued", "suspended", "revoked"], history.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("action").GetString()!).ToArray());
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Renewal_IsRefusedBeforeItsWindow_AndOnlyTheHolderOrAnAdminSeesTheLicence(TestDatabase database)
    {
        var scene = await TrainingScene.CreateAsync(fixture.For(database));
        var course = await scene.CourseAsync();
        var (_, volunteer) = await scene.VolunteerAsync();
        var (_, stranger) = await scene.VolunteerAsync();
        await scene.TakeCourseAsync(volunteer, course, 85);
        var id = (await TrainingScene.LicensesAsync(volunteer))[0].GetProperty("id").GetGuid();

        var early = await volunteer.PostAsync($"/api/v1/me/licenses/{id}/renew", null);
        Assert.Equal("renewal-too-early", (await early.ReadJsonAsync()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsync($"/api/v1/me/licenses/{id}/renew", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.GetAsync($"/api/v1/admin/licenses/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/me/documents/license/{id}")).StatusCode);
    }
}
