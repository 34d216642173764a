using System.Net.Http.Json;
using Athar.Core.Accounts;
using Athar.Core.Licensing;
using Athar.IntegrationTests.Infrastructure;

namespace Athar.IntegrationTests.Training;

/// <summary>Courses, sessions and results through the API, as a platform admin runs them.</summary>
public sealed class TrainingScene(AtharAppFactory app, HttpClient admin)
{
    public AtharAppFactory App { get; } = app;
    public HttpClient Admin { get; } = admin;

    public static async Task<TrainingScene> CreateAsync(AtharAppFactory app)
    {
        app.MoveToNextMorning();
        var admin = await app.CreatePersonAsync([Roles.PlatformAdmin]);
        return new TrainingScene(app, await app.ApiAsAsync(admin.Email, TestPeople.Password));
    }

    public async Task<Guid> CourseAsync(LicenseLevel track = LicenseLevel.Practitioner, int passingScore = 70, Guid[]? prerequisites = null)
    {
        var response = await Admin.PostAsJsonAsync("/api/v1/courses", new
        {
            titleAr = "أساسيات العمل التطوعي", titleEn = "Volunteering essentials", descriptionAr = "دورة تمهيدية", descriptionEn = "An introduction",
            track = track.ToString(), delivery = "InPerson", durationHours = 6, passingScore, prerequisiteIds = prerequisites ?? [], publish = true,
        });
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return (await response.ReadJsonAsync()).GetProperty("id").GetGuid();
    }

    /// <summary>A session starting two hours from the app's clock.</summary>
    public async Task<(Guid Id, DateTimeOffset StartsAt)> SessionAsync(Guid courseId, int seats = 20)
    {
        var slot = App.ShiftFromNow(TimeSpan.FromHours(2), TimeSpan.FromHours(3), seats);
        var response = await Admin.PostAsJsonAsync($"/api/v1/courses/{courseId}/sessions", new
        {
            date = slot.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            startTime = slot.Start.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
            endTime = slot.End.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
            seats, location = "مركز التدريب",
        });
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        var startsAt = new DateTimeOffset(slot.Date.ToDateTime(slot.Start), TimeSpan.FromHours(3)).ToUniversalTime();
        return ((await response.ReadJsonAsync()).GetProperty("id").GetGuid(), startsAt);
    }

    public async Task<(Builders.StaffMember Person, HttpClient Client)> VolunteerAsync()
    {
        var person = await App.CreatePersonAsync([Roles.Volunteer]);
        return (person, await App.ApiAsAsync(person.Email, TestPeople.Password));
    }

    public static async Task<Guid> EnrollAsync(HttpClient trainee, Guid sessionId, Guid? organizationId = null)
    {
        var response = await trainee.PostAsJsonAsync($"/api/v1/course-sessions/{sessionId}/enrollments", new { organizationId });
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return (await response.ReadJsonAsync()).GetProperty("id").GetGuid();
    }

    /// <summary>Enrols the trainee in a new session, lets the session start, and records the score.</summary>
    public async Task<Guid> TakeCourseAsync(HttpClient trainee, Guid courseId, int score)
    {
        var session = await SessionAsync(courseId);
        var enrollment = await EnrollAsync(trainee, session.Id);
        App.Clock.SetUtcNow(session.StartsAt.AddHours(1));
        var recorded = await Admin.PostAsJsonAsync($"/api/v1/enrollments/{enrollment}/result", new { attended = true, score });
        Assert.Equal(System.Net.HttpStatusCode.NoContent, recorded.StatusCode);
        return enrollment;
    }

    public static async Task<System.Text.Json.JsonElement[]> LicensesAsync(HttpClient person) =>
        [.. (await (await person.GetAsync("/api/v1/me/licenses")).ReadJsonAsync()).EnumerateArray()];
}
