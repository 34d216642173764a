using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Athar.Core.Attendance;
using Athar.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Athar.IntegrationTests.Security;

/// <summary>
/// A full journey (register, sign in by national ID and by mobile, a failed sign-in, apply, hours approved, a
/// statistics export, a minor with a guardian) runs with every log entry at Debug and above captured; none of
/// the national IDs or phone numbers typed along the way may appear in any message, value or exception.
/// </summary>
public sealed class PersonalDataInLogsTests
{
    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task AFullJourney_LeavesNoNationalIdOrPhoneInTheLogs(TestDatabase database)
    {
        var logs = new CapturedLogs();
        await using var app = new AtharAppFactory(database, logs: logs);
        app.MoveToNextMorning();
        var (organizationId, admin, _) = await app.CreateVerifiedOrganizationAsync();
        var opportunity = await app.CreatePublishedOpportunityAsync(organizationId,
            [app.ShiftFromNow(TimeSpan.FromDays(1), TimeSpan.FromHours(3), 5), app.ShiftFromNow(TimeSpan.FromDays(2), TimeSpan.FromHours(3), 5)], autoAccept: true);
        var adult = TestPeople.Adult();
        var minor = TestPeople.Minor(app.Clock.GetUtcNow());
        var secrets = new[]
        {
            adult.NationalId!, adult.Mobile!, "+966" + adult.Mobile![1..], minor.NationalId!, minor.Mobile!, "+966" + minor.Mobile![1..],
            minor.GuardianNationalId!, minor.GuardianMobile!, "+966" + minor.GuardianMobile![1..],
        };

        Assert.Equal(HttpStatusCode.Accepted, (await app.Api().PostAsJsonAsync("/api/v1/auth/register", adult, HttpHelpers.Json)).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await app.Api().PostAsJsonAsync("/api/v1/auth/register", minor, HttpHelpers.Json)).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await app.Api().PostAsJsonAsync("/api/v1/auth/register", TestPeople.Adult(i => i.NationalId = adult.NationalId), HttpHelpers.Json)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Api().PostAsJsonAsync("/api/v1/auth/login", new { identifier = adult.NationalId, password = "Wrong-Password-1" })).StatusCode);
        await app.Api().LoginTokenAsync(adult.Mobile!, TestPeople.Password);
        var volunteer = await app.ApiAsAsync(adult.NationalId!, TestPeople.Password);
        await app.BrowserAsAsync(adult.NationalId!, TestPeople.Password);

        Assert.True((await volunteer.PostAsJsonAsync($"/api/v1/shifts/{opportunity.Shifts[0].Id}/applications", new { })).IsSuccessStatusCode);
        var volunteerId = await app.QueryAsync(db => db.Volunteers.Where(v => v.NationalId == adult.NationalId).Select(v => v.UserId).SingleAsync());
        var hours = await app.CreateHoursAsync(organizationId, opportunity, 1, volunteerId, 180, HoursStatus.Pending);
        var staff = await app.ApiAsAsync(admin.Email, TestPeople.Password);
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync($"/api/v1/organizations/{organizationId}/applicants")).StatusCode);
        Assert.True((await staff.PostAsync($"/api/v1/hours/{hours}/approve", null)).IsSuccessStatusCode);
        var staffBrowser = await app.BrowserAsAsync(admin.Email, TestPeople.Password);
        Assert.Equal(HttpStatusCode.OK, (await staffBrowser.GetAsync("/statistics/export/indicators.csv")).StatusCode);
        volunteer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "not-a-token");
        await volunteer.GetAsync("/api/v1/me");

        // The security events (sign-in failed and succeeded, by national ID and by mobile) are part of the scan.
        Assert.NotEmpty(logs.Events(1001));
        Assert.NotEmpty(logs.Events(1000));
        var entries = logs.Lines;
        Assert.NotEmpty(entries);
        var leaks = entries.Where(e => secrets.Any(s => e.Contains(s, StringComparison.Ordinal))).ToList();
        Assert.True(leaks.Count == 0, "Personal data in the logs:\n" + string.Join('\n', leaks.Take(5)));
    }
}
