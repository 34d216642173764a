using System.Net;
using System.Net.Http.Json;
using Athar.Core.Accounts;
using Athar.Core.Attendance;
using Athar.IntegrationTests.Infrastructure;
using Athar.Web.Features.Participation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Athar.IntegrationTests.Participation;

public sealed class AttendanceAndHoursTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private sealed record Scene(AtharAppFactory App, Guid Org, HttpClient Staff, HttpClient Volunteer, Builders.StaffMember Person, Guid ShiftId, Guid ApplicationId, DateTimeOffset StartsAt);

    /// <summary>An accepted volunteer on a 4-hour shift starting in three hours.</summary>
    private async Task<Scene> SceneAsync(TestDatabase database)
    {
        var app = fixture.For(database);
        app.MoveToNextMorning();
        var (org, admin, supervisor) = await app.CreateVerifiedOrganizationAsync();
        var opportunity = await app.CreatePublishedOpportunityAsync(org, [app.ShiftFromNow(TimeSpan.FromHours(3), TimeSpan.FromHours(4), 10)], autoAccept: true);
        var person = await app.CreatePersonAsync([Roles.Volunteer]);
        var volunteer = await app.ApiAsAsync(person.Email, TestPeople.Password);
        var applied = await volunteer.PostAsJsonAsync($"/api/v1/shifts/{opportunity.Shifts[0].Id}/applications", new { });
        var applicationId = (await applied.ReadJsonAsync()).GetProperty("id").GetGuid();
        return new Scene(app, org, await app.ApiAsAsync(supervisor.Email, TestPeople.Password), volunteer, person, opportunity.Shifts[0].Id, applicationId, opportunity.Shifts[0].StartsAt);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Roster_CheckInAndOut_TwiceEach_RecordsOnce_AndHoursAreCappedToTheShift(TestDatabase database)
    {
        var s = await SceneAsync(database);
        s.App.Clock.SetUtcNow(s.StartsAt.AddMinutes(-20));

        var in1 = await (await s.Staff.PostAsync($"/api/v1/applications/{s.ApplicationId}/check-in", null)).ReadJsonAsync();
        var in2 = await (await s.Staff.PostAsync($"/api/v1/applications/{s.ApplicationId}/check-in", null)).ReadJsonAsync();
        s.App.Clock.SetUtcNow(s.StartsAt.AddHours(5));
        var out1 = await s.Staff.PostAsync($"/api/v1/applications/{s.ApplicationId}/check-out", null);
        var out2 = await (await s.Staff.PostAsync($"/api/v1/applications/{s.ApplicationId}/check-out", null)).ReadJsonAsync();

        Assert.Equal(in1.GetProperty("id").GetGuid(), in2.GetProperty("id").GetGuid());
        Assert.Equal(HttpStatusCode.OK, out1.StatusCode);
        var first = await out1.ReadJsonAsync();
        Assert.Equal(240, first.GetProperty("creditedMinutes").GetInt32());
        Assert.Equal(first.GetProperty("hoursId").GetGuid(), out2.GetProperty("hoursId").GetGuid());
        Assert.Equal(1, await s.App.QueryAsync(db => db.VolunteerHours.CountAsync(h => h.VolunteerId == s.Person.UserId)));
        Assert.Equal(1, await s.App.QueryAsync(db => db.Attendance.CountAsync(a => a.VolunteerId == s.Person.UserId)));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task CheckIn_TooEarly_OrAfterTheShift_IsRefused(TestDatabase database)
    {
        var s = await SceneAsync(database);
        s.App.Clock.SetUtcNow(s.StartsAt.AddMinutes(-90));
        var early = await s.Staff.PostAsync($"/api/v1/applications/{s.ApplicationId}/check-in", null);
        s.App.Clock.SetUtcNow(s.StartsAt.AddHours(4));
        var late = await s.Staff.PostAsync($"/api/v1/applications/{s.ApplicationId}/check-in", null);

        Assert.Equal("too-early", (await early.ReadJsonAsync()).GetProperty("code").GetString());
        Assert.Equal("shift-ended", (await late.ReadJsonAsync()).GetProperty("code").GetString());
        Assert.False(await s.App.QueryAsync(db => db.Attendance.AnyAsync(a => a.ApplicationId == s.ApplicationId)));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task ApprovedHours_AreVerified_OnTheRecord_AndApprovingTwiceChangesNothing(TestDatabase database)
    {
        var s = await SceneAsync(database);
        s.App.Clock.SetUtcNow(s.StartsAt.AddMinutes(30));
        await s.Staff.PostAsync($"/api/v1/applications/{s.ApplicationId}/check-in", null);
        s.App.Clock.SetUtcNow(s.StartsAt.AddHours(3));
        var hoursId = (await (await s.Staff.PostAsync($"/api/v1/applications/{s.ApplicationId}/check-out", null)).ReadJsonAsync()).GetProperty("hoursId").GetGuid();

        var before = await (await s.Volunteer.GetAsync("/api/v1/me/record")).ReadJsonAsync();
        Assert.Equal(0, before.GetProperty("totalMinutes").GetInt32());
        var approvals = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => s.Staff.PostAsync($"/api/v1/hours/{hoursId}/approve", null)));

        Assert.All(approvals, r => Assert.Equal(HttpStatusCode.NoContent, r.StatusCode));
        var record = await (await s.Volunteer.GetAsync("/api/v1/me/record")).ReadJsonAsync();
        Assert.Equal(150, record.GetProperty("totalMinutes").GetInt32());
        Assert.Equal(1, await s.App.QueryAsync(db => db.HoursAudit.CountAsync(a => a.HoursId == hoursId && a.Action == "approved")));
        Assert.Equal(1, await s.App.QueryAsync(db => db.Notifications.CountAsync(n => n.UserId == s.Person.UserId && n.Kind == "HoursApproved")));
        var rejectAfter = await s.Staff.PostAsJsonAsync($"/api/v1/hours/{hoursId}/reject", new { reason = "خطأ" });
        Assert.Equal("hours-already-decided", (await rejectAfter.ReadJsonAsync()).GetProperty("code").GetString());
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Adjust_CannotExceedAttendance_NeedsAReason_AndIsAudited(TestDatabase database)
    {
        var s = await SceneAsync(database);
        s.App.Clock.SetUtcNow(s.StartsAt);
        await s.Staff.PostAsync($"/api/v1/applications/{s.ApplicationId}/check-in", null);
        s.App.Clock.SetUtcNow(s.StartsAt.AddHours(2));
        var hoursId = (await (await s.Staff.PostAsync($"/api/v1/applications/{s.ApplicationId}/check-out", null)).ReadJsonAsync()).GetProperty("hoursId").GetGuid();

        var tooMuch = await s.Staff.PostAsJsonAsync($"/api/v1/hours/{hoursId}/adjust", new { minutes = 500, reason = "زيادة" });
        var noReason = await s.Staff.PostAsJsonAsync($"/api/v1/hours/{hoursId}/adjust", new { minutes = 60 });
        var ok = await s.Staff.PostAsJsonAsync($"/api/v1/hours/{hoursId}/adjust", new { minutes = 90, reason = "استراحة طويلة" });
        var reject = await s.Staff.PostAsJsonAsync($"/api/v1/hours/{Guid.NewGuid()}/reject", new { reason = "x" });

        Assert.Equal("hours-exceed-attendance", (await tooMuch.ReadJsonAsync()).GetProperty("code").GetString());
        Assert.Equal("reason-required", (await noReason.ReadJsonAsync()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.NoContent, ok.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, reject.StatusCode);
        var audit = await s.App.QueryAsync(db => db.HoursAudit.Where(a => a.HoursId == hoursId && a.Action == "adjusted").SingleAsync());
        Assert.Equal(120, audit.MinutesBefore);
        Assert.Equal(90, audit.MinutesAfter);
        Assert.Equal("استراحة طويلة", audit.Reason);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Approval_AfterTheWindow_IsRefusedForTheOrganisation_AndLeftToThePlatform(TestDatabase database)
    {
        var s = await SceneAsync(database);
        s.App.Clock.SetUtcNow(s.StartsAt);
        await s.Staff.PostAsync($"/api/v1/applications/{s.ApplicationId}/check-in", null);
        s.App.Clock.SetUtcNow(s.StartsAt.AddHours(1));
        var hoursId = (await (await s.Staff.PostAsync($"/api/v1/applications/{s.ApplicationId}/check-out", null)).ReadJsonAsync()).GetProperty("hoursId").GetGuid();
        s.App.Clock.Advance(TimeSpan.FromDays(31));

        var late = await s.Staff.PostAsync($"/api/v1/hours/{hoursId}/approve", null);
        var platform = await s.App.ApiAsAsync("admin@athar.local");
        var reviewed = await platform.PostAsync($"/api/v1/hours/{hoursId}/approve", null);

        Assert.Equal("approval-window-passed", (await late.ReadJsonAsync()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.NoContent, reviewed.StatusCode);
        Assert.Equal(HoursStatus.Approved, await s.App.QueryAsync(db => db.VolunteerHours.Where(h => h.Id == hoursId).Select(h => h.Status).SingleAsync()));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task QrCode_ChecksTheVolunteerIn_AndAnExpiredOrForgedCodeIsRefused(TestDatabase database)
    {
        var s = await SceneAsync(database);
        s.App.Clock.SetUtcNow(s.StartsAt.AddMinutes(5));
        var code = (await (await s.Staff.GetAsync($"/api/v1/shifts/{s.ShiftId}/check-in-code")).ReadJsonAsync()).GetProperty("code").GetString();

        var forged = await s.Volunteer.PostAsJsonAsync($"/api/v1/shifts/{s.ShiftId}/scan", new { code = "0123456789abcdef01234567" });
        var scanned = await s.Volunteer.PostAsJsonAsync($"/api/v1/shifts/{s.ShiftId}/scan", new { code });
        var repeated = await s.Volunteer.PostAsJsonAsync($"/api/v1/shifts/{s.ShiftId}/scan", new { code });
        s.App.Clock.Advance(TimeSpan.FromMinutes(10));
        var replayed = await s.Volunteer.PostAsJsonAsync($"/api/v1/shifts/{s.ShiftId}/scan", new { code });

        Assert.Equal("code-invalid", (await forged.ReadJsonAsync()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.OK, scanned.StatusCode);
        Assert.Equal(HttpStatusCode.OK, repeated.StatusCode);
        Assert.False((await repeated.ReadJsonAsync()).TryGetProperty("checkOutAt", out var outAt) && outAt.ValueKind != System.Text.Json.JsonValueKind.Null);
        Assert.Equal("code-invalid", (await replayed.ReadJsonAsync()).GetProperty("code").GetString());
        var attendance = await s.App.QueryAsync(db => db.Attendance.SingleAsync(a => a.ApplicationId == s.ApplicationId));
        Assert.Equal(CheckMethod.QrCode, attendance.CheckInMethod);
        Assert.Null(attendance.CheckOutAt);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task ForgottenCheckOut_IsClosedAtTheShiftsEnd_AndFlagged(TestDatabase database)
    {
        var s = await SceneAsync(database);
        s.App.Clock.SetUtcNow(s.StartsAt);
        await s.Staff.PostAsync($"/api/v1/applications/{s.ApplicationId}/check-in", null);
        s.App.Clock.SetUtcNow(s.StartsAt.AddHours(6));

        await using (var scope = s.App.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<RecordAttendance>().CloseForgottenAsync();

        var hours = await s.App.QueryAsync(db => db.VolunteerHours.SingleAsync(h => h.VolunteerId == s.Person.UserId));
        Assert.Equal(240, hours.AttendedMinutes);
        Assert.True(hours.Concerns.HasFlag(HoursConcerns.AutoClosed));
        Assert.Equal(HoursStatus.Pending, hours.Status);
        Assert.Equal(CheckMethod.Automatic, await s.App.QueryAsync(db => db.Attendance.Where(a => a.ApplicationId == s.ApplicationId).Select(a => a.CheckOutMethod).SingleAsync()));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task OverlappingAttendanceAtTwoOrganisations_IsNotCreditedTwice_AndIsFlagged(TestDatabase database)
    {
        var s = await SceneAsync(database);
        var (org2, _, supervisor2) = await s.App.CreateVerifiedOrganizationAsync();
        var other = await s.App.CreatePublishedOpportunityAsync(org2, [s.App.ShiftFromNow(TimeSpan.FromHours(3), TimeSpan.FromHours(4), 5)], autoAccept: true);
        // Seed an accepted application directly: the apply rules would (rightly) refuse the overlap.
        var otherApplication = Guid.NewGuid();
        await s.App.QueryAsync(async db =>
        {
            db.Applications.Add(new Data.Participation.Application { Id = otherApplication, OpportunityId = other.Id, ShiftId = other.Shifts[0].Id, VolunteerId = s.Person.UserId, Status = Core.Applications.ApplicationStatus.Accepted, CreatedAt = s.App.Clock.GetUtcNow() });
            return await db.SaveChangesAsync();
        });
        var staff2 = await s.App.ApiAsAsync(supervisor2.Email, TestPeople.Password);
        s.App.Clock.SetUtcNow(s.StartsAt);
        await s.Staff.PostAsync($"/api/v1/applications/{s.ApplicationId}/check-in", null);
        await staff2.PostAsync($"/api/v1/applications/{otherApplication}/check-in", null);
        s.App.Clock.SetUtcNow(s.StartsAt.AddHours(2));
        await s.Staff.PostAsync($"/api/v1/applications/{s.ApplicationId}/check-out", null);
        var second = await (await staff2.PostAsync($"/api/v1/applications/{otherApplication}/check-out", null)).ReadJsonAsync();

        Assert.Equal(0, second.GetProperty("creditedMinutes").GetInt32());
        var flagged = await s.App.QueryAsync(db => db.VolunteerHours.SingleAsync(h => h.AttendanceId != Guid.Empty && h.OrganizationId == org2 && h.VolunteerId == s.Person.UserId));
        Assert.True(flagged.Concerns.HasFlag(HoursConcerns.OverlapsAnotherOrganization));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Reminder_TheDayBefore_IsSentOnce(TestDatabase database)
    {
        var s = await SceneAsync(database);
        var jobs = s.App.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<ParticipationJobs>().Single();

        await jobs.RunOnceAsync();
        await jobs.RunOnceAsync();

        Assert.Equal(1, await s.App.QueryAsync(db => db.Notifications.CountAsync(n => n.UserId == s.Person.UserId && n.Kind == "ShiftReminder")));
        Assert.NotNull(await s.App.QueryAsync(db => db.Applications.Where(a => a.Id == s.ApplicationId).Select(a => a.ReminderSentAt).SingleAsync()));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task RecordPage_AndCsv_ShowVerifiedHoursOnly(TestDatabase database)
    {
        var s = await SceneAsync(database);
        s.App.Clock.SetUtcNow(s.StartsAt);
        await s.Staff.PostAsync($"/api/v1/applications/{s.ApplicationId}/check-in", null);
        s.App.Clock.SetUtcNow(s.StartsAt.AddHours(3));
        var hoursId = (await (await s.Staff.PostAsync($"/api/v1/applications/{s.ApplicationId}/check-out", null)).ReadJsonAsync()).GetProperty("hoursId").GetGuid();
        var browser = await s.App.BrowserAsAsync(s.Person.Email, TestPeople.Password, "en");
        Assert.Contains("No verified hours yet.", await browser.GetStringAsync("/record"), StringComparison.Ordinal);

        await s.Staff.PostAsync($"/api/v1/hours/{hoursId}/approve", null);

        var page = await browser.GetStringAsync("/record");
        var csv = await browser.GetStringAsync("/record?handler=Csv");
        Assert.Contains("Iftar meal distribution", page, StringComparison.Ordinal);
        Assert.Contains("<div class=\"value\" id=\"record-total\">3</div>", page, StringComparison.Ordinal);
        Assert.Contains("\"Iftar meal distribution\",\"Test Association\",\"Social\"", csv, StringComparison.Ordinal);
        Assert.Contains(",\"3\"", csv, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task StaffPages_AnswerForTheirOrganisation_And404ForAnother(TestDatabase database)
    {
        var s = await SceneAsync(database);
        var (_, otherAdmin, _) = await s.App.CreateVerifiedOrganizationAsync();
        var supervisorEmail = await s.App.QueryAsync(db => db.OrganizationMembers.Where(m => m.OrganizationId == s.Org && m.Role == Data.Organizations.OrganizationRole.Supervisor).Join(db.Users, m => m.UserId, u => u.Id, (_, u) => u.Email!).FirstAsync());
        var own = await s.App.BrowserAsAsync(supervisorEmail, TestPeople.Password);
        var other = await s.App.BrowserAsAsync(otherAdmin.Email, TestPeople.Password);

        foreach (var page in new[] { "dashboard", "applicants", "roster", "hours" })
        {
            Assert.Equal(HttpStatusCode.OK, (await own.GetAsync($"/org/{s.Org}/{page}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/org/{s.Org}/{page}")).StatusCode);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/shifts/{s.ShiftId}/qr")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await own.GetAsync($"/shifts/{s.ShiftId}/qr")).StatusCode);
    }
}
