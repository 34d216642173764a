using System.Net;
using System.Net.Http.Json;
using Athar.Core.Accounts;
using Athar.Core.Training;
using Athar.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Athar.IntegrationTests.Training;

public sealed class EnrollmentTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task ConcurrentEnrolments_NeverOversellASession(TestDatabase database)
    {
        var scene = await TrainingScene.CreateAsync(fixture.For(database));
        var course = await scene.CourseAsync();
        var session = await scene.SessionAsync(course, seats: 3);
        var trainees = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => scene.VolunteerAsync()));

        var responses = await Task.WhenAll(trainees.Select(t => t.Client.PostAsJsonAsync($"/api/v1/course-sessions/{session.Id}/enrollments", new { })));

        Assert.Equal(3, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
            Assert.Equal("session-full", (await refused.ReadJsonAsync()).GetProperty("code").GetString());
        Assert.Equal(3, await scene.App.QueryAsync(db => db.CourseSessions.Where(s => s.Id == session.Id).Select(s => s.Enrolled).SingleAsync()));
        Assert.Equal(3, await scene.App.QueryAsync(db => db.CourseEnrollments.CountAsync(e => e.SessionId == session.Id && e.Status == EnrollmentStatus.Enrolled)));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task TheSamePersonEnrollingTwiceAtOnce_GetsOnePlace(TestDatabase database)
    {
        var scene = await TrainingScene.CreateAsync(fixture.For(database));
        var session = await scene.SessionAsync(await scene.CourseAsync(), seats: 10);
        var (person, client) = await scene.VolunteerAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => client.PostAsJsonAsync($"/api/v1/course-sessions/{session.Id}/enrollments", new { })));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.Equal(1, await scene.App.QueryAsync(db => db.CourseSessions.Where(s => s.Id == session.Id).Select(s => s.Enrolled).SingleAsync()));
        Assert.Equal(1, await scene.App.QueryAsync(db => db.CourseEnrollments.CountAsync(e => e.UserId == person.UserId)));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Withdrawing_FreesTheSeatOnce_AndResultsAreRecordedOnce(TestDatabase database)
    {
        var scene = await TrainingScene.CreateAsync(fixture.For(database));
        var course = await scene.CourseAsync();
        var session = await scene.SessionAsync(course, seats: 1);
        var (_, first) = await scene.VolunteerAsync();
        var (_, second) = await scene.VolunteerAsync();
        var enrollment = await TrainingScene.EnrollAsync(first, session.Id);

        var withdrawals = await Task.WhenAll(first.PostAsync($"/api/v1/me/enrollments/{enrollment}/withdraw", null), first.PostAsync($"/api/v1/me/enrollments/{enrollment}/withdraw", null));
        Assert.Single(withdrawals, r => r.StatusCode == HttpStatusCode.NoContent);
        Assert.Equal(0, await scene.App.QueryAsync(db => db.CourseSessions.Where(s => s.Id == session.Id).Select(s => s.Enrolled).SingleAsync()));
        var secondEnrollment = await TrainingScene.EnrollAsync(second, session.Id);

        var tooSoon = await scene.Admin.PostAsJsonAsync($"/api/v1/enrollments/{secondEnrollment}/result", new { attended = true, score = 90 });
        Assert.Equal("session-not-started", (await tooSoon.ReadJsonAsync()).GetProperty("code").GetString());
        scene.App.Clock.SetUtcNow(session.StartsAt.AddMinutes(30));
        Assert.Equal(HttpStatusCode.NoContent, (await scene.Admin.PostAsJsonAsync($"/api/v1/enrollments/{secondEnrollment}/result", new { attended = true, score = 90 })).StatusCode);
        var again = await scene.Admin.PostAsJsonAsync($"/api/v1/enrollments/{secondEnrollment}/result", new { attended = true, score = 10 });
        Assert.Equal("result-recorded", (await again.ReadJsonAsync()).GetProperty("code").GetString());
        Assert.Equal(90, await scene.App.QueryAsync(db => db.CourseEnrollments.Where(e => e.Id == secondEnrollment).Select(e => e.Score).SingleAsync()));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Roster_NamesTraineesInThePagesLanguage_FallingBackToArabicWithoutAnEnglishName(TestDatabase database)
    {
        var scene = await TrainingScene.CreateAsync(fixture.For(database));
        var course = await scene.CourseAsync();
        var session = await scene.SessionAsync(course);
        var (_, bilingual) = await scene.VolunteerAsync();
        var (arabicOnly, arabicOnlyClient) = await scene.VolunteerAsync();
        await scene.App.QueryAsync(db => db.Users.Where(u => u.Id == arabicOnly.UserId)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.FullNameAr, "بدر سالم العمري").SetProperty(x => x.FullNameEn, (string?)null)));
        await TrainingScene.EnrollAsync(bilingual, session.Id);
        await TrainingScene.EnrollAsync(arabicOnlyClient, session.Id);

        var english = await (await scene.App.BrowserAsAsync("admin@athar.local", language: "en")).GetStringAsync($"/training/{course}/roster");
        var arabic = await (await scene.App.BrowserAsAsync("admin@athar.local", language: "ar")).GetStringAsync($"/training/{course}/roster");

        Assert.Contains("<strong>Test Person</strong>", english, StringComparison.Ordinal);
        Assert.Contains("<strong>بدر سالم العمري</strong>", english, StringComparison.Ordinal);
        Assert.DoesNotContain("شخص للاختبار", english, StringComparison.Ordinal);
        Assert.Contains("<strong>شخص للاختبار</strong>", arabic, StringComparison.Ordinal);
        Assert.DoesNotContain("Test Person", arabic, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task CoursesAreRunOnlyByAdminsAndLicensedOrganisations_AndBadInputIsExplained(TestDatabase database)
    {
        var scene = await TrainingScene.CreateAsync(fixture.For(database));
        var (org, orgAdmin, _) = await scene.App.CreateVerifiedOrganizationAsync();
        var staff = await scene.App.ApiAsAsync(orgAdmin.Email, TestPeople.Password);
        var body = new { titleAr = "دورة", descriptionAr = "وصف", durationHours = 4, passingScore = 60, organizationId = org, publish = true };

        Assert.Equal(HttpStatusCode.NotFound, (await staff.PostAsJsonAsync("/api/v1/courses", body)).StatusCode);

        // Once a staff member passes the management course for it, the organisation holds the management licence and may run courses.
        var management = await scene.CourseAsync(Athar.Core.Licensing.LicenseLevel.Management);
        var session = await scene.SessionAsync(management);
        Assert.Equal(HttpStatusCode.Created, (await staff.PostAsJsonAsync($"/api/v1/course-sessions/{session.Id}/enrollments", new { organizationId = org })).StatusCode);
        var enrollment = await scene.App.QueryAsync(db => db.CourseEnrollments.Where(e => e.UserId == orgAdmin.UserId).Select(e => e.Id).SingleAsync());
        scene.App.Clock.SetUtcNow(session.StartsAt.AddHours(1));
        await scene.Admin.PostAsJsonAsync($"/api/v1/enrollments/{enrollment}/result", new { attended = true, score = 88 });
        var licences = await (await staff.GetAsync($"/api/v1/organizations/{org}/licenses")).ReadJsonAsync();
        Assert.Equal("management", Assert.Single(licences.EnumerateArray()).GetProperty("level").GetString());
        Assert.Equal(HttpStatusCode.Created, (await staff.PostAsJsonAsync("/api/v1/courses", body)).StatusCode);

        var invalid = await scene.Admin.PostAsJsonAsync("/api/v1/courses", new { titleAr = "", durationHours = -1, passingScore = 500 });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var problem = await invalid.ReadJsonAsync();
        Assert.True(problem.GetProperty("errors").TryGetProperty("titleAr", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("passingScore", out _));

        var (_, volunteer) = await scene.VolunteerAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await volunteer.GetAsync($"/api/v1/courses/{management}/enrollments")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await volunteer.PostAsJsonAsync($"/api/v1/enrollments/{enrollment}/result", new { attended = true, score = 100 })).StatusCode);
    }
}
