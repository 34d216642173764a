using System.Net.Http.Json;
using Athar.Core.Accounts;
using Athar.Core.Licensing;
using Athar.Core.Organizations;
using Athar.Data.Organizations;
using Athar.IntegrationTests.Infrastructure;
using Athar.IntegrationTests.Teams;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Athar.IntegrationTests.Security;

/// <summary>The people of the access table, each signed in twice (cookie for pages, bearer token for the API).</summary>
public enum Actor
{
    Anonymous,
    VolunteerA,
    VolunteerB,
    AdminOfA,
    SupervisorOfA,
    AdminOfB,
    TeamLeader,
    OtherRegionSupervisor,
    PlatformAdmin,
}

/// <summary>
/// Two organisations in the Riyadh region and one of everything in organisation A: an opportunity with a shift,
/// volunteer A's application, hours, enrolment and notification, a team led by a licensed leader, a pending
/// invitation, an active program, an initiative led by A with a third organisation as partner, volunteer A's idea
/// addressed to A, A's winning nomination of a published award cycle (its certificate) and A's nomination in an
/// open cycle judged by the team leader. Every route value of the access table points at one of these, so a 404 for organisation B's
/// admin or volunteer B proves that ids of other people's objects are not found, not merely forbidden.
/// </summary>
public sealed class AccessScene
{
    private readonly Dictionary<Actor, (HttpClient Browser, HttpClient Api)> _clients = [];

    public required AtharAppFactory App { get; init; }
    public Guid OrganizationA { get; private set; }
    public Guid OpportunityA { get; private set; }
    public Guid ShiftA { get; private set; }
    public Guid ApplicationOfVolunteerA { get; private set; }
    public Guid HoursOfVolunteerA { get; private set; }
    public Guid TeamA { get; private set; }
    public Guid TeamMember { get; private set; }
    public Guid ExtraStaffOfA { get; private set; }
    public Guid InvitationOfA { get; private set; }
    public Guid Course { get; private set; }
    public Guid CourseSession { get; private set; }
    public Guid EnrollmentOfVolunteerA { get; private set; }
    public Guid LicenseOfLeader { get; private set; }
    public long NotificationOfVolunteerA { get; private set; }
    public Guid ProgramOfA { get; private set; }
    public Guid InitiativeOfA { get; private set; }
    public Guid IdeaOfVolunteerA { get; private set; }
    public Guid AwardCycle { get; private set; }
    public Guid NominationOfA { get; private set; }
    public Guid WinningNominationOfA { get; private set; }

    /// <summary>A spare API session of volunteer A, apart from the scene's own clients (ending it signs none of them out).</summary>
    public Guid SessionOfVolunteerA { get; private set; }

    public HttpClient BrowserOf(Actor actor) => _clients[actor].Browser;

    public HttpClient ApiOf(Actor actor) => _clients[actor].Api;

    public static async Task<AccessScene> CreateAsync(AtharAppFactory app)
    {
        var scene = new AccessScene { App = app };
        await scene.BuildAsync();
        return scene;
    }

    private async Task BuildAsync()
    {
        App.MoveToNextMorning();
        var (orgA, adminA, supervisorA) = await App.CreateVerifiedOrganizationAsync(regionId: 1, cityId: 101);
        var (_, adminB, _) = await App.CreateVerifiedOrganizationAsync(regionId: 1, cityId: 101);
        OrganizationA = orgA;
        var volunteerA = await App.CreatePersonAsync([Roles.Volunteer]);
        var volunteerB = await App.CreatePersonAsync([Roles.Volunteer]);
        var leader = await App.CreatePersonAsync([Roles.Volunteer]);
        var member = await App.CreatePersonAsync([Roles.Volunteer]);
        var extraStaff = await App.CreatePersonAsync([Roles.OrganizationSupervisor]);
        TeamMember = member.UserId;
        ExtraStaffOfA = extraStaff.UserId;
        await TeamScene.LicenseAsync(App, leader.UserId, LicenseLevel.TeamLeadership);
        LicenseOfLeader = await App.QueryAsync(db => db.Licenses.Where(l => l.HolderUserId == leader.UserId).Select(l => l.Id).SingleAsync());

        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Data.AtharDbContext>();
            db.OrganizationMembers.Add(new OrganizationMember { OrganizationId = orgA, UserId = extraStaff.UserId, Role = OrganizationRole.Supervisor, JoinedAt = App.Clock.GetUtcNow() });
            await db.SaveChangesAsync();
        }

