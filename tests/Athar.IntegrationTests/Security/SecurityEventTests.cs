using System.Net;
using System.Net.Http.Json;
using Athar.Core.Accounts;
using Athar.Data.Accounts;
using Athar.Data.Notifications;
using Athar.IntegrationTests.Infrastructure;
using Athar.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Athar.IntegrationTests.Security;

/// <summary>One app per database with every log entry captured; the tests of a class run one after another.</summary>
public sealed class SecurityEventScene : IAsyncLifetime
{
    private readonly Dictionary<TestDatabase, (AtharAppFactory App, CapturedLogs Logs)> _apps = [];

    public (AtharAppFactory App, CapturedLogs Logs) For(TestDatabase database)
    {
        if (!_apps.TryGetValue(database, out var scene))
        {
            var logs = new CapturedLogs();
            scene = (new AtharAppFactory(database, logs: logs), logs);
            _ = scene.App.Server;
            _apps[database] = scene;
        }
        scene.Logs.Clear();
        return scene;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var (app, _) in _apps.Values)
            await app.DisposeAsync();
    }
}

/// <summary>
/// Security events (ASVS 16.3.1–16.3.3): each sign-in step, lockout, refused authorisation, refused object and
/// antiforgery failure writes its stable event id with the account's id when known, and never what was typed.
/// </summary>
public sealed class SecurityEventTests(SecurityEventScene scene) : IClassFixture<SecurityEventScene>
{
    private const string WrongPassword = "Wrong-Password-1";

    private static async Task<(VolunteerRegistrationInput Input, Guid UserId)> RegisterAsync(AtharAppFactory app)
    {
        var input = TestPeople.Adult();
        Assert.Equal(HttpStatusCode.Accepted, (await app.Api().PostAsJsonAsync("/api/v1/auth/register", input, HttpHelpers.Json)).StatusCode);
        var userId = await app.QueryAsync(db => db.Volunteers.Where(v => v.NationalId == input.NationalId).Select(v => v.UserId).SingleAsync());
        return (input, userId);
    }

    private static Task<HttpResponseMessage> PageSignInAsync(HttpClient browser, string identifier, string password) =>
        browser.PostFormAsync("/account/login", [new("Input.Identifier", identifier), new("Input.Password", password)]);

    private static Task<HttpResponseMessage> ApiSignInAsync(AtharAppFactory app, string identifier, string password) =>
        app.Api().PostAsJsonAsync("/api/v1/auth/login", new { identifier, password });

    private static void AssertEvent(CapturedLogs.Entry entry, Guid? userId, string channel, SignInMethod? method = null, SecurityRefusal? reason = null)
    {
        Assert.Equal(userId, entry.Values["UserId"]);
        Assert.Equal(channel, entry.Values["Channel"]);
        Assert.False(string.IsNullOrEmpty(entry.Values["TraceId"] as string));
        Assert.True(entry.Values.ContainsKey("ClientIp"));
        if (method is not null)
            Assert.Equal(method, entry.Values["Method"]);
        if (reason is not null)
            Assert.Equal(reason, entry.Values["Reason"]);
    }

    /// <summary>Exactly these ObjectAccessRefused (1032) events, in order, each from the API caller.</summary>
    private static void AssertObjectRefusals(CapturedLogs logs, Guid userId, params (string Type, Guid Id, string Operation)[] expected)
    {
        var refusals = logs.Events(1032);
        Assert.Equal(expected, refusals.Select(e => ((string)e.Values["ObjectType"]!, (Guid)e.Values["ObjectId"]!, (string)e.Values["Operation"]!)));
        Assert.All(refusals, refused => AssertEvent(refused, userId, "api"));
    }

