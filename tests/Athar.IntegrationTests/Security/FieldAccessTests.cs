using System.Globalization;
using System.Net;
using Athar.Core.Accounts;
using Athar.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Athar.IntegrationTests.Security;

/// <summary>
/// Field-level access (ASVS 8.2.3, docs/authorization.md): organisation staff work with a volunteer's name, gender,
/// age, skills and attendance, never the identifiers and contacts the volunteer gave the platform. Every staff
/// list that shows a volunteer, on the API and the pages, is read whole and searched for those values.
/// </summary>
public sealed class FieldAccessTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static readonly DateOnly BirthDate = new(1991, 7, 23);

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task OrganisationStaff_NeverReceiveAVolunteersNationalId_BirthDate_Mobile_OrEmail_FromTheirApiListsOrPages(TestDatabase database)
    {
        var app = fixture.For(database);
        app.MoveToNextMorning();
        var (organizationId, admin, _) = await app.CreateVerifiedOrganizationAsync();
        var opportunity = await app.CreatePublishedOpportunityAsync(organizationId,
            [app.ShiftFromNow(TimeSpan.FromHours(2), TimeSpan.FromHours(3), 5), app.ShiftFromNow(TimeSpan.FromHours(26), TimeSpan.FromHours(3), 5)]);
        var volunteer = await app.CreatePersonAsync([Roles.Volunteer], birthDate: BirthDate);
        const string mobile = "+966551234987";
        await app.QueryAsync(db => db.Users.Where(u => u.Id == volunteer.UserId).ExecuteUpdateAsync(u => u.SetProperty(x => x.PhoneNumber, mobile)));
        var nationalId = await app.QueryAsync(db => db.Volunteers.Where(v => v.UserId == volunteer.UserId).Select(v => v.NationalId).SingleAsync());

        var volunteerApi = await app.ApiAsAsync(volunteer.Email, TestPeople.Password);
        Assert.Equal(HttpStatusCode.Created, (await volunteerApi.PostAsync($"/api/v1/shifts/{opportunity.Shifts[0].Id}/applications", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await volunteerApi.PostAsync($"/api/v1/shifts/{opportunity.Shifts[1].Id}/applications", null)).StatusCode);
        var accepted = await app.QueryAsync(db => db.Applications.Where(a => a.ShiftId == opportunity.Shifts[0].Id).Select(a => a.Id).SingleAsync());
        var staffApi = await app.ApiAsAsync(admin.Email, TestPeople.Password);
        Assert.Equal(HttpStatusCode.NoContent, (await staffApi.PostAsync($"/api/v1/applications/{accepted}/accept", null)).StatusCode);
        // Hours on another opportunity, so its application does not meet the ones above.
        var served = await app.CreatePublishedOpportunityAsync(organizationId, [app.ShiftFromNow(TimeSpan.FromHours(6), TimeSpan.FromHours(2), 5)]);
        await app.CreateHoursAsync(organizationId, served, 0, volunteer.UserId, 120, Core.Attendance.HoursStatus.Pending);
        var day = opportunity.Shifts[0].Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var staffPages = await app.BrowserAsAsync(admin.Email, TestPeople.Password, language: "en");

        var views = new Dictionary<string, string>
        {
            ["applicants API"] = await ReadAsync(staffApi, $"/api/v1/organizations/{organizationId}/applicants"),
            ["roster API"] = await ReadAsync(staffApi, $"/api/v1/organizations/{organizationId}/roster?date={day}"),
            ["hours API"] = await ReadAsync(staffApi, $"/api/v1/organizations/{organizationId}/hours"),
            ["dashboard API"] = await ReadAsync(staffApi, $"/api/v1/organizations/{organizationId}/dashboard"),
            ["applicants page"] = await ReadAsync(staffPages, $"/org/{organizationId}/applicants"),
            ["roster page"] = await ReadAsync(staffPages, $"/org/{organizationId}/roster?date={day}"),
            ["hours page"] = await ReadAsync(staffPages, $"/org/{organizationId}/hours"),
        };

        // The lists do show this volunteer (so the absence below is not an empty page's).
        Assert.All(views, view => Assert.True(view.Value.Contains("Test Person", StringComparison.Ordinal) || view.Value.Contains("شخص للاختبار", StringComparison.Ordinal)
            || view.Key.StartsWith("dashboard", StringComparison.Ordinal), $"{view.Key} does not show the volunteer"));
        string[] secrets =
        [
            nationalId, NationalIdMask(nationalId), BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), BirthDate.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
            mobile, "0551234987", volunteer.Email,
        ];
        foreach (var (view, body) in views)
            foreach (var secret in secrets)
                Assert.False(body.Contains(secret, StringComparison.OrdinalIgnoreCase), $"{view} carries {secret}");
    }

    // Even the masked form (1******234) is more than staff need; none of these lists carries it.
    private static string NationalIdMask(string nationalId) => Core.Identity.NationalId.Mask(nationalId);

    private static async Task<string> ReadAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode}");
        return await response.Content.ReadAsStringAsync();
    }
}