        await SignInAsync(Actor.Anonymous, null, null);
        await SignInAsync(Actor.VolunteerA, volunteerA.Email, TestPeople.Password);
        await SignInAsync(Actor.VolunteerB, volunteerB.Email, TestPeople.Password);
        await SignInAsync(Actor.AdminOfA, adminA.Email, TestPeople.Password);
        await SignInAsync(Actor.SupervisorOfA, supervisorA.Email, TestPeople.Password);
        await SignInAsync(Actor.AdminOfB, adminB.Email, TestPeople.Password);
        await SignInAsync(Actor.TeamLeader, leader.Email, TestPeople.Password);
        await SignInAsync(Actor.OtherRegionSupervisor, "makkah.supervisor@athar.local", TestPeople.DemoPassword);
        await SignInAsync(Actor.PlatformAdmin, "admin@athar.local", TestPeople.DemoPassword);
        var before = await App.QueryAsync(db => db.UserSessions.Where(s => s.UserId == volunteerA.UserId).Select(s => s.Id).ToListAsync());
        await App.Api().LoginTokenAsync(volunteerA.Email, TestPeople.Password);
        SessionOfVolunteerA = (await App.QueryAsync(db => db.UserSessions.Where(s => s.UserId == volunteerA.UserId).Select(s => s.Id).ToListAsync())).Except(before).Single();

        var opportunity = await App.CreatePublishedOpportunityAsync(orgA,
            [App.ShiftFromNow(TimeSpan.FromDays(1), TimeSpan.FromHours(3), 10), App.ShiftFromNow(TimeSpan.FromDays(2), TimeSpan.FromHours(3), 10)], autoAccept: true);
        OpportunityA = opportunity.Id;
        ShiftA = opportunity.Shifts[0].Id;
        var applied = await ApiOf(Actor.VolunteerA).PostAsJsonAsync($"/api/v1/shifts/{ShiftA}/applications", new { });
        Assert.True(applied.IsSuccessStatusCode, await applied.Content.ReadAsStringAsync());
        ApplicationOfVolunteerA = await App.QueryAsync(db => db.Applications.Where(a => a.VolunteerId == volunteerA.UserId && a.ShiftId == ShiftA).Select(a => a.Id).SingleAsync());
        HoursOfVolunteerA = await App.CreateHoursAsync(orgA, opportunity, 1, volunteerA.UserId, 180, Core.Attendance.HoursStatus.Pending);

        var team = await ApiOf(Actor.AdminOfA).PostAsJsonAsync($"/api/v1/organizations/{orgA}/teams", new
        {
            nameAr = "فريق حي الملز", nameEn = "Al Malaz Team", descriptionAr = "فريق الحي", regionId = 1, cityId = 101, neighbourhood = "الملز", leaderEmail = leader.Email,
        });
        Assert.Equal(System.Net.HttpStatusCode.Created, team.StatusCode);
        TeamA = (await team.ReadJsonAsync()).GetProperty("id").GetGuid();

        var invited = await ApiOf(Actor.AdminOfA).PostAsJsonAsync($"/api/v1/organizations/{orgA}/invitations", new { contact = "invited@test.athar", role = "Supervisor" });
        Assert.True(invited.IsSuccessStatusCode, await invited.Content.ReadAsStringAsync());
        InvitationOfA = await App.QueryAsync(db => db.OrganizationInvitations.Where(i => i.OrganizationId == orgA).Select(i => i.Id).SingleAsync());

        var course = await ApiOf(Actor.PlatformAdmin).PostAsJsonAsync("/api/v1/courses", new
        {
            titleAr = "أساسيات العمل التطوعي", titleEn = "Volunteering essentials", descriptionAr = "دورة تمهيدية", descriptionEn = "An introduction",
            track = "Practitioner", delivery = "InPerson", durationHours = 6, passingScore = 70, prerequisiteIds = Array.Empty<Guid>(), publish = true,
        });
        Assert.Equal(System.Net.HttpStatusCode.Created, course.StatusCode);
        Course = (await course.ReadJsonAsync()).GetProperty("id").GetGuid();
        var slot = App.ShiftFromNow(TimeSpan.FromHours(2), TimeSpan.FromHours(3), 20);
        var session = await ApiOf(Actor.PlatformAdmin).PostAsJsonAsync($"/api/v1/courses/{Course}/sessions", new
        {
            date = slot.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            startTime = slot.Start.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
            endTime = slot.End.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
            seats = 20, location = "مركز التدريب",
        });
        Assert.Equal(System.Net.HttpStatusCode.Created, session.StatusCode);
        CourseSession = (await session.ReadJsonAsync()).GetProperty("id").GetGuid();
        var enrolled = await ApiOf(Actor.VolunteerA).PostAsJsonAsync($"/api/v1/course-sessions/{CourseSession}/enrollments", new { });
        Assert.Equal(System.Net.HttpStatusCode.Created, enrolled.StatusCode);
        EnrollmentOfVolunteerA = (await enrolled.ReadJsonAsync()).GetProperty("id").GetGuid();

