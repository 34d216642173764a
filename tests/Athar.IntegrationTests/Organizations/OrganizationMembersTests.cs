using System.Net;
using System.Net.Http.Json;
using Athar.Core.Accounts;
using Athar.Data.Messaging;
using Athar.Data.Organizations;
using Athar.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Athar.IntegrationTests.Organizations;

public sealed class OrganizationMembersTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static async Task<OrganizationMember?> MembershipAsync(AtharAppFactory app, Guid organizationId, Guid userId) =>
        await app.QueryAsync(db => db.OrganizationMembers.AsNoTracking().SingleOrDefaultAsync(m => m.OrganizationId == organizationId && m.UserId == userId));

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Invitation_ByEmail_ReachesThePerson_WhoAcceptsOnThePage_AndBecomesASupervisor(TestDatabase database)
    {
        var app = fixture.For(database);
        var (orgId, admin, _) = await app.CreateOrganizationAsync(OrganizationStatus.Verified);
        var invitee = await app.CreateVolunteerAsync();
        var adminApi = await app.ApiAsAsync(admin.Email, TestPeople.Password);

        var invited = await adminApi.PostAsJsonAsync($"/api/v1/organizations/{orgId}/invitations", new { contact = invitee.Email, role = "supervisor" });

        Assert.Equal(HttpStatusCode.Created, invited.StatusCode);
        var message = await app.QueryAsync(db => db.OutboxMessages.SingleAsync(m => m.Recipient == invitee.Email));
        Assert.Equal(MessageChannel.Email, message.Channel);
        Assert.Equal(invitee.UserId, message.UserId);
        Assert.Contains("جمعية الاختبار", message.Subject, StringComparison.Ordinal);
        Assert.Contains("مشرف", message.Body, StringComparison.Ordinal);
        var token = await app.InvitationTokenAsync(invitee.Email);
        var stored = await app.QueryAsync(db => db.OrganizationInvitations.SingleAsync(i => i.OrganizationId == orgId));
        Assert.NotEqual(token, stored.TokenHash);
        Assert.Equal(Core.Organizations.InvitationToken.Hash(token), stored.TokenHash);
        Assert.Equal(app.Clock.GetUtcNow().AddDays(7), stored.ExpiresAt);

        var browser = await app.BrowserAsAsync(invitee.Email, TestPeople.Password);
        var page = await browser.GetStringAsync($"/org/invitations/{token}");
        Assert.Contains("جمعية الاختبار", page, StringComparison.Ordinal);
        Assert.Contains("accept-invitation", page, StringComparison.Ordinal);
        var accepted = await browser.PostFormAsync($"/org/invitations/{token}", []);

        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal($"/org/{orgId}", accepted.Headers.Location?.OriginalString);
        Assert.Equal(OrganizationRole.Supervisor, (await MembershipAsync(app, orgId, invitee.UserId))?.Role);
        Assert.True(await app.IsInRoleAsync(invitee.UserId, Roles.OrganizationSupervisor));
        var used = await app.QueryAsync(db => db.OrganizationInvitations.AsNoTracking().SingleAsync(i => i.Id == stored.Id));
        Assert.Equal((invitee.UserId, app.Clock.GetUtcNow()), (used.AcceptedBy, used.AcceptedAt));
        // The new role is in the re-issued cookie: the staff pages open at once.
        Assert.Contains("أهلاً بك! أصبحت عضواً في الجهة.", await browser.GetStringAsync($"/org/{orgId}"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/org")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Invitation_BySms_GoesThroughTheSmsOutbox_AndIsAcceptedThroughTheApi_AsAdmin(TestDatabase database)
    {
        var app = fixture.For(database);
        var (orgId, admin, _) = await app.CreateOrganizationAsync(OrganizationStatus.Pending);
        var invitee = await app.CreateVolunteerAsync();
        var mobile = "05" + OrganizationTestData.NewRegistrationNumber()[^8..];
        var canonical = "+966" + mobile[1..];

        var invited = await (await app.ApiAsAsync(admin.Email, TestPeople.Password, language: "en"))
            .PostAsJsonAsync($"/api/v1/organizations/{orgId}/invitations", new { contact = mobile, role = "admin" });

        Assert.Equal(HttpStatusCode.Created, invited.StatusCode);
        Assert.Equal(canonical, (await invited.ReadJsonAsync()).GetProperty("contact").GetString());
        var sms = await app.QueryAsync(db => db.OutboxMessages.SingleAsync(m => m.Recipient == canonical));
        Assert.Equal(MessageChannel.Sms, sms.Channel);
        Assert.StartsWith("Athar: you are invited to join Test Association as Admin.", sms.Body, StringComparison.Ordinal);
        var token = await app.InvitationTokenAsync(canonical);

        var response = await (await app.ApiAsAsync(invitee.Email, TestPeople.Password)).PostAsJsonAsync("/api/v1/organizations/invitations/accept", new { token });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(orgId, (await response.ReadJsonAsync()).GetProperty("organizationId").GetGuid());
        Assert.Equal(OrganizationRole.Admin, (await MembershipAsync(app, orgId, invitee.UserId))?.Role);
        Assert.True(await app.IsInRoleAsync(invitee.UserId, Roles.OrganizationAdmin));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Invitation_CanBeAcceptedOnce(TestDatabase database)
    {
        var app = fixture.For(database);
        var (orgId, admin, _) = await app.CreateOrganizationAsync(OrganizationStatus.Verified);
        var first = await app.CreateVolunteerAsync();
        var second = await app.CreateVolunteerAsync();
        await (await app.ApiAsAsync(admin.Email, TestPeople.Password)).PostAsJsonAsync($"/api/v1/organizations/{orgId}/invitations", new { contact = first.Email, role = "supervisor" });
        var token = await app.InvitationTokenAsync(first.Email);

        var accepted = await (await app.ApiAsAsync(first.Email, TestPeople.Password)).PostAsJsonAsync("/api/v1/organizations/invitations/accept", new { token });
        var again = await (await app.ApiAsAsync(second.Email, TestPeople.Password, language: "en")).PostAsJsonAsync("/api/v1/organizations/invitations/accept", new { token });
        var page = await (await app.BrowserAsAsync(second.Email, TestPeople.Password)).GetAsync($"/org/invitations/{token}");

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var problem = await again.ReadJsonAsync();
        Assert.Equal("invitation-used", problem.GetProperty("code").GetString());
        Assert.Equal("This invitation has already been used.", problem.GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.Gone, page.StatusCode);
        Assert.Contains("استُخدمت هذه الدعوة من قبل.", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(await MembershipAsync(app, orgId, second.UserId));
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ApiAsAsync(second.Email, TestPeople.Password)).PostAsJsonAsync("/api/v1/organizations/invitations/accept", new { token = token + "x" })).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Invitation_AcceptedConcurrently_AddsExactlyOneMember(TestDatabase database)
    {
        var app = fixture.For(database);
        var (orgId, admin, _) = await app.CreateOrganizationAsync(OrganizationStatus.Verified);
        var people = new List<Builders.StaffMember>();
        for (var i = 0; i < 4; i++)
            people.Add(await app.CreateVolunteerAsync());
        await (await app.ApiAsAsync(admin.Email, TestPeople.Password)).PostAsJsonAsync($"/api/v1/organizations/{orgId}/invitations", new { contact = people[0].Email, role = "supervisor" });
        var token = await app.InvitationTokenAsync(people[0].Email);
        var clients = new List<HttpClient>();
        foreach (var p in people)
            clients.Add(await app.ApiAsAsync(p.Email, TestPeople.Password));

        var responses = await Task.WhenAll(clients.Select(c => c.PostAsJsonAsync("/api/v1/organizations/invitations/accept", new { token })));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.OK), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        var ids = people.Select(p => p.UserId).ToList();
        Assert.Equal(1, await app.QueryAsync(db => db.OrganizationMembers.CountAsync(m => m.OrganizationId == orgId && ids.Contains(m.UserId))));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Invitation_ExpiresAfterSevenDays(TestDatabase database)
    {
        var app = fixture.For(database);
        var (orgId, admin, _) = await app.CreateOrganizationAsync(OrganizationStatus.Verified);
        var invitee = await app.CreateVolunteerAsync();
        await (await app.ApiAsAsync(admin.Email, TestPeople.Password)).PostAsJsonAsync($"/api/v1/organizations/{orgId}/invitations", new { contact = invitee.Email, role = "supervisor" });
        var token = await app.InvitationTokenAsync(invitee.Email);

        app.Clock.Advance(TimeSpan.FromDays(7).Add(TimeSpan.FromMinutes(1)));
        // Signed in after the clock moved, so the session itself is fresh.
        var response = await (await app.ApiAsAsync(invitee.Email, TestPeople.Password, language: "en")).PostAsJsonAsync("/api/v1/organizations/invitations/accept", new { token });
        var page = await (await app.BrowserAsAsync(invitee.Email, TestPeople.Password)).GetAsync($"/org/invitations/{token}");

        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        var problem = await response.ReadJsonAsync();
        Assert.Equal("invitation-expired", problem.GetProperty("code").GetString());
        Assert.Equal("This invitation has expired. Ask the organisation's admin for a new one.", problem.GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.Gone, page.StatusCode);
        Assert.DoesNotContain("accept-invitation", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(await MembershipAsync(app, orgId, invitee.UserId));
        Assert.False(await app.IsInRoleAsync(invitee.UserId, Roles.OrganizationSupervisor));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Invite_WithABadContactOrRole_OrAnExistingMember_IsAFieldError_AndSendsNothing(TestDatabase database)
    {
        var app = fixture.For(database);
        var (orgId, admin, supervisor) = await app.CreateOrganizationAsync(OrganizationStatus.Verified);
        var client = await app.ApiAsAsync(admin.Email, TestPeople.Password, language: "en");
        var before = await app.QueryAsync(db => db.OutboxMessages.CountAsync());

        var landline = await (await client.PostAsJsonAsync($"/api/v1/organizations/{orgId}/invitations", new { contact = "0114567890", role = "supervisor" })).ReadJsonAsync();
        var noRole = await (await client.PostAsJsonAsync($"/api/v1/organizations/{orgId}/invitations", new { contact = "someone@example.sa" })).ReadJsonAsync();
        var member = await (await client.PostAsJsonAsync($"/api/v1/organizations/{orgId}/invitations", new { contact = supervisor.Email, role = "admin" })).ReadJsonAsync();

        Assert.Equal("Invitation.ContactInvalid", landline.GetProperty("errorCodes").GetProperty("contact")[0].GetString());
        Assert.Equal("Enter an email address or a Saudi mobile number such as 05XXXXXXXX.", landline.GetProperty("errors").GetProperty("contact")[0].GetString());
        Assert.Equal("Field.Required", noRole.GetProperty("errorCodes").GetProperty("role")[0].GetString());
        Assert.Equal("Invitation.AlreadyMember", member.GetProperty("errorCodes").GetProperty("contact")[0].GetString());
        Assert.Equal(before, await app.QueryAsync(db => db.OutboxMessages.CountAsync()));
        Assert.False(await app.QueryAsync(db => db.OrganizationInvitations.AnyAsync(i => i.OrganizationId == orgId)));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Supervisor_SeesTheMembers_ButCannotInviteOrChangeThem(TestDatabase database)
    {
        var app = fixture.For(database);
        var (orgId, admin, supervisor) = await app.CreateOrganizationAsync(OrganizationStatus.Verified);
        var api = await app.ApiAsAsync(supervisor.Email, TestPeople.Password);

        var members = await api.GetAsync($"/api/v1/organizations/{orgId}/members");
        var invite = await api.PostAsJsonAsync($"/api/v1/organizations/{orgId}/invitations", new { contact = "x@example.sa", role = "admin" });
        var promote = await api.PutAsJsonAsync($"/api/v1/organizations/{orgId}/members/{supervisor.UserId}", new { role = "admin" });
        var remove = await api.DeleteAsync($"/api/v1/organizations/{orgId}/members/{admin.UserId}");
        var invitations = await api.GetAsync($"/api/v1/organizations/{orgId}/invitations");
        var page = await (await app.BrowserAsAsync(supervisor.Email, TestPeople.Password)).GetStringAsync($"/org/{orgId}/members");

        Assert.Equal(HttpStatusCode.OK, members.StatusCode);
        var list = await members.ReadJsonAsync();
        Assert.Equal(2, list.GetArrayLength());
        Assert.All(list.EnumerateArray(), m => Assert.Equal(System.Text.Json.JsonValueKind.Null, m.GetProperty("email").ValueKind));
        Assert.Equal(HttpStatusCode.Forbidden, invite.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, promote.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, remove.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, invitations.StatusCode);
        Assert.DoesNotContain("invite-form", page, StringComparison.Ordinal);
        Assert.DoesNotContain(admin.Email, page, StringComparison.Ordinal);
        Assert.Equal(OrganizationRole.Supervisor, (await MembershipAsync(app, orgId, supervisor.UserId))?.Role);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task TheLastAdmin_CanBeNeitherDemotedNorRemoved_UntilAnotherAdminExists(TestDatabase database)
    {
        var app = fixture.For(database);
        var (orgId, admin, supervisor) = await app.CreateOrganizationAsync(OrganizationStatus.Verified);
        var client = await app.ApiAsAsync(admin.Email, TestPeople.Password, language: "en");

        var demote = await client.PutAsJsonAsync($"/api/v1/organizations/{orgId}/members/{admin.UserId}", new { role = "supervisor" });
        var remove = await client.DeleteAsync($"/api/v1/organizations/{orgId}/members/{admin.UserId}");

        Assert.Equal(HttpStatusCode.Conflict, demote.StatusCode);
        Assert.Equal("last-admin", (await demote.ReadJsonAsync()).GetProperty("code").GetString());
        Assert.Equal("An organisation must keep at least one admin: make someone else admin first.", (await remove.ReadJsonAsync()).GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.Conflict, remove.StatusCode);
        Assert.Equal(OrganizationRole.Admin, (await MembershipAsync(app, orgId, admin.UserId))?.Role);

        Assert.Equal(HttpStatusCode.NoContent, (await client.PutAsJsonAsync($"/api/v1/organizations/{orgId}/members/{supervisor.UserId}", new { role = "admin" })).StatusCode);
        Assert.True(await app.IsInRoleAsync(supervisor.UserId, Roles.OrganizationAdmin));
        Assert.False(await app.IsInRoleAsync(supervisor.UserId, Roles.OrganizationSupervisor));
        Assert.Equal(HttpStatusCode.NoContent, (await client.PutAsJsonAsync($"/api/v1/organizations/{orgId}/members/{admin.UserId}", new { role = "supervisor" })).StatusCode);
        Assert.Equal(OrganizationRole.Supervisor, (await MembershipAsync(app, orgId, admin.UserId))?.Role);
        Assert.False(await app.IsInRoleAsync(admin.UserId, Roles.OrganizationAdmin));
        Assert.True(await app.IsInRoleAsync(admin.UserId, Roles.OrganizationSupervisor));

        var newAdmin = await app.ApiAsAsync(supervisor.Email, TestPeople.Password);
        Assert.Equal(HttpStatusCode.NoContent, (await newAdmin.DeleteAsync($"/api/v1/organizations/{orgId}/members/{admin.UserId}")).StatusCode);
        Assert.Null(await MembershipAsync(app, orgId, admin.UserId));
        Assert.False(await app.IsInRoleAsync(admin.UserId, Roles.OrganizationSupervisor));
        Assert.Equal(HttpStatusCode.Conflict, (await newAdmin.DeleteAsync($"/api/v1/organizations/{orgId}/members/{supervisor.UserId}")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task TwoAdminsDemotingEachOtherAtOnce_LeaveOneAdmin(TestDatabase database)
    {
        var app = fixture.For(database);
        var (orgId, admin, supervisor) = await app.CreateOrganizationAsync(OrganizationStatus.Verified);
        var first = await app.ApiAsAsync(admin.Email, TestPeople.Password);
        await first.PutAsJsonAsync($"/api/v1/organizations/{orgId}/members/{supervisor.UserId}", new { role = "admin" });
        var second = await app.ApiAsAsync(supervisor.Email, TestPeople.Password);

        var responses = await Task.WhenAll(
            first.PutAsJsonAsync($"/api/v1/organizations/{orgId}/members/{supervisor.UserId}", new { role = "supervisor" }),
            second.PutAsJsonAsync($"/api/v1/organizations/{orgId}/members/{admin.UserId}", new { role = "supervisor" }));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.NoContent);
        // The loser is refused as the last admin, or, when the winner committed first, is no longer an admin at all.
        Assert.Single(responses, r => r.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.Forbidden);
        Assert.Equal(1, await app.QueryAsync(db => db.OrganizationMembers.CountAsync(m => m.OrganizationId == orgId && m.Role == OrganizationRole.Admin)));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task AdminOfAnotherOrganization_Gets404ForEveryMemberAndInvitationOfThisOne(TestDatabase database)
    {
        var app = fixture.For(database);
        var (orgA, adminA, supervisorA) = await app.CreateOrganizationAsync(OrganizationStatus.Verified);
        var (orgB, adminB, supervisorB) = await app.CreateOrganizationAsync(OrganizationStatus.Verified);
        await (await app.ApiAsAsync(adminA.Email, TestPeople.Password)).PostAsJsonAsync($"/api/v1/organizations/{orgA}/invitations", new { contact = "guest@example.sa", role = "admin" });
        var invitationA = await app.QueryAsync(db => db.OrganizationInvitations.Where(i => i.OrganizationId == orgA).Select(i => i.Id).SingleAsync());
        var attacker = await app.ApiAsAsync(adminB.Email, TestPeople.Password);
        var browser = await app.BrowserAsAsync(adminB.Email, TestPeople.Password);

        var responses = new Dictionary<string, HttpResponseMessage>
        {
            ["details"] = await attacker.GetAsync($"/api/v1/organizations/{orgA}/details"),
            ["members"] = await attacker.GetAsync($"/api/v1/organizations/{orgA}/members"),
            ["promote"] = await attacker.PutAsJsonAsync($"/api/v1/organizations/{orgA}/members/{supervisorA.UserId}", new { role = "admin" }),
            ["remove"] = await attacker.DeleteAsync($"/api/v1/organizations/{orgA}/members/{supervisorA.UserId}"),
            ["invitations"] = await attacker.GetAsync($"/api/v1/organizations/{orgA}/invitations"),
            ["invite"] = await attacker.PostAsJsonAsync($"/api/v1/organizations/{orgA}/invitations", new { contact = adminB.Email, role = "admin" }),
            ["revoke"] = await attacker.DeleteAsync($"/api/v1/organizations/{orgA}/invitations/{invitationA}"),
            // A's objects through B's own address.
            ["promote via B"] = await attacker.PutAsJsonAsync($"/api/v1/organizations/{orgB}/members/{supervisorA.UserId}", new { role = "admin" }),
            ["remove via B"] = await attacker.DeleteAsync($"/api/v1/organizations/{orgB}/members/{adminA.UserId}"),
            ["revoke via B"] = await attacker.DeleteAsync($"/api/v1/organizations/{orgB}/invitations/{invitationA}"),
            ["staff page"] = await browser.GetAsync($"/org/{orgA}"),
            ["members page"] = await browser.GetAsync($"/org/{orgA}/members"),
            ["invite form"] = await browser.PostFormAsync($"/org/{orgA}/members?handler=Invite", [new("Invite.Contact", adminB.Email), new("Invite.Role", "Admin")], tokenFrom: $"/org/{orgB}/members"),
            ["remove form"] = await browser.PostFormAsync($"/org/{orgA}/members?handler=Remove", [new("memberId", supervisorA.UserId.ToString())], tokenFrom: $"/org/{orgB}/members"),
            ["remove A's member via B's form"] = await browser.PostFormAsync($"/org/{orgB}/members?handler=Remove", [new("memberId", supervisorA.UserId.ToString())], tokenFrom: $"/org/{orgB}/members"),
        };

        Assert.All(responses, r => Assert.True(r.Value.StatusCode == HttpStatusCode.NotFound, $"{r.Key}: {r.Value.StatusCode}"));
        Assert.Equal(OrganizationRole.Supervisor, (await MembershipAsync(app, orgA, supervisorA.UserId))?.Role);
        Assert.NotNull(await MembershipAsync(app, orgA, adminA.UserId));
        Assert.Equal(1, await app.QueryAsync(db => db.OrganizationInvitations.CountAsync(i => i.OrganizationId == orgA)));
        Assert.Null(await MembershipAsync(app, orgA, adminB.UserId));
        Assert.NotNull(await MembershipAsync(app, orgB, supervisorB.UserId));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task APerson_CanBelongToSeveralOrganizations(TestDatabase database)
    {
        var app = fixture.For(database);
        var (orgA, adminA, _) = await app.CreateOrganizationAsync(OrganizationStatus.Verified);
        var (orgB, adminB, _) = await app.CreateOrganizationAsync(OrganizationStatus.Verified, regionId: 2, cityId: 201);
        await (await app.ApiAsAsync(adminA.Email, TestPeople.Password)).PostAsJsonAsync($"/api/v1/organizations/{orgA}/invitations", new { contact = adminB.Email, role = "supervisor" });
        var token = await app.InvitationTokenAsync(adminB.Email);

        var response = await (await app.ApiAsAsync(adminB.Email, TestPeople.Password)).PostAsJsonAsync("/api/v1/organizations/invitations/accept", new { token });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var mine = await (await (await app.ApiAsAsync(adminB.Email, TestPeople.Password)).GetAsync("/api/v1/organizations/mine")).ReadJsonAsync();
        Assert.Equal([(orgB, "admin"), (orgA, "supervisor")], mine.EnumerateArray().Select(m => (m.GetProperty("id").GetGuid(), m.GetProperty("role").GetString()!)).OrderBy(x => x.Item2).ToList());
        Assert.True(await app.IsInRoleAsync(adminB.UserId, Roles.OrganizationAdmin));
        Assert.True(await app.IsInRoleAsync(adminB.UserId, Roles.OrganizationSupervisor));
        var page = await (await app.BrowserAsAsync(adminB.Email, TestPeople.Password)).GetStringAsync("/org");
        Assert.Contains($"href=\"/org/{orgA}\"", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"/org/{orgB}\"", page, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task MembersPage_AdminInvites_ChangesRoles_AndSeesTheLastAdminRefusal(TestDatabase database)
    {
        var app = fixture.For(database);
        var (orgId, admin, supervisor) = await app.CreateOrganizationAsync(OrganizationStatus.Verified);
        var browser = await app.BrowserAsAsync(admin.Email, TestPeople.Password);
        var path = $"/org/{orgId}/members";

        var page = await browser.GetStringAsync(path);
        var badInvite = await browser.PostFormAsync($"{path}?handler=Invite", [new("Invite.Contact", "12345"), new("Invite.Role", "Supervisor")], tokenFrom: path);
        var invite = await browser.PostFormAsync($"{path}?handler=Invite", [new("Invite.Contact", "new.staff@example.sa"), new("Invite.Role", "Supervisor")], tokenFrom: path);
        var afterInvite = await browser.GetStringAsync(path);
        var demoteSelf = await browser.PostFormAsync($"{path}?handler=Role", [new("memberId", admin.UserId.ToString()), new("role", "Supervisor")], tokenFrom: path);
        var promote = await browser.PostFormAsync($"{path}?handler=Role", [new("memberId", supervisor.UserId.ToString()), new("role", "Admin")], tokenFrom: path);

        Assert.Contains("invite-form", page, StringComparison.Ordinal);
        Assert.Contains(supervisor.Email, page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, badInvite.StatusCode);
        Assert.Contains("أدخل بريداً إلكترونياً أو رقم جوال سعودياً مثل 05XXXXXXXX.", await badInvite.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, invite.StatusCode);
        Assert.Equal(path, invite.Headers.Location?.OriginalString);
        Assert.Contains("new.staff@example.sa", afterInvite, StringComparison.Ordinal);
        Assert.Contains("أُرسلت الدعوة.", afterInvite, StringComparison.Ordinal);
        Assert.True(await app.QueryAsync(db => db.OutboxMessages.AnyAsync(m => m.Recipient == "new.staff@example.sa")));
        Assert.Equal(HttpStatusCode.OK, demoteSelf.StatusCode);
        Assert.Contains("يجب أن يبقى للجهة مدير واحد على الأقل", await demoteSelf.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, promote.StatusCode);
        Assert.Equal(OrganizationRole.Admin, (await MembershipAsync(app, orgId, supervisor.UserId))?.Role);

        var invitation = await app.QueryAsync(db => db.OrganizationInvitations.Where(i => i.OrganizationId == orgId).Select(i => i.Id).SingleAsync());
        var revoke = await browser.PostFormAsync($"{path}?handler=Revoke", [new("invitationId", invitation.ToString())], tokenFrom: path);
        Assert.Equal(HttpStatusCode.Redirect, revoke.StatusCode);
        Assert.False(await app.QueryAsync(db => db.OrganizationInvitations.AnyAsync(i => i.Id == invitation)));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Pages_AnswerByMembership(TestDatabase database)
    {
        var app = fixture.For(database);
        var (orgId, _, supervisor) = await app.CreateOrganizationAsync(OrganizationStatus.Verified, regionId: 2, cityId: 202);

        var regional = await (await app.BrowserAsAsync("makkah.supervisor@athar.local")).GetAsync($"/org/{orgId}/members");
        var volunteer = await (await app.BrowserAsAsync("volunteer@athar.local")).GetAsync($"/org/{orgId}/members");
        var anonymous = await app.Browser().GetAsync($"/org/{orgId}/members");
        var staff = await (await app.BrowserAsAsync(supervisor.Email, TestPeople.Password)).GetAsync($"/org/{orgId}");

        Assert.Equal(HttpStatusCode.OK, regional.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, volunteer.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.OK, staff.StatusCode);
        var html = await staff.Content.ReadAsStringAsync();
        Assert.Contains($"href=\"/org/{orgId}/opportunities\"", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/org/{orgId}/dashboard\"", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/organizations/{orgId}\"", html, StringComparison.Ordinal);
    }
}
