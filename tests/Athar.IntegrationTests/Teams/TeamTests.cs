using System.Net;
using System.Net.Http.Json;
using Athar.Core.Accounts;
using Athar.Core.Applications;
using Athar.Core.Licensing;
using Athar.Core.Opportunities;
using Athar.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Athar.IntegrationTests.Teams;

/// <summary>Team rules: the leader's licence, membership, and team applications that respect every individual rule and the seats.</summary>
public sealed class TeamTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static (DateOnly, TimeOnly, TimeOnly, int) Tomorrow(AtharAppFactory app, int seats) =>
        app.ShiftFromNow(TimeSpan.FromDays(1), TimeSpan.FromHours(3), seats);

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task CreateTeam_WithALeaderWithoutAValidLeadershipLicence_IsRefused(TestDatabase database)
    {
        var app = fixture.For(database);
        app.MoveToNextMorning();
        var s = await TeamScene.CreateAsync(app);
        var unlicensed = await app.CreatePersonAsync([Roles.Volunteer]);
        var expired = await app.CreatePersonAsync([Roles.Volunteer]);
        await TeamScene.LicenseAsync(app, expired.UserId, LicenseLevel.TeamLeadership, Core.Calendar.DualDate.ToSaudiDate(app.Clock.GetUtcNow()).AddDays(-1));
        var practitionerOnly = await app.CreatePersonAsync([Roles.Volunteer]);
        await TeamScene.LicenseAsync(app, practitionerOnly.UserId, LicenseLevel.Practitioner);

        foreach (var person in new[] { unlicensed, expired, practitionerOnly })
        {
            var response = await s.CreateTeamAsync(person.Email);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("Team.LeaderLicenceRequired", (await response.ReadJsonAsync()).GetProperty("errorCodes").GetProperty("leaderEmail").EnumerateArray().Select(e => e.GetString()));
        }
        Assert.Equal(1, await app.QueryAsync(db => db.Teams.CountAsync(t => t.OrganizationId == s.OrganizationId)));
        // Appointing an unlicensed leader later is refused the same way.
        var change = await s.OrgAdmin.PutAsJsonAsync($"/api/v1/teams/{s.TeamId}/leader", new { leaderEmail = unlicensed.Email });
        Assert.Equal(HttpStatusCode.BadRequest, change.StatusCode);
        Assert.Equal(s.Leader.UserId, await app.QueryAsync(db => db.Teams.Where(t => t.Id == s.TeamId).Select(t => t.LeaderUserId).SingleAsync()));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task CreateTeam_InAnotherOrganization_AnswersNotFound_AndMembersCannotRunTheTeam(TestDatabase database)
    {
        var app = fixture.For(database);
        var s = await TeamScene.CreateAsync(app);
        var other = await TeamScene.CreateAsync(app);
        var member = (await s.MembersAsync(1))[0];
        var memberClient = await app.ApiAsAsync(member.Email, TestPeople.Password);
        var outsider = await app.CreatePersonAsync([Roles.Volunteer]);

        var foreign = await other.OrgAdmin.PostAsJsonAsync($"/api/v1/organizations/{s.OrganizationId}/teams", new { nameAr = "فريق", regionId = 2, cityId = 201, leaderEmail = s.Leader.Email });
        var memberInvites = await memberClient.PostAsJsonAsync($"/api/v1/teams/{s.TeamId}/invitations", new { email = outsider.Email });
        var otherLeaderAccepts = await other.LeaderClient.PostAsync($"/api/v1/teams/{s.TeamId}/requests/{member.UserId}/accept", null);
        var memberApplies = await s.ApplyAsync(Guid.NewGuid(), [member.UserId], memberClient);

        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, memberInvites.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, otherLeaderAccepts.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, memberApplies.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Membership_RequestAcceptInviteAndLeave_FollowTheRules(TestDatabase database)
    {
        var app = fixture.For(database);
        var s = await TeamScene.CreateAsync(app);
        var asker = await app.CreatePersonAsync([Roles.Volunteer]);
        var askerClient = await app.ApiAsAsync(asker.Email, TestPeople.Password);
        var invited = await app.CreatePersonAsync([Roles.Volunteer]);
        var invitedClient = await app.ApiAsAsync(invited.Email, TestPeople.Password);

        Assert.Equal(HttpStatusCode.NoContent, (await askerClient.PostAsync($"/api/v1/teams/{s.TeamId}/join", null)).StatusCode);
        var again = await askerClient.PostAsync($"/api/v1/teams/{s.TeamId}/join", null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("team-already-requested", (await again.ReadJsonAsync()).GetProperty("code").GetString());
        // Two decisions at once: one wins, nothing is duplicated.
        var decisions = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => s.LeaderClient.PostAsync($"/api/v1/teams/{s.TeamId}/requests/{asker.UserId}/accept", null)));
        Assert.Single(decisions, d => d.StatusCode == HttpStatusCode.NoContent);

        Assert.Equal(HttpStatusCode.NoContent, (await s.LeaderClient.PostAsJsonAsync($"/api/v1/teams/{s.TeamId}/invitations", new { email = invited.Email })).StatusCode);
        var before = await (await invitedClient.GetAsync($"/api/v1/teams/{s.TeamId}")).ReadJsonAsync();
        Assert.Equal("invited", before.GetProperty("myState").GetString());
        Assert.Equal(HttpStatusCode.NoContent, (await invitedClient.PostAsync($"/api/v1/teams/{s.TeamId}/invitation/accept", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await s.LeaderClient.PostAsync($"/api/v1/teams/{s.TeamId}/leave", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await askerClient.PostAsync($"/api/v1/teams/{s.TeamId}/leave", null)).StatusCode);

        var team = await (await s.LeaderClient.GetAsync($"/api/v1/teams/{s.TeamId}")).ReadJsonAsync();
        var members = team.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("userId").GetGuid()).ToList();
        Assert.Equal(new[] { s.Leader.UserId, invited.UserId }.Order(), members.Order());
        Assert.DoesNotContain(asker.UserId, members);
        Assert.Equal(1, await app.QueryAsync(db => db.Notifications.CountAsync(n => n.UserId == invited.UserId && n.Kind == "TeamInvitation")));
        // Names only: no national ID, phone or birth date of any member in the team's answer.
        var raw = await (await s.LeaderClient.GetAsync($"/api/v1/teams/{s.TeamId}")).Content.ReadAsStringAsync();
        var nationalId = await app.QueryAsync(db => db.Volunteers.Where(v => v.UserId == invited.UserId).Select(v => v.NationalId).SingleAsync());
        Assert.DoesNotContain(nationalId, raw, StringComparison.Ordinal);
        Assert.DoesNotContain("birth", raw, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task ApplyAsTeam_WithMoreMembersThanSeats_NeverOversells_AndTheRestWait(TestDatabase database)
    {
        var app = fixture.For(database);
        app.MoveToNextMorning();
        var s = await TeamScene.CreateAsync(app);
        var members = await s.MembersAsync(5);
        var opportunity = await app.CreatePublishedOpportunityAsync(s.OrganizationId, [Tomorrow(app, 3)], autoAccept: true);
        var shiftId = opportunity.Shifts[0].Id;

        var response = await s.ApplyAsync(shiftId, members.Select(m => m.UserId));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var results = (await response.ReadJsonAsync()).EnumerateArray().ToList();
        Assert.Equal(5, results.Count);
        Assert.Equal(new[] { "accepted", "accepted", "accepted", "waitlisted", "waitlisted" }, results.Select(r => r.GetProperty("status").GetString()).ToList());
        var (accepted, applications) = await app.QueryAsync(async db => (
            await db.Shifts.Where(x => x.Id == shiftId).Select(x => x.Accepted).SingleAsync(),
            await db.Applications.Where(a => a.ShiftId == shiftId).ToListAsync()));
        Assert.Equal(3, accepted);
        Assert.Equal(3, applications.Count(a => a.Status == ApplicationStatus.Accepted));
        Assert.All(applications, a => Assert.Equal(s.TeamId, a.TeamId));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task ApplyAsTeam_AppliesEachMembersOwnRules_AndSaysWhyPerMember(TestDatabase database)
    {
        var app = fixture.For(database);
        app.MoveToNextMorning();
        var s = await TeamScene.CreateAsync(app);
        var women = await s.MembersAsync(2);
        var man = (await s.MembersAsync(1, Gender.Male))[0];
        var outsider = await app.CreatePersonAsync([Roles.Volunteer]);
        var opportunity = await app.CreatePublishedOpportunityAsync(s.OrganizationId, [Tomorrow(app, 10)], autoAccept: true,
            change: o => o.Gender = GenderRequirement.Female);
        var shiftId = opportunity.Shifts[0].Id;
        // One woman already applied on her own: her second application is refused, the first stays hers.
        var own = await app.ApiAsAsync(women[1].Email, TestPeople.Password);
        Assert.Equal(HttpStatusCode.Created, (await own.PostAsJsonAsync($"/api/v1/shifts/{shiftId}/applications", new { })).StatusCode);

        var response = await s.ApplyAsync(shiftId, [women[0].UserId, women[1].UserId, man.UserId, outsider.UserId]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var results = (await response.ReadJsonAsync()).EnumerateArray().ToDictionary(r => r.GetProperty("userId").GetGuid());
        Assert.Equal("accepted", results[women[0].UserId].GetProperty("status").GetString());
        Assert.Equal("already-applied", results[women[1].UserId].GetProperty("refusalCode").GetString());
        Assert.Equal("gender-mismatch", results[man.UserId].GetProperty("refusalCode").GetString());
        Assert.False(string.IsNullOrWhiteSpace(results[man.UserId].GetProperty("refusal").GetString()));
        Assert.Equal("team-not-a-member", results[outsider.UserId].GetProperty("refusalCode").GetString());
        var applications = await app.QueryAsync(db => db.Applications.Where(a => a.ShiftId == shiftId).ToListAsync());
        Assert.Equal(2, applications.Count);
        Assert.Null(applications.Single(a => a.VolunteerId == women[1].UserId).TeamId);
        Assert.Equal(s.TeamId, applications.Single(a => a.VolunteerId == women[0].UserId).TeamId);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task LeaderLicenceLapsing_BlocksTeamApplications_UntilANewLicensedLeaderIsAppointed(TestDatabase database)
    {
        var app = fixture.For(database);
        app.MoveToNextMorning();
        var s = await TeamScene.CreateAsync(app);
        var members = await s.MembersAsync(1);
        var opportunity = await app.CreatePublishedOpportunityAsync(s.OrganizationId, [Tomorrow(app, 5)], autoAccept: true);
        var today = Core.Calendar.DualDate.ToSaudiDate(app.Clock.GetUtcNow());
        await app.QueryAsync(db => db.Licenses.Where(l => l.HolderUserId == s.Leader.UserId).ExecuteUpdateAsync(l => l.SetProperty(x => x.ExpiresOn, today.AddDays(-1))));

        var refused = await s.ApplyAsync(opportunity.Shifts[0].Id, members.Select(m => m.UserId));
        var page = await (await app.BrowserAsAsync(s.Leader.Email, TestPeople.Password, "en")).GetStringAsync($"/teams/{s.TeamId}");

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("team-leader-licence-invalid", (await refused.ReadJsonAsync()).GetProperty("code").GetString());
        Assert.Contains("id=\"leader-licence-warning\"", page, StringComparison.Ordinal);
        Assert.Equal(0, await app.QueryAsync(db => db.Applications.CountAsync(a => a.TeamId == s.TeamId)));

        // The organisation appoints a licensed member as leader; the team may apply again.
        await TeamScene.LicenseAsync(app, members[0].UserId, LicenseLevel.TeamLeadership);
        Assert.Equal(HttpStatusCode.NoContent, (await s.OrgAdmin.PutAsJsonAsync($"/api/v1/teams/{s.TeamId}/leader", new { leaderEmail = members[0].Email })).StatusCode);
        var newLeader = await app.ApiAsAsync(members[0].Email, TestPeople.Password);
        var applied = await s.ApplyAsync(opportunity.Shifts[0].Id, [members[0].UserId], newLeader);
        Assert.Equal(HttpStatusCode.OK, applied.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Directory_FindsTeams_WithArabicNormalisation(TestDatabase database)
    {
        var app = fixture.For(database);
        var s = await TeamScene.CreateAsync(app);
        Assert.Equal(HttpStatusCode.Created, (await s.CreateTeamAsync(s.Leader.Email, "فريق مستشفى الأمل")).StatusCode);

        var found = await (await s.LeaderClient.GetAsync("/api/v1/teams?q=" + Uri.EscapeDataString("مستشفي الامل"))).ReadJsonAsync();

        Assert.Contains(found.EnumerateArray(), t => t.GetProperty("nameAr").GetString() == "فريق مستشفى الأمل");
        Assert.DoesNotContain(found.EnumerateArray(), t => t.GetProperty("id").GetGuid() == s.TeamId);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task TeamOfAnOrganizationNoLongerVerified_IsHiddenFromOutsiders_ButNotFromItsPeople(TestDatabase database)
    {
        var app = fixture.For(database);
        var s = await TeamScene.CreateAsync(app);
        var outsider = await app.CreatePersonAsync([Roles.Volunteer]);
        var outsiderClient = await app.ApiAsAsync(outsider.Email, TestPeople.Password);
        await app.QueryAsync(db => db.Organizations.Where(o => o.Id == s.OrganizationId).ExecuteUpdateAsync(o => o.SetProperty(x => x.Status, Data.Organizations.OrganizationStatus.Suspended)));

        var asOutsider = await outsiderClient.GetAsync($"/api/v1/teams/{s.TeamId}");
        var joinAsOutsider = await outsiderClient.PostAsync($"/api/v1/teams/{s.TeamId}/join", null);
        var directory = await (await outsiderClient.GetAsync("/api/v1/teams")).ReadJsonAsync();
        var asLeader = await s.LeaderClient.GetAsync($"/api/v1/teams/{s.TeamId}");
        var asAdmin = await s.OrgAdmin.GetAsync($"/api/v1/teams/{s.TeamId}");

        Assert.Equal(HttpStatusCode.NotFound, asOutsider.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, joinAsOutsider.StatusCode);
        Assert.DoesNotContain(directory.EnumerateArray(), t => t.GetProperty("id").GetGuid() == s.TeamId);
        Assert.Equal(HttpStatusCode.OK, asLeader.StatusCode);
        Assert.Equal(HttpStatusCode.OK, asAdmin.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Pages_AnswerInBothLanguages_AndTheCreateFormExplainsBadInput(TestDatabase database)
    {
        var app = fixture.For(database);
        var s = await TeamScene.CreateAsync(app);
        var other = await TeamScene.CreateAsync(app);
        var admin = await app.BrowserAsAsync((await app.QueryAsync(db => db.OrganizationMembers.Where(m => m.OrganizationId == s.OrganizationId && m.Role == Data.Organizations.OrganizationRole.Admin)
            .Join(db.Users, m => m.UserId, u => u.Id, (_, u) => u.Email!).SingleAsync())), TestPeople.Password, "en");
        var leader = await app.BrowserAsAsync(s.Leader.Email, TestPeople.Password, "ar");

        foreach (var path in new[] { "/teams", "/teams?q=" + Uri.EscapeDataString("الزاهر"), "/me/teams", $"/teams/{s.TeamId}", $"/teams/{s.TeamId}/apply", "/me/recognition", "/rankings", "/rankings?period=1448H&by=Beneficiaries" })
            Assert.Equal(HttpStatusCode.OK, (await leader.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.Browser("en").GetAsync("/rankings?period=2026&regionId=2&by=Volunteers")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/org/{s.OrganizationId}/teams")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/org/{other.OrganizationId}/teams")).StatusCode);

        var invalid = await admin.PostFormAsync($"/org/{s.OrganizationId}/teams", [new("Input.NameAr", ""), new("Input.RegionId", "2"), new("Input.CityId", "101"), new("LeaderEmail", "nobody@test.athar")]);
        var html = await invalid.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, invalid.StatusCode);
        Assert.Contains("This field is required.", html, StringComparison.Ordinal);
        Assert.Contains("This city is not in the chosen region.", html, StringComparison.Ordinal);
        Assert.Contains("No registered volunteer has this e-mail.", html, StringComparison.Ordinal);
        Assert.Equal(1, await app.QueryAsync(db => db.Teams.CountAsync(t => t.OrganizationId == s.OrganizationId)));
    }
}
