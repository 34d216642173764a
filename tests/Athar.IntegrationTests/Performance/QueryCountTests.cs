using System.Globalization;
using System.Net;
using System.Text;
using Athar.Core.Accounts;
using Athar.Core.Applications;
using Athar.Core.Attendance;
using Athar.Core.Licensing;
using Athar.Core.Localization;
using Athar.Core.Programs;
using Athar.Core.Teams;
using Athar.Core.Text;
using Athar.Data;
using Athar.Data.Licensing;
using Athar.Data.Notifications;
using Athar.Data.Opportunities;
using Athar.Data.Organizations;
using Athar.Data.Participation;
using Athar.Data.Programs;
using Athar.Data.Teams;
using Athar.IntegrationTests.Infrastructure;
using Athar.Web.Features.Opportunities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Athar.IntegrationTests.Performance;

/// <summary>
/// No N+1 (issue #7): the key pages and API lists send the same number of SQL commands whether they show 3 rows or
/// 30. A loop that queries once per row would add 27 commands at 30 and fail here, whatever the machine's speed.
/// </summary>
public sealed class QueryCountTests
{
    private const string SearchWord = "ترميم";

    /// <summary>Who asks for a route: the list's owner.</summary>
    private enum Viewer { Anonymous, Volunteer, OrganizationAdmin, PlatformAdmin }

    private sealed record Route(string Name, Viewer Viewer, Func<Scene, string> Path);

    private static readonly Route[] Routes =
    [
        new("search page", Viewer.Anonymous, _ => "/opportunities?q=" + Uri.EscapeDataString(SearchWord)),
        new("search API", Viewer.Anonymous, _ => "/api/v1/opportunities?q=" + Uri.EscapeDataString(SearchWord)),
        new("opportunity details (shifts)", Viewer.Volunteer, s => $"/opportunities/{s.Details.Id}"),
        new("organisation opportunities", Viewer.OrganizationAdmin, s => $"/org/{s.OrganizationId}/opportunities"),
        new("organisation opportunities API", Viewer.OrganizationAdmin, s => $"/api/v1/organizations/{s.OrganizationId}/opportunities"),
        new("applicants", Viewer.OrganizationAdmin, s => $"/org/{s.OrganizationId}/applicants"),
        new("applicants API", Viewer.OrganizationAdmin, s => $"/api/v1/organizations/{s.OrganizationId}/applicants"),
        new("hours review", Viewer.OrganizationAdmin, s => $"/org/{s.OrganizationId}/hours"),
        new("hours review API", Viewer.OrganizationAdmin, s => $"/api/v1/organizations/{s.OrganizationId}/hours"),
        new("volunteer record", Viewer.Volunteer, _ => "/record"),
        new("volunteer record API", Viewer.Volunteer, _ => "/api/v1/me/record"),
        new("my applications", Viewer.Volunteer, _ => "/me/applications"),
        new("my applications API", Viewer.Volunteer, _ => "/api/v1/me/applications"),
        new("my certificates", Viewer.Volunteer, _ => "/me/certificates"),
        new("notifications", Viewer.Volunteer, _ => "/notifications"),
        new("notifications API", Viewer.Volunteer, _ => "/api/v1/me/notifications"),
        new("statistics dashboard", Viewer.PlatformAdmin, _ => "/statistics/dashboard"),
        new("organisation dashboard", Viewer.OrganizationAdmin, s => $"/org/{s.OrganizationId}/dashboard"),
        new("organisation dashboard API", Viewer.OrganizationAdmin, s => $"/api/v1/organizations/{s.OrganizationId}/dashboard"),
        new("teams directory", Viewer.Volunteer, _ => "/teams"),
        new("teams API", Viewer.Volunteer, _ => "/api/v1/teams"),
        new("programs", Viewer.Anonymous, _ => "/programs"),
        new("programs API", Viewer.Anonymous, _ => "/api/v1/programs"),
        new("admin organisations", Viewer.PlatformAdmin, _ => "/admin/organizations"),
        new("admin licences", Viewer.PlatformAdmin, _ => "/admin/licenses"),
        new("admin licences API", Viewer.PlatformAdmin, _ => "/api/v1/admin/licenses"),
    ];

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task KeyPagesAndApiLists_SendAsManySqlCommands_ForThirtyRowsAsForThree(TestDatabase database)
    {
        await using var app = new AtharAppFactory(database);
        var scene = await Scene.CreateAsync(app);
        var clients = new Dictionary<Viewer, (HttpClient Browser, HttpClient Api)>
        {
            [Viewer.Anonymous] = (app.Browser("ar"), app.Api()),
            [Viewer.Volunteer] = (await app.BrowserAsAsync(scene.Volunteer.Email, TestPeople.Password), await app.ApiAsAsync(scene.Volunteer.Email, TestPeople.Password)),
            [Viewer.OrganizationAdmin] = (await app.BrowserAsAsync(scene.Admin.Email, TestPeople.Password), await app.ApiAsAsync(scene.Admin.Email, TestPeople.Password)),
            [Viewer.PlatformAdmin] = (await app.BrowserAsAsync("admin@athar.local"), await app.ApiAsAsync("admin@athar.local")),
        };

        await scene.GrowToAsync(3);
        var few = await CountAllAsync(app, scene, clients);
        await scene.GrowToAsync(30);
        var many = await CountAllAsync(app, scene, clients);

        var report = new StringBuilder();
        foreach (var route in Routes.Where(r => few[r.Name] < 0 || many[r.Name] < 0))
            report.AppendLine(CultureInfo.InvariantCulture, $"{route.Name} ({route.Path(scene)}): status {-Math.Min(few[route.Name], many[route.Name])}");
        foreach (var route in Routes)
        {
            if (few[route.Name] != many[route.Name])
                report.AppendLine(CultureInfo.InvariantCulture, $"{route.Name} ({route.Path(scene)}): {few[route.Name]} commands for 3 rows, {many[route.Name]} for 30");
        }
        Assert.True(report.Length == 0, "SQL commands grow with the rows shown (N+1):\n" + report
            + "\nAll routes (3 rows, 30 rows): " + string.Join(", ", Routes.Select(r => $"{r.Name} {few[r.Name]}/{many[r.Name]}")));
        // The counter itself counts: a page that reads the database is never at zero.
        Assert.All(Routes, route => Assert.True(many[route.Name] > 0, route.Name));
    }

