using System.Net;
using System.Net.Http.Json;
using Athar.Core.Accounts;
using Athar.Core.Applications;
using Athar.Core.Attendance;
using Athar.Core.Opportunities;
using Athar.IntegrationTests.Infrastructure;
using Athar.Web.Features.Participation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Athar.IntegrationTests.Participation;

public sealed class ApplicationTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static async Task<(AtharAppFactory App, Guid Org, Builders.StaffMember Admin, Data.Opportunities.Opportunity Opportunity)> SetupAsync(
        AppFixture fixture, TestDatabase database, int seats = 2, bool autoAccept = true, Action<Data.Opportunities.Opportunity>? change = null)
    {
        var app = fixture.For(database);
        app.MoveToNextMorning();
        var (org, admin, _) = await app.CreateVerifiedOrganizationAsync();
        var opportunity = await app.CreatePublishedOpportunityAsync(org, [app.ShiftFromNow(TimeSpan.FromHours(26), TimeSpan.FromHours(4), seats)], autoAccept: autoAccept, change: change);
        return (app, org, admin, opportunity);
    }

    /// <summary>The opportunity's seats taken after the seat fold (the job's two-second tick, run here).</summary>
    private static Task<int> FoldedSeatsTakenAsync(AtharAppFactory app, Guid opportunityId) =>
        app.QueryAsync(async db =>
        {
            await Data.Opportunities.SeatCountFold.FoldAsync(db);
            return await db.Opportunities.Where(o => o.Id == opportunityId).Select(o => o.SeatsTaken).SingleAsync();
        });

    private static async Task<HttpResponseMessage> ApplyAsync(HttpClient client, Guid shiftId) =>
        await client.PostAsync($"/api/v1/shifts/{shiftId}/applications", null);

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Apply_ToAutoAcceptingShift_IsAccepted_CountsTheSeat_AndNotifies(TestDatabase database)
    {
        var (app, _, _, opportunity) = await SetupAsync(fixture, database);
        var volunteer = await app.CreatePersonAsync([Roles.Volunteer]);
        var client = await app.ApiAsAsync(volunteer.Email, TestPeople.Password);

        var response = await ApplyAsync(client, opportunity.Shifts[0].Id);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("accepted", (await response.ReadJsonAsync()).GetProperty("status").GetString());
        Assert.Equal(1, await app.QueryAsync(db => db.Shifts.Where(s => s.Id == opportunity.Shifts[0].Id).Select(s => s.Accepted).SingleAsync()));
        Assert.Equal(1, await FoldedSeatsTakenAsync(app, opportunity.Id));
        var notifications = await (await client.GetAsync("/api/v1/me/notifications")).ReadJsonAsync();
        Assert.Contains("توزيع وجبات إفطار صائم", notifications[0].GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, (await ApplyAsync(client, opportunity.Shifts[0].Id)).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Apply_200ConcurrentVolunteersFor20Seats_AcceptsExactly20_AndWaitlistsTheRest(TestDatabase database)
    {
        var (app, _, _, opportunity) = await SetupAsync(fixture, database, seats: 20);
        var volunteers = await app.CreateVolunteersAsync(200);
        var shiftId = opportunity.Shifts[0].Id;

        var results = await Task.WhenAll(volunteers.Select(async id =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<ApplyToShift>().ApplyAsync(id, shiftId);
        }));

        Assert.All(results, r => Assert.Null(r.Refusal));
        Assert.Equal(20, results.Count(r => r.Application!.Status == ApplicationStatus.Accepted));
        Assert.Equal(180, results.Count(r => r.Application!.Status == ApplicationStatus.Waitlisted));
        Assert.Equal(20, await app.QueryAsync(db => db.Applications.CountAsync(a => a.ShiftId == shiftId && a.Status == ApplicationStatus.Accepted)));
        Assert.Equal(20, await app.QueryAsync(db => db.Shifts.Where(s => s.Id == shiftId).Select(s => s.Accepted).SingleAsync()));
        Assert.Equal(20, await FoldedSeatsTakenAsync(app, opportunity.Id));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Apply_SameVolunteerConcurrently_CreatesOneApplication_AndTakesOneSeat(TestDatabase database)
    {
        var (app, _, _, opportunity) = await SetupAsync(fixture, database, seats: 5);
        var volunteer = (await app.CreateVolunteersAsync(1))[0];
        var shiftId = opportunity.Shifts[0].Id;

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(async _ =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<ApplyToShift>().ApplyAsync(volunteer, shiftId);
        }));

        Assert.Single(results, r => r.Refusal is null);
        Assert.All(results.Where(r => r.Refusal is not null), r => Assert.Equal("already-applied", r.Refusal!.Code));
        Assert.Equal(1, await app.QueryAsync(db => db.Applications.CountAsync(a => a.ShiftId == shiftId)));
        Assert.Equal(1, await app.QueryAsync(db => db.Shifts.Where(s => s.Id == shiftId).Select(s => s.Accepted).SingleAsync()));
    }

    public static TheoryData<TestDatabase, string> Refusals()
    {
        var data = new TheoryData<TestDatabase, string>();
        foreach (var database in new[] { TestDatabase.Sqlite, TestDatabase.Postgres })
        {
            foreach (var code in new[] { "gender-mismatch", "too-young", "minors-not-allowed", "license-required", "opportunity-not-open", "overlapping-shift", "guardian-consent-pending", "shift-started" })
                data.Add(database, code);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task Apply_WhenARuleIsNotMet_IsRefusedWithItsReason_InArabicAndEnglish(TestDatabase database, string code)
    {
        var app = fixture.For(database);
        app.MoveToNextMorning();
        var (org, _, _) = await app.CreateVerifiedOrganizationAsync();
        var slot = app.ShiftFromNow(TimeSpan.FromHours(26), TimeSpan.FromHours(4), 5);
        var volunteer = await app.CreatePersonAsync([Roles.Volunteer], gender: Gender.Female, birthDate: code is "too-young" or "minors-not-allowed" or "guardian-consent-pending" ? app.Clock.GetUtcNow().AddYears(-16).ToDateOnly() : null);
        var opportunity = await app.CreatePublishedOpportunityAsync(org, [slot], autoAccept: true, change: o =>
        {
            switch (code)
            {
                case "gender-mismatch": o.Gender = GenderRequirement.Male; break;
                case "too-young": o.MinimumAge = 18; o.AllowsMinors = true; break;
                case "minors-not-allowed": o.AllowsMinors = false; break;
                case "license-required": o.RequiredLicense = LicenseRequirement.Practitioner; break;
                case "opportunity-not-open": o.Status = OpportunityStatus.Closed; break;
                case "guardian-consent-pending": o.AllowsMinors = true; break;
            }
        });
        if (code == "guardian-consent-pending")
            await app.QueryAsync(db => db.Volunteers.Where(v => v.UserId == volunteer.UserId).ExecuteUpdateAsync(v => v.SetProperty(x => x.GuardianConsentRequired, true)));
        if (code == "overlapping-shift")
        {
            var other = await app.CreatePublishedOpportunityAsync(org, [slot], autoAccept: true);
            var first = await ApplyAsync(await app.ApiAsAsync(volunteer.Email, TestPeople.Password), other.Shifts[0].Id);
            Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        }
        if (code == "shift-started")
            app.Clock.Advance(TimeSpan.FromHours(27));

        var arabic = await ApplyAsync(await app.ApiAsAsync(volunteer.Email, TestPeople.Password), opportunity.Shifts[0].Id);
        var english = await ApplyAsync(await app.ApiAsAsync(volunteer.Email, TestPeople.Password, language: "en"), opportunity.Shifts[0].Id);

        Assert.Equal(HttpStatusCode.Conflict, arabic.StatusCode);
        var a = await arabic.ReadJsonAsync();
        var e = await english.ReadJsonAsync();
        Assert.Equal(code, a.GetProperty("code").GetString());
        Assert.Equal(code, e.GetProperty("code").GetString());
        Assert.Matches("[\\u0600-\\u06FF]", a.GetProperty("title").GetString());
        Assert.Matches("^[\\x20-\\x7E]+$", e.GetProperty("title").GetString());
        Assert.False(await app.QueryAsync(db => db.Applications.AnyAsync(x => x.ShiftId == opportunity.Shifts[0].Id)));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Applicants_AreThoseOfShiftsNotYetEnded_InProgressIncluded_SoonestFirst_AndOnlyTheOrganizations(TestDatabase database)
    {
        var app = fixture.For(database);
        app.MoveToNextMorning();
        var (org, admin, _) = await app.CreateVerifiedOrganizationAsync();
        var (otherOrg, _, _) = await app.CreateVerifiedOrganizationAsync();
        var opportunity = await app.CreatePublishedOpportunityAsync(org,
        [
            app.ShiftFromNow(TimeSpan.FromHours(30), TimeSpan.FromHours(2), 5), // tomorrow
            app.ShiftFromNow(TimeSpan.FromHours(-3), TimeSpan.FromHours(2), 5), // ended an hour ago
            app.ShiftFromNow(TimeSpan.FromHours(4), TimeSpan.FromHours(2), 5), // later today
        ]);
        // An opportunity whose last day is today, its one shift under way: started an hour ago.
        var endingToday = await app.CreatePublishedOpportunityAsync(org, [app.ShiftFromNow(TimeSpan.FromHours(-1), TimeSpan.FromHours(3), 5)]);
        var others = await app.CreatePublishedOpportunityAsync(otherOrg, [app.ShiftFromNow(TimeSpan.FromHours(2), TimeSpan.FromHours(2), 5)]);
        var volunteers = await app.CreateVolunteersAsync(5);
        for (var i = 0; i < 3; i++)
            await app.CreateHoursAsync(org, opportunity, i, volunteers[i], 60, HoursStatus.Pending);
        await app.CreateHoursAsync(org, endingToday, 0, volunteers[3], 60, HoursStatus.Pending);
        await app.CreateHoursAsync(otherOrg, others, 0, volunteers[4], 60, HoursStatus.Pending);
        var staff = await app.ApiAsAsync(admin.Email, TestPeople.Password, "en");

        var applicants = await (await staff.GetAsync($"/api/v1/organizations/{org}/applicants?status=accepted")).ReadJsonAsync();

        var shown = applicants.EnumerateArray().Select(a => a.GetProperty("start").GetString()).ToList();
        Assert.Equal(new[] { endingToday.Shifts[0], opportunity.Shifts[2], opportunity.Shifts[0] }.Select(s => s.StartTime.ToString("HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture)), shown);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Review_PendingApplications_AcceptUntilFull_RejectNeedsAReason(TestDatabase database)
    {
        var (app, org, admin, opportunity) = await SetupAsync(fixture, database, seats: 1, autoAccept: false);
        var shiftId = opportunity.Shifts[0].Id;
        var first = await app.CreatePersonAsync([Roles.Volunteer]);
        var second = await app.CreatePersonAsync([Roles.Volunteer]);
        var a1 = (await (await ApplyAsync(await app.ApiAsAsync(first.Email, TestPeople.Password), shiftId)).ReadJsonAsync()).GetProperty("id").GetGuid();
        var a2 = (await (await ApplyAsync(await app.ApiAsAsync(second.Email, TestPeople.Password), shiftId)).ReadJsonAsync()).GetProperty("id").GetGuid();
        var staff = await app.ApiAsAsync(admin.Email, TestPeople.Password, "en");

        var applicants = await (await staff.GetAsync($"/api/v1/organizations/{org}/applicants?status=pending")).ReadJsonAsync();
        Assert.Equal(2, applicants.GetArrayLength());
        Assert.DoesNotContain("nationalId", applicants[0].ToString(), StringComparison.OrdinalIgnoreCase);

        Assert.Equal(HttpStatusCode.NoContent, (await staff.PostAsync($"/api/v1/applications/{a1}/accept", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await staff.PostAsync($"/api/v1/applications/{a1}/accept", null)).StatusCode);
        var full = await staff.PostAsync($"/api/v1/applications/{a2}/accept", null);
        Assert.Equal("no-seats-left", (await full.ReadJsonAsync()).GetProperty("code").GetString());
        var noReason = await staff.PostAsJsonAsync($"/api/v1/applications/{a2}/reject", new { reason = "" });
        Assert.Equal("reason-required", (await noReason.ReadJsonAsync()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.NoContent, (await staff.PostAsJsonAsync($"/api/v1/applications/{a2}/reject", new { reason = "اكتمل العدد" })).StatusCode);

        Assert.Equal(1, await app.QueryAsync(db => db.Shifts.Where(s => s.Id == shiftId).Select(s => s.Accepted).SingleAsync()));
        Assert.Equal(ApplicationStatus.Rejected, await app.QueryAsync(db => db.Applications.Where(a => a.Id == a2).Select(a => a.Status).SingleAsync()));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Withdraw_OfAnAcceptedVolunteer_PromotesTheFirstWaitlisted_AndNotifiesThem(TestDatabase database)
    {
        var (app, _, _, opportunity) = await SetupAsync(fixture, database, seats: 1);
        var shiftId = opportunity.Shifts[0].Id;
        var holder = await app.CreatePersonAsync([Roles.Volunteer]);
        var firstInLine = await app.CreatePersonAsync([Roles.Volunteer]);
        var secondInLine = await app.CreatePersonAsync([Roles.Volunteer]);
        var holderClient = await app.ApiAsAsync(holder.Email, TestPeople.Password);
        var held = (await (await ApplyAsync(holderClient, shiftId)).ReadJsonAsync()).GetProperty("id").GetGuid();
        await ApplyAsync(await app.ApiAsAsync(firstInLine.Email, TestPeople.Password), shiftId);
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        await ApplyAsync(await app.ApiAsAsync(secondInLine.Email, TestPeople.Password), shiftId);

        var response = await holderClient.PostAsync($"/api/v1/me/applications/{held}/withdraw", null);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var statuses = await app.QueryAsync(db => db.Applications.Where(a => a.ShiftId == shiftId).ToDictionaryAsync(a => a.VolunteerId, a => a.Status));
        Assert.Equal(ApplicationStatus.Withdrawn, statuses[holder.UserId]);
        Assert.Equal(ApplicationStatus.Accepted, statuses[firstInLine.UserId]);
        Assert.Equal(ApplicationStatus.Waitlisted, statuses[secondInLine.UserId]);
        Assert.Equal(1, await app.QueryAsync(db => db.Shifts.Where(s => s.Id == shiftId).Select(s => s.Accepted).SingleAsync()));
        Assert.True(await app.QueryAsync(db => db.Notifications.AnyAsync(n => n.UserId == firstInLine.UserId && n.Kind == "ApplicationPromoted")));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task OtherPeople_CannotTouchAnApplication(TestDatabase database)
    {
        var (app, _, _, opportunity) = await SetupAsync(fixture, database, seats: 3, autoAccept: false);
        var owner = await app.CreatePersonAsync([Roles.Volunteer]);
        var stranger = await app.CreatePersonAsync([Roles.Volunteer]);
        var id = (await (await ApplyAsync(await app.ApiAsAsync(owner.Email, TestPeople.Password), opportunity.Shifts[0].Id)).ReadJsonAsync()).GetProperty("id").GetGuid();
        var (_, otherAdmin, _) = await app.CreateVerifiedOrganizationAsync();
        var strangerClient = await app.ApiAsAsync(stranger.Email, TestPeople.Password);
        var otherOrg = await app.ApiAsAsync(otherAdmin.Email, TestPeople.Password);

        Assert.Equal(HttpStatusCode.NotFound, (await strangerClient.PostAsync($"/api/v1/me/applications/{id}/withdraw", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await strangerClient.GetAsync($"/api/v1/me/applications/{id}/calendar.ics")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await strangerClient.PostAsync($"/api/v1/applications/{id}/accept", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherOrg.PostAsync($"/api/v1/applications/{id}/accept", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherOrg.PostAsync($"/api/v1/applications/{id}/check-in", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherOrg.GetAsync($"/api/v1/organizations/{opportunity.OrganizationId}/applicants")).StatusCode);
        Assert.Equal(ApplicationStatus.Pending, await app.QueryAsync(db => db.Applications.Where(a => a.Id == id).Select(a => a.Status).SingleAsync()));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Calendar_ForAnAcceptedShift_IsAValidICalendarEvent(TestDatabase database)
    {
        var (app, _, _, opportunity) = await SetupAsync(fixture, database);
        var volunteer = await app.CreatePersonAsync([Roles.Volunteer]);
        var client = await app.ApiAsAsync(volunteer.Email, TestPeople.Password);
        var id = (await (await ApplyAsync(client, opportunity.Shifts[0].Id)).ReadJsonAsync()).GetProperty("id").GetGuid();

        var response = await client.GetAsync($"/api/v1/me/applications/{id}/calendar.ics");

        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        var ics = await response.Content.ReadAsStringAsync();
        var start = opportunity.Shifts[0].StartsAt.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        Assert.StartsWith("BEGIN:VCALENDAR\r\n", ics, StringComparison.Ordinal);
        Assert.Contains($"DTSTART:{start}\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("SUMMARY:توزيع وجبات إفطار صائم", ics, StringComparison.Ordinal);
        Assert.All(ics.Split("\r\n"), line => Assert.True(System.Text.Encoding.UTF8.GetByteCount(line) <= 75));
    }
}

internal static class DateExtensions
{
    public static DateOnly ToDateOnly(this DateTimeOffset instant) => DateOnly.FromDateTime(instant.UtcDateTime);
}
