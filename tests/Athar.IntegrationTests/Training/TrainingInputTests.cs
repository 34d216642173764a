using System.Net;
using System.Net.Http.Json;
using Athar.Core.Accounts;
using Athar.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Athar.IntegrationTests.Training;

/// <summary>Bad input to the training and licence endpoints and forms: explained, localised, and nothing saved.</summary>
public sealed class TrainingInputTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task SessionAndResultInput_IsValidated_AndNothingIsSaved(TestDatabase database)
    {
        var scene = await TrainingScene.CreateAsync(fixture.For(database));
        var course = await scene.CourseAsync();

        var badSession = await scene.Admin.PostAsJsonAsync($"/api/v1/courses/{course}/sessions", new { date = "2030-01-01", startTime = "12:00", endTime = "09:00", seats = 0 });
        Assert.Equal(HttpStatusCode.BadRequest, badSession.StatusCode);
        var errors = (await badSession.ReadJsonAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("seats", out _));
        Assert.Equal(0, await scene.App.QueryAsync(db => db.CourseSessions.CountAsync(s => s.CourseId == course)));

        var session = await scene.SessionAsync(course);
        var (_, volunteer) = await scene.VolunteerAsync();
        var enrollment = await TrainingScene.EnrollAsync(volunteer, session.Id);
        scene.App.Clock.SetUtcNow(session.StartsAt.AddMinutes(10));
        var tooHigh = await scene.Admin.PostAsJsonAsync($"/api/v1/enrollments/{enrollment}/result", new { attended = true, score = 101 });
        Assert.Equal(HttpStatusCode.BadRequest, tooHigh.StatusCode);
        Assert.Equal("score-range", (await tooHigh.ReadJsonAsync()).GetProperty("code").GetString());
        var absentWithScore = await scene.Admin.PostAsJsonAsync($"/api/v1/enrollments/{enrollment}/result", new { attended = false, score = 50 });
        Assert.Equal("score-without-attendance", (await absentWithScore.ReadJsonAsync()).GetProperty("code").GetString());
        Assert.Null(await scene.App.QueryAsync(db => db.CourseEnrollments.Where(e => e.Id == enrollment).Select(e => e.ResultAt).SingleAsync()));

        Assert.Equal(HttpStatusCode.NotFound, (await volunteer.PostAsync($"/api/v1/me/licenses/{Guid.NewGuid()}/renew", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await scene.Admin.PostAsJsonAsync($"/api/v1/admin/licenses/{Guid.NewGuid()}/suspend", new { reason = "x" })).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task CourseForm_WithMissingFields_ShowsArabicFieldMessages_AndKeepsWhatWasTyped(TestDatabase database)
    {
        var app = fixture.For(database);
        var admin = await app.CreatePersonAsync([Roles.PlatformAdmin]);
        var browser = await app.BrowserAsAsync(admin.Email, TestPeople.Password, "ar");

        var response = await browser.PostFormAsync("/training/edit",
            [new("Input.TitleEn", "Kept title"), new("Input.DurationHours", "6"), new("Input.PassingScore", "70"), new("Input.Track", "Practitioner")]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("هذا الحقل مطلوب.", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Kept title\"", html, StringComparison.Ordinal);
        Assert.False(await app.QueryAsync(db => db.Courses.AnyAsync(c => c.Title.En == "Kept title")));
    }
}