    private static async Task<Dictionary<string, int>> CountAllAsync(AtharAppFactory app, Scene scene, Dictionary<Viewer, (HttpClient Browser, HttpClient Api)> clients)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var route in Routes)
        {
            var path = route.Path(scene);
            var client = path.StartsWith("/api/", StringComparison.Ordinal) ? clients[route.Viewer].Api : clients[route.Viewer].Browser;
            // The first call fills the per-node caches (consent, last-seen, rate and reference data); the second is counted.
            await CountAsync(app, client, path);
            counts[route.Name] = await CountAsync(app, client, path);
        }
        return counts;
    }

    private static async Task<int> CountAsync(AtharAppFactory app, HttpClient client, string path)
    {
        var id = Guid.NewGuid().ToString("N");
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add(SqlCommandCounter.Header, id);
        using var response = await client.SendAsync(request);
        await response.Content.ReadAsByteArrayAsync();
        var count = await app.SqlCommands.CountForAsync(id);
        // A refusal or an error page would count the wrong thing: the count only means something for the page itself.
        return response.StatusCode == HttpStatusCode.OK ? count : -(int)response.StatusCode;
    }

    /// <summary>
    /// One organisation, one volunteer and the platform, each list growing by the same number of rows: published
    /// opportunities (found by <see cref="SearchWord"/>), shifts of one opportunity, the volunteer's approved hours,
    /// other volunteers' applications and pending hours, notifications, teams, programs, organisations, licences.
    /// </summary>
    private sealed class Scene
    {
        private readonly AtharAppFactory _app;
        private int _rows;
        private Organization _organization = null!;

        private Scene(AtharAppFactory app) => _app = app;

        public Guid OrganizationId { get; private set; }

        public Builders.StaffMember Admin { get; private set; } = null!;

        public Builders.StaffMember Volunteer { get; private set; } = null!;

        public Opportunity Details { get; private set; } = null!;

        public static async Task<Scene> CreateAsync(AtharAppFactory app)
        {
            var scene = new Scene(app);
            (scene.OrganizationId, scene.Admin, _) = await app.CreateVerifiedOrganizationAsync();
            scene.Volunteer = await app.CreatePersonAsync([Roles.Volunteer]);
            scene._organization = await app.QueryAsync(db => db.Organizations.AsNoTracking().SingleAsync(o => o.Id == scene.OrganizationId));
            scene.Details = await app.CreatePublishedOpportunityAsync(scene.OrganizationId, [app.ShiftFromNow(TimeSpan.FromDays(10), TimeSpan.FromHours(2), 5)], titleAr: "فرصة التفاصيل", titleEn: "Details");
            return scene;
        }

        public async Task GrowToAsync(int rows)
        {
            var added = rows - _rows;
            var others = await _app.CreateVolunteersAsync(added);
            var pastShift = _app.ShiftFromNow(TimeSpan.FromDays(-3), TimeSpan.FromHours(3), 100);
            for (var i = 0; i < added; i++)
            {
                var opportunity = await _app.CreatePublishedOpportunityAsync(
                    OrganizationId, [pastShift, _app.ShiftFromNow(TimeSpan.FromDays(5), TimeSpan.FromHours(2), 100)],
                    titleAr: $"{SearchWord} مدرسة {_rows + i}", titleEn: $"School repair {_rows + i}",
                    change: o => OpportunityIndexing.Refresh(o, _organization, _app.Clock.GetUtcNow()));
                await _app.CreateHoursAsync(OrganizationId, opportunity, 0, Volunteer.UserId, 180, HoursStatus.Approved);
                await _app.CreateHoursAsync(OrganizationId, opportunity, 0, others[i], 180, HoursStatus.Pending);
                await AddRowsAsync(opportunity, others[i], _rows + i);
            }
            _rows = rows;
        }

        private async Task AddRowsAsync(Opportunity opportunity, Guid other, int n)
        {
            await using var scope = _app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AtharDbContext>();
            var now = _app.Clock.GetUtcNow();
            var future = opportunity.Shifts[1];
            db.Applications.Add(new Application { Id = Guid.NewGuid(), OpportunityId = opportunity.Id, ShiftId = future.Id, VolunteerId = other, Status = ApplicationStatus.Pending, CreatedAt = now });
            var start = Details.Shifts[0].StartsAt.AddDays(n + 1);
            db.Shifts.Add(new Shift
            {
                Id = Guid.NewGuid(), OpportunityId = Details.Id, Seats = 5, StartsAt = start, EndsAt = start.AddHours(2),
                Date = DateOnly.FromDateTime(start.ToOffset(TimeSpan.FromHours(3)).DateTime),
                StartTime = TimeOnly.FromDateTime(start.ToOffset(TimeSpan.FromHours(3)).DateTime),
                EndTime = TimeOnly.FromDateTime(start.AddHours(2).ToOffset(TimeSpan.FromHours(3)).DateTime),
            });
            db.Notifications.Add(new Notification { UserId = Volunteer.UserId, Kind = "CourseEnrolled", Arguments = "دورة الإسعافات¦First aid course", Link = "/me/training", CreatedAt = now.AddMinutes(-n) });
            var teamId = Guid.NewGuid();
            db.Teams.Add(new Team
            {
                Id = teamId, OrganizationId = OrganizationId, Name = new LocalizedText($"فريق {n}", $"Team {n}"), RegionId = 1, CityId = 101,
                LeaderUserId = other, CreatedAt = now, CreatedBy = Admin.UserId,
                SearchText = " " + string.Join(' ', ArabicNormalizer.Tokens($"فريق Team {n}")) + " ",
            });
            db.TeamMembers.Add(new TeamMember { TeamId = teamId, UserId = other, Role = TeamRole.Leader, State = TeamMemberState.Active, CreatedAt = now, UpdatedAt = now });
            db.Programs.Add(new VolunteerProgram
            {
                Id = Guid.NewGuid(), Title = new LocalizedText($"برنامج {n}", $"Program {n}"), Description = new LocalizedText("وصف", "Description"),
                StartsOn = new DateOnly(2026, 1, 1), EndsOn = new DateOnly(2027, 12, 31), Status = ProgramStatus.Active, TargetVolunteers = 1000,
                OrganizationId = OrganizationId, CreatedBy = Admin.UserId, CreatedAt = now, UpdatedAt = now,
            });
            var organizationId = Guid.NewGuid();
            db.Organizations.Add(new Organization
            {
                Id = organizationId, Name = new LocalizedText($"جمعية {n}", $"Association {n}"), Type = OrganizationType.NonProfitAssociation,
                RegistrationNumber = $"Q-{organizationId:N}"[..20], RegionId = 1, CityId = 101, Status = OrganizationStatus.Verified, CreatedAt = now,
            });
            db.Licenses.Add(new License
            {
                Id = Guid.NewGuid(), Number = $"QC-{n:D6}-{Guid.NewGuid():N}"[..20], Level = LicenseLevel.Practitioner, HolderUserId = other,
                IssuedOn = new DateOnly(2026, 1, 1), ExpiresOn = new DateOnly(2028, 1, 1), State = LicenseState.Active, CreatedAt = now, UpdatedAt = now,
            });
            await db.SaveChangesAsync();
        }
    }
}