        NotificationOfVolunteerA = await App.QueryAsync(db => db.Notifications.Where(n => n.UserId == volunteerA.UserId).Select(n => n.Id).FirstAsync());

        await BuildProgramsAndIdeasAsync(leader.Email);
    }

    // Programs, initiatives, ideas and awards: each owned by organisation A (or volunteer A), so that organisation B
    // and volunteer B meet them only as ids that are not theirs.
    private async Task BuildProgramsAndIdeasAsync(string judgeEmail)
    {
        var adminOfA = ApiOf(Actor.AdminOfA);
        ProgramOfA = await CreatedIdAsync(adminOfA, "/api/v1/programs", new
        {
            organizationId = OrganizationA, titleAr = "برنامج أصدقاء الحي", descriptionAr = "برنامج الجهة", startsOn = "2026-01-01", endsOn = "2026-12-31", status = "active",
        });
        // Linked, so that taking the opportunity out of the program is a real object for the owner and a 404 for others.
        var linked = await adminOfA.PostAsJsonAsync($"/api/v1/programs/{ProgramOfA}/opportunities", new { opportunityId = OpportunityA });
        Assert.True(linked.IsSuccessStatusCode, await linked.Content.ReadAsStringAsync());

        // The partner is a third organisation with no actor: organisation B stays an outsider to the initiative.
        var (partner, _, _) = await App.CreateVerifiedOrganizationAsync(regionId: 1, cityId: 101);
        InitiativeOfA = await CreatedIdAsync(adminOfA, "/api/v1/initiatives", new
        {
            leadOrganizationId = OrganizationA, titleAr = "مبادرة الحي النظيف", descriptionAr = "تنظيف الأحياء", startsOn = "2026-01-01", endsOn = "2026-12-31", status = "active",
            targetVolunteers = 10, partners = new[] { new { organizationId = partner, role = "implementer" } },
        });

        IdeaOfVolunteerA = await CreatedIdAsync(ApiOf(Actor.VolunteerA), $"/api/v1/organizations/{OrganizationA}/ideas", new
        {
            title = "شواطئ نظيفة", description = "حملة أسبوعية لتنظيف الشواطئ", fieldId = 3, regionId = 1, cityId = 101, expectedBeneficiaries = 250,
        });

        // A published cycle whose winner is organisation A (its certificate), then an open one being judged.
        WinningNominationOfA = await NominateInNewCycleAsync(2029, judgeEmail);
        var platformAdmin = ApiOf(Actor.PlatformAdmin);
        var judge = ApiOf(Actor.TeamLeader);
        var scored = await judge.PutAsJsonAsync($"/api/v1/awards/nominations/{WinningNominationOfA}/scores", new
        {
            scores = new[] { "impact", "sustainability", "innovation", "partnership" }.Select(criterion => new { criterion, score = 8 }),
        });
        Assert.True(scored.IsSuccessStatusCode, await scored.Content.ReadAsStringAsync());
        foreach (var step in new[] { "close-nominations", "publish" })
        {
            var advanced = await platformAdmin.PostAsync($"/api/v1/awards/cycles/{AwardCycle}/{step}", null);
            Assert.True(advanced.IsSuccessStatusCode, $"{step}: {await advanced.Content.ReadAsStringAsync()}");
        }
        NominationOfA = await NominateInNewCycleAsync(2030, judgeEmail);
    }

    private async Task<Guid> NominateInNewCycleAsync(int year, string judgeEmail)
    {
        var platformAdmin = ApiOf(Actor.PlatformAdmin);
        AwardCycle = await CreatedIdAsync(platformAdmin, "/api/v1/awards/cycles", new { year });
        var appointed = await platformAdmin.PostAsJsonAsync($"/api/v1/awards/cycles/{AwardCycle}/judges", new { email = judgeEmail });
        Assert.True(appointed.IsSuccessStatusCode, await appointed.Content.ReadAsStringAsync());
        var opened = await platformAdmin.PostAsync($"/api/v1/awards/cycles/{AwardCycle}/open-nominations", null);
        Assert.True(opened.IsSuccessStatusCode, await opened.Content.ReadAsStringAsync());
        return await CreatedIdAsync(ApiOf(Actor.AdminOfA), $"/api/v1/awards/cycles/{AwardCycle}/nominations", new
        {
            organizationId = OrganizationA, track = "nonProfitOrganizations", statement = "ثلاثة آلاف ساعة تطوع موثقة",
        });
    }

    private static async Task<Guid> CreatedIdAsync(HttpClient client, string path, object body)
    {
        var response = await client.PostAsJsonAsync(path, body);
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Created, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.ReadJsonAsync()).GetProperty("id").GetGuid();
    }

    private async Task SignInAsync(Actor actor, string? email, string? password)
    {
        if (email is null)
        {
            _clients[actor] = (App.Browser(), App.Api());
            return;
        }
        _clients[actor] = (await App.BrowserAsAsync(email, password!), await App.ApiAsAsync(email, password!));
    }

    /// <summary>
    /// A concrete address for a route pattern: each parameter gets organisation A's (or volunteer A's) object of
    /// the kind the segment before it names.
    /// </summary>
    public string Resolve(string pattern)
    {
        // Organisation staff and team members share the parameter name {userId}; neither is anybody's sign-in,
        // so removing them changes no actor's access for the rows that follow.
        var member = pattern.Contains("teams/", StringComparison.Ordinal) ? TeamMember : ExtraStaffOfA;
        var segments = pattern.Trim('/').Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            if (!segment.Contains('{', StringComparison.Ordinal))
                continue;
            // "/programs/edit/{id}" edits a program: the kind is named before "edit".
            var owner = i > 1 && segments[i - 1] == "edit" ? segments[i - 2] : i > 0 ? segments[i - 1] : string.Empty;
            segments[i] = System.Text.RegularExpressions.Regex.Replace(segment, @"\{\*?([A-Za-z]+)[^}]*\}", m => ValueFor(owner, m.Groups[1].Value, member));
        }
        return "/" + string.Join('/', segments);
    }

    private string ValueFor(string owner, string parameter, Guid member) => (owner, parameter) switch
    {
        (_, "organizationId") => OrganizationA.ToString(),
        (_, "shiftId") => ShiftA.ToString(),
        (_, "opportunityId") => OpportunityA.ToString(),
        (_, "enrollmentId") => EnrollmentOfVolunteerA.ToString(),
        (_, "licenseId") => LicenseOfLeader.ToString(),
        (_, "invitationId") => InvitationOfA.ToString(),
        (_, "ideaId") => IdeaOfVolunteerA.ToString(),
        ("certificates", "nominationId") => WinningNominationOfA.ToString(),
        (_, "nominationId") => NominationOfA.ToString(),
        (_, "userId") => member.ToString(),
        (_, "year") => "2026",
        ("error", "code") => "404",
        (_, "code") => "NO-SUCH-CODE",
        (_, "token") => "no-such-token",
        (_, "table") => "indicators",
        (_, "format") => "csv",
        (_, "language") => "en",
        (_, "regionId") => "1",
        (_, "documentName") => "v1",
        (_, "path") => "no-such-page",
        ("organizations" or "org", "id") => OrganizationA.ToString(),
        ("opportunities", "id") => OpportunityA.ToString(),
        ("applications", "id") => ApplicationOfVolunteerA.ToString(),
        ("hours", "id") => HoursOfVolunteerA.ToString(),
        ("teams", "id") => TeamA.ToString(),
        ("courses" or "training", "id") => Course.ToString(),
        ("programs", "id") => ProgramOfA.ToString(),
        ("initiatives", "id") => InitiativeOfA.ToString(),
        ("awards" or "cycles", "id") => AwardCycle.ToString(),
        ("nominations", "id") => NominationOfA.ToString(),
        ("course-sessions", "id") => CourseSession.ToString(),
        ("enrollments", "id") => EnrollmentOfVolunteerA.ToString(),
        ("licenses", "id") => LicenseOfLeader.ToString(),
        ("sessions", "id") => SessionOfVolunteerA.ToString(),
        ("notifications", "id") => NotificationOfVolunteerA.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => throw new InvalidOperationException($"No scene object for {{{parameter}}} after '{owner}': add one to AccessScene."),
    };
}