    /// <summary>An id that names nothing answers 404 too, but is not a refused object: nothing is logged.</summary>
    private static async Task AssertUnknownIdsAreNotLoggedAsync(CapturedLogs logs, params Func<Task<HttpResponseMessage>>[] requests)
    {
        logs.Clear();
        foreach (var request in requests)
            Assert.Equal(HttpStatusCode.NotFound, (await request()).StatusCode);
        Assert.Empty(logs.Events(1032));
    }

    private static void AssertNothingTyped(CapturedLogs logs, params string?[] typed)
    {
        var secrets = typed.OfType<string>().ToList();
        var leaks = logs.Lines.Where(line => secrets.Any(s => line.Contains(s, StringComparison.OrdinalIgnoreCase))).ToList();
        Assert.True(leaks.Count == 0, "Typed credentials in the logs:\n" + string.Join('\n', leaks.Take(5)));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task PageSignIn_AWrongPasswordThenTheRightOne_LogsFailedThenSucceeded_WithTheUserId_NeverWhatWasTyped(TestDatabase database)
    {
        var (app, logs) = scene.For(database);
        var (person, userId) = await RegisterAsync(app);
        logs.Clear();
        var browser = app.Browser();

        Assert.Equal(HttpStatusCode.OK, (await PageSignInAsync(browser, person.NationalId!, WrongPassword)).StatusCode);
        var failed = Assert.Single(logs.Events(1001));
        AssertEvent(failed, userId, "page", SignInMethod.Password, SecurityRefusal.WrongPassword);
        Assert.Empty(logs.Events(1000));

        Assert.Equal(HttpStatusCode.Redirect, (await PageSignInAsync(browser, person.Mobile!, TestPeople.Password)).StatusCode);
        AssertEvent(Assert.Single(logs.Events(1000)), userId, "page", SignInMethod.Password);
        Assert.Single(logs.Events(1001));
        AssertNothingTyped(logs, person.NationalId, person.Mobile, person.Email, WrongPassword, TestPeople.Password);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task ApiSignIn_WithAnUnknownAccount_LogsAFailureWithoutAUserId_AndWithAWrongPassword_TheAccountsId(TestDatabase database)
    {
        var (app, logs) = scene.For(database);
        var (person, userId) = await RegisterAsync(app);
        var unknownNationalId = TestPeople.NewNationalId();
        logs.Clear();

        Assert.Equal(HttpStatusCode.Unauthorized, (await ApiSignInAsync(app, unknownNationalId, WrongPassword)).StatusCode);
        AssertEvent(Assert.Single(logs.Events(1001)), null, "api", SignInMethod.Password, SecurityRefusal.UnknownAccount);

        logs.Clear();
        Assert.Equal(HttpStatusCode.Unauthorized, (await ApiSignInAsync(app, person.Email!, WrongPassword)).StatusCode);
        AssertEvent(Assert.Single(logs.Events(1001)), userId, "api", SignInMethod.Password, SecurityRefusal.WrongPassword);
        Assert.Empty(logs.Events(1000));
        AssertNothingTyped(logs, unknownNationalId, person.Email, WrongPassword);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Lockout_OnTheApi_LogsFiveWrongPasswords_OneLockout_ThenALockedOutRefusal_EvenForTheRightPassword(TestDatabase database)
    {
        var (app, logs) = scene.For(database);
        var (person, userId) = await RegisterAsync(app);
        logs.Clear();

        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await ApiSignInAsync(app, person.NationalId!, WrongPassword)).StatusCode);
        Assert.Equal(5, logs.Events(1001).Count(e => Equals(e.Values["Reason"], SecurityRefusal.WrongPassword)));
        AssertEvent(Assert.Single(logs.Events(1003)), userId, "api", SignInMethod.Password);

        logs.Clear();
        Assert.Equal(HttpStatusCode.Unauthorized, (await ApiSignInAsync(app, person.NationalId!, TestPeople.Password)).StatusCode);
        AssertEvent(Assert.Single(logs.Events(1001)), userId, "api", SignInMethod.Password, SecurityRefusal.LockedOut);
        Assert.Empty(logs.Events(1003));
        Assert.Empty(logs.Events(1000));
        AssertNothingTyped(logs, person.NationalId, WrongPassword, TestPeople.Password);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task SecondStep_AWrongAuthenticatorCode_LogsAFailure_AndTheRightOne_ASignIn(TestDatabase database)
    {
        var (app, logs) = scene.For(database);
        var admin = await app.CreatePersonAsync([Roles.PlatformAdmin]);
        var browser = app.Browser();
        logs.Clear();

        var first = await PageSignInAsync(browser, admin.Email, TestPeople.Password);
        Assert.StartsWith("/account/login-2fa", first.Headers.Location?.OriginalString, StringComparison.Ordinal);
        AssertEvent(Assert.Single(logs.Events(1002)), admin.UserId, "page");
        Assert.Empty(logs.Events(1000));

        var right = await app.CodeForAsync(admin.Email);
        var wrong = right == "000000" ? "111111" : "000000";
        Assert.Equal(HttpStatusCode.OK, (await browser.PostFormAsync(first.Headers.Location!.OriginalString, [new("Code", wrong)])).StatusCode);
        AssertEvent(Assert.Single(logs.Events(1001)), admin.UserId, "page", SignInMethod.Authenticator, SecurityRefusal.WrongSecondFactor);

        // As a person would, the next code when the step turned between reading and checking it.
        for (var attempt = 0; attempt < 3 && logs.Events(1000).Count == 0; attempt++)
            await browser.PostFormAsync(first.Headers.Location!.OriginalString, [new("Code", (await app.CodeForAsync(admin.Email))!)]);
        AssertEvent(Assert.Single(logs.Events(1000)), admin.UserId, "page", SignInMethod.Authenticator);
        AssertNothingTyped(logs, admin.Email, TestPeople.Password);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task AVolunteer_CallingAnAdminEndpoint_IsLoggedAsForbidden_AndAnAnonymousCaller_AsChallenged(TestDatabase database)
    {
        var (app, logs) = scene.For(database);
        var (person, userId) = await RegisterAsync(app);
        var volunteer = await app.ApiAsAsync(person.Email!, TestPeople.Password);
        logs.Clear();

        Assert.Equal(HttpStatusCode.Forbidden, (await volunteer.GetAsync("/api/v1/admin/audit/verify")).StatusCode);
        var forbidden = Assert.Single(logs.Events(1030));
        AssertEvent(forbidden, userId, "api");
        Assert.Equal("/api/v1/admin/audit/verify", forbidden.Values["Route"]);
        Assert.Equal(Policies.PlatformAdmin, forbidden.Values["Policy"]);
        Assert.Equal("GET", forbidden.Values["HttpMethod"]);

        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Api().GetAsync("/api/v1/admin/audit/verify")).StatusCode);
        Assert.Equal("/api/v1/admin/audit/verify", Assert.Single(logs.Events(1031)).Values["Route"]);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task ATeamMember_ChangingAnotherMembersRole_IsRefusedByTheUseCase_AndLoggedAsForbiddenOnce(TestDatabase database)
    {
        var (app, logs) = scene.For(database);
        var teams = await Teams.TeamScene.CreateAsync(app);
        var members = await teams.MembersAsync(2);
        var member = await app.ApiAsAsync(members[0].Email, TestPeople.Password);
        logs.Clear();

        // The endpoint's policy (signed in) lets the member in; the team's rule (only its leader sets roles) refuses.
        var response = await member.PutAsJsonAsync($"/api/v1/teams/{teams.TeamId}/members/{members[1].UserId}/role", new { role = "Deputy" }, HttpHelpers.Json);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var forbidden = Assert.Single(logs.Events(1030));
        AssertEvent(forbidden, members[0].UserId, "api");
        Assert.Equal(UseCaseRefusalLog.Policy, forbidden.Values["Policy"]);
        Assert.Equal("/api/v1/teams/{id:guid}/members/{userId:guid}/role", forbidden.Values["Route"]);
        Assert.Equal("PUT", forbidden.Values["HttpMethod"]);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task AnotherOrganisationsAdmin_AskingForItsIdeas_GetsNotFound_AndIsLoggedAsAnObjectRefusal(TestDatabase database)
    {
        var (app, logs) = scene.For(database);
        var (organizationA, _, _) = await app.CreateVerifiedOrganizationAsync();
        var (_, adminB, _) = await app.CreateVerifiedOrganizationAsync();
        var client = await app.ApiAsAsync(adminB.Email, TestPeople.Password);
        logs.Clear();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/organizations/{organizationA}/ideas")).StatusCode);

        var refused = Assert.Single(logs.Events(1032));
        AssertEvent(refused, adminB.UserId, "api");
        Assert.Equal(organizationA, refused.Values["ObjectId"]);
        Assert.Equal("View", refused.Values["Operation"]);
        Assert.Equal("/api/v1/organizations/{organizationId:guid}/ideas/", refused.Values["Route"]);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task AnotherOrganisationsAdmin_AcceptingItsApplication_GetsNotFound_AndIsLoggedAsAnObjectRefusal_ButAnUnknownIdIsNot(TestDatabase database)
    {
        var (app, logs) = scene.For(database);
        var (organizationA, _, _) = await app.CreateVerifiedOrganizationAsync();
        var (_, adminB, _) = await app.CreateVerifiedOrganizationAsync();
        var opportunity = await app.CreatePublishedOpportunityAsync(organizationA, [app.ShiftFromNow(TimeSpan.FromHours(30), TimeSpan.FromHours(3), 2)]);
        var volunteer = await app.CreatePersonAsync([Roles.Volunteer]);
        Assert.Equal(HttpStatusCode.Created, (await (await app.ApiAsAsync(volunteer.Email, TestPeople.Password)).PostAsync($"/api/v1/shifts/{opportunity.Shifts[0].Id}/applications", null)).StatusCode);
        var applicationId = await app.QueryAsync(db => db.Applications.Where(a => a.ShiftId == opportunity.Shifts[0].Id).Select(a => a.Id).SingleAsync());
        var client = await app.ApiAsAsync(adminB.Email, TestPeople.Password);
        logs.Clear();

        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync($"/api/v1/applications/{applicationId}/accept", null)).StatusCode);

        AssertObjectRefusals(logs, adminB.UserId, ("Application", applicationId, "Operate"));
        await AssertUnknownIdsAreNotLoggedAsync(logs, () => client.PostAsync($"/api/v1/applications/{Guid.NewGuid()}/accept", null));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task AnotherOrganisationsAdmin_AskingForAHiddenTeam_GetsNotFound_AndIsLoggedAsAnObjectRefusal_ButAnUnknownIdIsNot(TestDatabase database)
    {
        var (app, logs) = scene.For(database);
        var teams = await Teams.TeamScene.CreateAsync(app);
        // A suspended organisation's teams leave the directory: only its own people may still see them.
        await app.QueryAsync(db => db.Organizations.Where(o => o.Id == teams.OrganizationId)
            .ExecuteUpdateAsync(o => o.SetProperty(x => x.Status, Data.Organizations.OrganizationStatus.Suspended)));
        var (_, adminB, _) = await app.CreateVerifiedOrganizationAsync();
        var client = await app.ApiAsAsync(adminB.Email, TestPeople.Password);
        logs.Clear();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/teams/{teams.TeamId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync($"/api/v1/teams/{teams.TeamId}/join", null)).StatusCode);

        AssertObjectRefusals(logs, adminB.UserId, ("Team", teams.TeamId, "View"), ("Team", teams.TeamId, "View"));
        Assert.Equal("/api/v1/teams/{id:guid}/join", logs.Events(1032)[1].Values["Route"]);
        await AssertUnknownIdsAreNotLoggedAsync(logs, () => client.GetAsync($"/api/v1/teams/{Guid.NewGuid()}"));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task OrganisationAdmin_RunningAPlatformCourse_GetsNotFound_AndIsLoggedAsAnObjectRefusal_ButAnUnknownIdIsNot(TestDatabase database)
    {
        var (app, logs) = scene.For(database);
        var training = await Training.TrainingScene.CreateAsync(app);
        var course = await training.CourseAsync();
        var (organization, orgAdmin, _) = await app.CreateVerifiedOrganizationAsync();
        var client = await app.ApiAsAsync(orgAdmin.Email, TestPeople.Password);
        logs.Clear();

        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync($"/api/v1/courses/{course}/archive", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/courses/{course}/enrollments")).StatusCode);
        // Creating a course for an organisation without the management licence is refused as that organisation's object.
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsJsonAsync("/api/v1/courses",
            new { titleAr = "دورة", descriptionAr = "وصف", durationHours = 4, passingScore = 60, organizationId = organization })).StatusCode);

        AssertObjectRefusals(logs, orgAdmin.UserId,
            ("Course", course, "Manage"), ("Course", course, "RecordResults"), ("Organization", organization, "CreateCourse"));
        await AssertUnknownIdsAreNotLoggedAsync(logs,
            () => client.PostAsync($"/api/v1/courses/{Guid.NewGuid()}/archive", null),
            () => client.PostAsJsonAsync("/api/v1/courses", new { titleAr = "دورة", descriptionAr = "وصف", durationHours = 4, passingScore = 60, organizationId = Guid.NewGuid() }));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task AVolunteer_TouchingAnotherPersonsEnrolmentApplicationOrSession_GetsNotFound_AndIsLoggedAsAnObjectRefusal_ButAnUnknownIdIsNot(TestDatabase database)
    {
        var (app, logs) = scene.For(database);
        var training = await Training.TrainingScene.CreateAsync(app);
        var session = await training.SessionAsync(await training.CourseAsync());
        var (owner, ownerClient) = await training.VolunteerAsync();
        var enrollment = await Training.TrainingScene.EnrollAsync(ownerClient, session.Id);
        var (organization, _, _) = await app.CreateVerifiedOrganizationAsync();
        var opportunity = await app.CreatePublishedOpportunityAsync(organization, [app.ShiftFromNow(TimeSpan.FromHours(30), TimeSpan.FromHours(3), 2)], autoAccept: true);
        var applied = await ownerClient.PostAsJsonAsync($"/api/v1/shifts/{opportunity.Shifts[0].Id}/applications", new { });
        var application = (await applied.ReadJsonAsync()).GetProperty("id").GetGuid();
        var ownersSession = await app.QueryAsync(db => db.UserSessions.Where(x => x.UserId == owner.UserId).Select(x => x.Id).FirstAsync());
        var (other, client) = await training.VolunteerAsync();
        logs.Clear();

        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync($"/api/v1/me/enrollments/{enrollment}/withdraw", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync($"/api/v1/me/applications/{application}/withdraw", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/me/applications/{application}/calendar.ics")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync($"/api/v1/me/sessions/{ownersSession}")).StatusCode);

        AssertObjectRefusals(logs, other.UserId,
            ("CourseEnrollment", enrollment, "Withdraw"), ("Application", application, "Withdraw"), ("Application", application, "Calendar"), ("UserSession", ownersSession, "End"));
        Assert.Equal("/api/v1/me/enrollments/{id:guid}/withdraw", logs.Events(1032)[0].Values["Route"]);
        // The owner still has what the other person could not touch.
        Assert.Equal(HttpStatusCode.OK, (await ownerClient.GetAsync($"/api/v1/me/applications/{application}/calendar.ics")).StatusCode);
        await AssertUnknownIdsAreNotLoggedAsync(logs,
            () => client.PostAsync($"/api/v1/me/enrollments/{Guid.NewGuid()}/withdraw", null),
            () => client.PostAsync($"/api/v1/me/applications/{Guid.NewGuid()}/withdraw", null),
            () => client.GetAsync($"/api/v1/me/applications/{Guid.NewGuid()}/calendar.ics"),
            () => client.DeleteAsync($"/api/v1/me/sessions/{Guid.NewGuid()}"));

        // The certificate of another's enrolment is refused on the download route, outside the API.
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/me/documents/training/{enrollment}")).StatusCode);
        var download = Assert.Single(logs.Events(1032));
        Assert.Equal(("CourseEnrollment", enrollment, "Download"), ((string)download.Values["ObjectType"]!, (Guid)download.Values["ObjectId"]!, (string)download.Values["Operation"]!));
        AssertEvent(download, other.UserId, "page");
        await AssertUnknownIdsAreNotLoggedAsync(logs, () => client.GetAsync($"/me/documents/training/{Guid.NewGuid()}"));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task AVolunteer_MarkingAnotherPersonsNotificationRead_OrDownloadingTheirLicenceCard_GetsNotFound_AndIsLogged_ButAnUnknownIdIsNot(TestDatabase database)
    {
        var (app, logs) = scene.For(database);
        var training = await Training.TrainingScene.CreateAsync(app);
        var course = await training.CourseAsync();
        var (owner, ownerClient) = await training.VolunteerAsync();
        await training.TakeCourseAsync(ownerClient, course, 90);
        var licence = (await Training.TrainingScene.LicensesAsync(ownerClient))[0].GetProperty("id").GetGuid();
        var notification = await app.QueryAsync(async db =>
        {
            var row = new Notification { UserId = owner.UserId, Kind = "CourseEnrolled", Arguments = "دورة¦Course", CreatedAt = app.Clock.GetUtcNow() };
            db.Notifications.Add(row);
            await db.SaveChangesAsync();
            return row.Id;
        });
        var (other, client) = await training.VolunteerAsync();
        logs.Clear();

        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync($"/api/v1/me/notifications/{notification}/read", null)).StatusCode);
        var markRead = Assert.Single(logs.Events(1032));
        Assert.Equal(("Notification", (object)notification, "MarkRead"), ((string)markRead.Values["ObjectType"]!, markRead.Values["ObjectId"]!, (string)markRead.Values["Operation"]!));
        Assert.Equal("/api/v1/me/notifications/{id:long}/read", markRead.Values["Route"]);
        AssertEvent(markRead, other.UserId, "api");
        Assert.Null(await app.QueryAsync(db => db.Notifications.Where(n => n.Id == notification).Select(n => n.ReadAt).SingleAsync()));
        logs.Clear();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/me/documents/license/{licence}")).StatusCode);
        var download = Assert.Single(logs.Events(1032));
        Assert.Equal(("License", licence, "Download"), ((string)download.Values["ObjectType"]!, (Guid)download.Values["ObjectId"]!, (string)download.Values["Operation"]!));
        AssertEvent(download, other.UserId, "page");

        // The owner still marks and downloads their own, unlogged.
        logs.Clear();
        Assert.Equal(HttpStatusCode.NoContent, (await ownerClient.PostAsync($"/api/v1/me/notifications/{notification}/read", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ownerClient.GetAsync($"/me/documents/license/{licence}")).StatusCode);
        Assert.Empty(logs.Events(1032));
        await AssertUnknownIdsAreNotLoggedAsync(logs,
            () => client.PostAsync($"/api/v1/me/notifications/{notification + 1_000_000}/read", null),
            () => client.GetAsync($"/me/documents/license/{Guid.NewGuid()}"));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task RefreshToken_Used_IsLogged_AndAForgedOne_IsLoggedAsRefused(TestDatabase database)
    {
        var (app, logs) = scene.For(database);
        var (person, userId) = await RegisterAsync(app);
        var token = await app.Api().LoginTokenAsync(person.Email!, TestPeople.Password);
        logs.Clear();

        Assert.Equal(HttpStatusCode.OK, (await app.Api().PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = token.RefreshToken })).StatusCode);
        AssertEvent(Assert.Single(logs.Events(1005)), userId, "api");

        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Api().PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = "forged" })).StatusCode);
        Assert.Equal(SecurityRefusal.InvalidToken, Assert.Single(logs.Events(1006)).Values["Reason"]);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task PasswordReset_ForAnUnknownAddress_IsLoggedWithoutTheAddress_AndForAnAccount_WithItsId(TestDatabase database)
    {
        var (app, logs) = scene.For(database);
        var (person, userId) = await RegisterAsync(app);
        logs.Clear();

        Assert.Equal(HttpStatusCode.Accepted, (await app.Api().PostAsJsonAsync("/api/v1/auth/forgot-password", new { email = "nobody-here@test.athar" })).StatusCode);
        Assert.Null(Assert.Single(logs.Events(1010)).Values["UserId"]);
        logs.Clear();
        Assert.Equal(HttpStatusCode.Accepted, (await app.Api().PostAsJsonAsync("/api/v1/auth/forgot-password", new { email = person.Email })).StatusCode);
        Assert.Equal(userId, Assert.Single(logs.Events(1010)).Values["UserId"]);
        AssertNothingTyped(logs, "nobody-here@test.athar");
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task APageForm_WithoutItsAntiforgeryToken_IsRefused_AndLogged(TestDatabase database)
    {
        var (app, logs) = scene.For(database);
        var browser = app.Browser();
        await browser.GetAsync("/account/login");

        var response = await browser.PostAsync("/account/login", new FormUrlEncodedContent([new("Input.Identifier", "someone@test.athar"), new("Input.Password", WrongPassword)]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var rejected = Assert.Single(logs.Events(1040));
        AssertEvent(rejected, null, "page");
        Assert.Equal("POST", rejected.Values["HttpMethod"]);
        Assert.Empty(logs.Events(1001));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task SwitchingTwoFactorOnAndOff_AndSigningOut_AreLogged_WithTheUserId(TestDatabase database)
    {
        var (app, logs) = scene.For(database);
        var person = await app.CreatePersonAsync([Roles.Volunteer]);
        var browser = await app.BrowserAsAsync(person.Email, TestPeople.Password);
        await browser.GetStringAsync("/profile/two-factor");
        string key;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AtharUser>>();
            key = (await users.GetAuthenticatorKeyAsync((await users.FindByIdAsync(person.UserId.ToString()))!))!;
        }
        logs.Clear();

        await browser.PostFormAsync("/profile/two-factor?handler=Enable", [new("Code", await app.UnusedCodeAsync(person.UserId, key))], tokenFrom: "/profile/two-factor");
        AssertEvent(Assert.Single(logs.Events(1020)), person.UserId, "page");
        await browser.PostFormAsync("/profile/two-factor?handler=Disable", [], tokenFrom: "/profile/two-factor");
        AssertEvent(Assert.Single(logs.Events(1021)), person.UserId, "page");
        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostFormAsync("/account/logout", [], tokenFrom: "/profile")).StatusCode);
        AssertEvent(Assert.Single(logs.Events(1004)), person.UserId, "page");
    }

    [Fact]
    public async Task ARateLimitRefusal_IsLogged_WithTheLimitAndRoute()
    {
        var logs = new CapturedLogs();
        await using var app = new AtharAppFactory(TestDatabase.Sqlite, new Dictionary<string, string?>
        {
            ["Athar:RateLimits:Enabled"] = "true",
            ["Athar:RateLimits:SignIn:Permits"] = "2",
            ["Athar:RateLimits:SignIn:WindowSeconds"] = "600",
        }, logs);
        for (var i = 0; i < 2; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await ApiSignInAsync(app, "nobody@test.athar", WrongPassword)).StatusCode);
        Assert.Empty(logs.Events(1041));

        Assert.Equal(HttpStatusCode.TooManyRequests, (await ApiSignInAsync(app, "nobody@test.athar", WrongPassword)).StatusCode);

        var limited = Assert.Single(logs.Events(1041));
        AssertEvent(limited, null, "api");
        Assert.Equal(RateLimits.SignIn, limited.Values["Limit"]);
        Assert.Equal("/api/v1/auth/login", limited.Values["Route"]);
        AssertNothingTyped(logs, "nobody@test.athar", WrongPassword);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task EmailChange_LogsTheRefusedPassword_TheRequest_TheAlteredLink_AndTheChange_NeverTheAddresses(TestDatabase database)
    {
        var (app, logs) = scene.For(database);
        var (person, userId) = await RegisterAsync(app);
        var api = await app.ApiAsAsync(person.Email!, TestPeople.Password);
        var address = $"moved-{Guid.NewGuid():N}@test.athar";
        logs.Clear();

        Assert.Equal(HttpStatusCode.BadRequest, (await api.PostAsJsonAsync("/api/v1/me/email", new { newEmail = address, currentPassword = WrongPassword })).StatusCode);
        AssertEvent(Assert.Single(logs.Events(1015)), userId, "api", reason: SecurityRefusal.WrongPassword);
        Assert.Empty(logs.Events(1013));

        Assert.Equal(HttpStatusCode.Accepted, (await api.PostAsJsonAsync("/api/v1/me/email", new { newEmail = address, currentPassword = TestPeople.Password })).StatusCode);
        var requested = Assert.Single(logs.Events(1013));
        AssertEvent(requested, userId, "api");
        Assert.Equal(false, requested.Values["AddressTaken"]);

        var link = await EmailChangeLinks.SentToAsync(app, address);
        logs.Clear();

        var altered = link with { Code = (link.Code[0] == 'A' ? "B" : "A") + link.Code[1..] };
        Assert.False((await EmailChangeLinks.ConfirmOnApiAsync(app, altered)).IsSuccessStatusCode);
        AssertEvent(Assert.Single(logs.Events(1015)), userId, "api", reason: SecurityRefusal.InvalidToken);
        Assert.Empty(logs.Events(1014));

        Assert.True((await EmailChangeLinks.ConfirmOnApiAsync(app, link)).IsSuccessStatusCode);
        AssertEvent(Assert.Single(logs.Events(1014)), userId, "api");
        AssertNothingTyped(logs, address, person.Email, WrongPassword, TestPeople.Password, link.Code);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task ASignInPastTheParallelSessionLimit_LogsTheSessionItEnded(TestDatabase database)
    {
        var (app, logs) = scene.For(database);
        var (person, userId) = await RegisterAsync(app);
        var limit = new Athar.Web.Features.Account.SessionLimits().MaxPerAccount;
        for (var i = 0; i < limit; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await ApiSignInAsync(app, person.Email!, TestPeople.Password)).StatusCode);
            app.Clock.Advance(TimeSpan.FromMinutes(1));
        }
        var sessions = await app.QueryAsync(db => db.UserSessions.Where(s => s.UserId == userId).Select(s => new { s.Id, s.CreatedAt }).ToListAsync());
        var oldest = sessions.MinBy(s => s.CreatedAt)!.Id;
        Assert.Empty(logs.Events(1007));

        Assert.Equal(HttpStatusCode.OK, (await ApiSignInAsync(app, person.Email!, TestPeople.Password)).StatusCode);

        var ended = Assert.Single(logs.Events(1007));
        AssertEvent(ended, userId, "api");
        Assert.Equal(oldest, ended.Values["SessionId"]);
        Assert.Equal(limit, ended.Values["Limit"]);
    }
}
