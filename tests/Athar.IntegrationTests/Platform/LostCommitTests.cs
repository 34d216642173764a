using System.Net;
using Athar.Core.Accounts;
using Athar.Core.Applications;
using Athar.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Athar.IntegrationTests.Platform;

/// <summary>
/// A commit whose acknowledgement is lost on the wire (the connection drops during COMMIT): the write is on the
/// server, the app sees a transient failure and retries the unit of work. Before UnitOfWork asked the server
/// whether the transaction had committed, the retry met its own write and answered a refusal ("already applied",
/// "the application changed") for a write that had succeeded. PostgreSQL only: SQLite's commit runs in the
/// process and cannot lose its answer.
/// </summary>
public sealed class LostCommitTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Apply_WhoseCommitAnswerIsLost_IsAccepted_WithOneApplicationOneSeatAndOneNotice()
    {
        var app = fixture.For(TestDatabase.Postgres);
        app.MoveToNextMorning();
        var (organizationId, _, _) = await app.CreateVerifiedOrganizationAsync();
        var opportunity = await app.CreatePublishedOpportunityAsync(organizationId, [app.ShiftFromNow(TimeSpan.FromHours(26), TimeSpan.FromHours(4), 3)], autoAccept: true);
        var shiftId = opportunity.Shifts[0].Id;
        var volunteer = await app.CreatePersonAsync([Roles.Volunteer]);
        var client = await app.ApiAsAsync(volunteer.Email, TestPeople.Password);
        var lostBefore = app.LostCommits.Lost;

        app.LostCommits.LoseTheCommitOfTheNextTransactionRunning("INSERT INTO \"Applications\"");
        var response = await client.PostAsync($"/api/v1/shifts/{shiftId}/applications", null);

        Assert.Equal(lostBefore + 1, app.LostCommits.Lost);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("accepted", (await response.ReadJsonAsync()).GetProperty("status").GetString());
        Assert.Equal(1, await app.QueryAsync(db => db.Applications.CountAsync(a => a.ShiftId == shiftId && a.VolunteerId == volunteer.UserId)));
        Assert.Equal(1, await app.QueryAsync(db => db.Shifts.Where(s => s.Id == shiftId).Select(s => s.Accepted).SingleAsync()));
        Assert.Equal(1, await app.QueryAsync(db => db.Notifications.CountAsync(n => n.UserId == volunteer.UserId && n.Kind == "ApplicationAccepted")));
    }

    [Fact]
    public async Task Accept_WhoseCommitAnswerIsLost_Succeeds_AndTakesOneSeat()
    {
        var app = fixture.For(TestDatabase.Postgres);
        app.MoveToNextMorning();
        var (organizationId, admin, _) = await app.CreateVerifiedOrganizationAsync();
        var opportunity = await app.CreatePublishedOpportunityAsync(organizationId, [app.ShiftFromNow(TimeSpan.FromHours(26), TimeSpan.FromHours(4), 3)], autoAccept: false);
        var shiftId = opportunity.Shifts[0].Id;
        var volunteer = await app.CreatePersonAsync([Roles.Volunteer]);
        var applied = await (await app.ApiAsAsync(volunteer.Email, TestPeople.Password)).PostAsync($"/api/v1/shifts/{shiftId}/applications", null);
        Assert.Equal(HttpStatusCode.Created, applied.StatusCode);
        var applicationId = await app.QueryAsync(db => db.Applications.Where(a => a.ShiftId == shiftId).Select(a => a.Id).SingleAsync());
        var staff = await app.ApiAsAsync(admin.Email, TestPeople.Password);

        app.LostCommits.LoseTheCommitOfTheNextTransactionRunning("UPDATE \"Applications\"");
        var response = await staff.PostAsync($"/api/v1/applications/{applicationId}/accept", null);

        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        Assert.Equal(ApplicationStatus.Accepted, await app.QueryAsync(db => db.Applications.Where(a => a.Id == applicationId).Select(a => a.Status).SingleAsync()));
        Assert.Equal(1, await app.QueryAsync(db => db.Shifts.Where(s => s.Id == shiftId).Select(s => s.Accepted).SingleAsync()));
        Assert.Equal(1, await app.QueryAsync(db => db.Notifications.CountAsync(n => n.UserId == volunteer.UserId && n.Kind == "ApplicationAccepted")));
    }
}
