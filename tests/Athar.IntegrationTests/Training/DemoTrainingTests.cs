using Athar.IntegrationTests.Infrastructure;

namespace Athar.IntegrationTests.Training;

/// <summary>The demo data a first run shows on the training and licence pages.</summary>
public sealed class DemoTrainingTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Demo_VolunteerHoldsThePractitionerLicenceHerPassEarned_AndTheCatalogueHasAnUpcomingSessionWithSeats(TestDatabase database)
    {
        var app = fixture.For(database);
        var volunteer = await app.ApiAsAsync("volunteer@athar.local");

        var licence = Assert.Single(await TrainingScene.LicensesAsync(volunteer));
        Assert.Equal("practitioner", licence.GetProperty("level").GetString());
        Assert.Equal("active", licence.GetProperty("status").GetString());
        Assert.Matches("^PR-[0-9]{4}-[0-9A-HJKMNP-TV-Z]{8}$", licence.GetProperty("number").GetString());
        var page = await (await app.BrowserAsAsync("volunteer@athar.local", language: "en")).GetStringAsync("/me/licenses");
        Assert.Contains(licence.GetProperty("number").GetString()!, page, StringComparison.Ordinal);
        Assert.Contains(" — Issued (Valid until", page, StringComparison.Ordinal);
        var passed = Assert.Single((await (await volunteer.GetAsync("/api/v1/me/enrollments")).ReadJsonAsync()).EnumerateArray());
        Assert.Equal("passed", passed.GetProperty("status").GetString());
        Assert.Equal(88, passed.GetProperty("score").GetInt32());

        var catalogue = (await (await app.Api().GetAsync("/api/v1/courses")).ReadJsonAsync()).EnumerateArray().ToList();
        Assert.Equal(["practitioner", "teamLeadership"], catalogue.Select(c => c.GetProperty("track").GetString()).Order(StringComparer.Ordinal));
        var practitioner = catalogue.Single(c => c.GetProperty("track").GetString() == "practitioner");
        Assert.True(practitioner.GetProperty("nextSessionAt").GetDateTimeOffset() > app.Clock.GetUtcNow());
        var course = await (await app.Api().GetAsync($"/api/v1/courses/{practitioner.GetProperty("id").GetGuid()}")).ReadJsonAsync();
        Assert.Contains(course.GetProperty("sessions").EnumerateArray(), s => s.GetProperty("startsAt").GetDateTimeOffset() > app.Clock.GetUtcNow() && s.GetProperty("seatsLeft").GetInt32() > 0);
    }
}
