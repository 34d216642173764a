using System.Net;
using Athar.Data.Privacy;
using Athar.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Athar.IntegrationTests.Privacy;

/// <summary>Every view of other people's personal data by staff is recorded, and the breach query lists exactly whose.</summary>
public sealed class StaffAccessLogTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task StaffViewingApplicants_IsRecorded_AndAccessedByListsExactlyThosePeople(TestDatabase database)
    {
        var app = fixture.For(database);
        var day = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime).AddDays(10);
        var (ours, ourAdmin, _) = await app.CreateVerifiedOrganizationAsync();
        var (theirs, theirAdmin, _) = await app.CreateVerifiedOrganizationAsync();
        var ourOpportunity = await app.CreatePublishedOpportunityAsync(ours, [(day, new TimeOnly(9, 0), new TimeOnly(12, 0), 5)]);
        var theirOpportunity = await app.CreatePublishedOpportunityAsync(theirs, [(day, new TimeOnly(9, 0), new TimeOnly(12, 0), 5)]);
        var applicant = await app.RegisterAsync();
        var stranger = await app.RegisterAsync();
        Assert.Equal(HttpStatusCode.Created, (await (await app.ApiAsAsync(applicant.Input.Email!, TestPeople.Password)).PostAsync($"/api/v1/shifts/{ourOpportunity.Shifts[0].Id}/applications", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await (await app.ApiAsAsync(stranger.Input.Email!, TestPeople.Password)).PostAsync($"/api/v1/shifts/{theirOpportunity.Shifts[0].Id}/applications", null)).StatusCode);

        var page = await (await app.BrowserAsAsync(ourAdmin.Email, TestPeople.Password)).GetAsync($"/org/{ours}/applicants");
        var api = await (await app.ApiAsAsync(ourAdmin.Email, TestPeople.Password)).GetAsync($"/api/v1/organizations/{ours}/applicants");
        var refused = await (await app.ApiAsAsync(ourAdmin.Email, TestPeople.Password)).GetAsync($"/api/v1/organizations/{theirs}/applicants");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        var log = await app.QueryAsync(db => db.PersonalDataAccessLog.AsNoTracking().Where(a => a.ViewerId == ourAdmin.UserId).ToListAsync());
        Assert.Equal(2, log.Count);
        Assert.All(log, a => Assert.Equal((applicant.UserId, ours, PersonalDataPurposes.Applicants, app.Clock.GetUtcNow()), (a.PersonId, a.OrganizationId, a.Purpose, a.At)));
        Assert.False(await app.QueryAsync(db => db.PersonalDataAccessLog.AnyAsync(a => a.PersonId == stranger.UserId)));

        await using var scope = app.Services.CreateAsyncScope();
        var accessed = await scope.ServiceProvider.GetRequiredService<PersonalDataAccessLog>().AccessedByAsync(ourAdmin.UserId);
        var person = Assert.Single(accessed);
        Assert.Equal((applicant.UserId, applicant.Input.Email, 2, "+966" + applicant.Input.Mobile![1..]), (person.PersonId, person.Email, person.Views, person.Phone));
        Assert.Empty(await scope.ServiceProvider.GetRequiredService<PersonalDataAccessLog>().AccessedByAsync(theirAdmin.UserId));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task AdminDashboard_RecordsTheRecentUsersItShows_WithTheirNationalIdsMasked(TestDatabase database)
    {
        var app = fixture.For(database);
        var person = await app.RegisterAsync();
        var admin = await app.BrowserAsAsync("admin@athar.local");
        var adminId = await app.QueryAsync(db => db.Users.Where(u => u.Email == "admin@athar.local").Select(u => u.Id).SingleAsync());

        var html = await (await admin.GetAsync("/admin")).Content.ReadAsStringAsync();

        Assert.DoesNotContain(person.Input.NationalId!, html, StringComparison.Ordinal);
        Assert.True(await app.QueryAsync(db => db.PersonalDataAccessLog.AnyAsync(a =>
            a.ViewerId == adminId && a.PersonId == person.UserId && a.Purpose == PersonalDataPurposes.AdminRecentUsers)));
        Assert.False(await app.QueryAsync(db => db.PersonalDataAccessLog.AnyAsync(a => a.ViewerId == adminId && a.PersonId == adminId)));
    }
}
