using System.Net.Http.Json;
using Athar.Core.Accounts;
using Athar.Core.Licensing;
using Athar.Data.Licensing;
using Athar.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Athar.IntegrationTests.Teams;

/// <summary>A verified organisation, a licensed leader and a team created through the API, as an organisation's admin does it.</summary>
public sealed class TeamScene
{
    public required AtharAppFactory App { get; init; }
    public required Guid OrganizationId { get; init; }
    public required HttpClient OrgAdmin { get; init; }
    public required Builders.StaffMember Leader { get; init; }
    public required HttpClient LeaderClient { get; init; }
    public Guid TeamId { get; private set; }

    public static async Task<TeamScene> CreateAsync(AtharAppFactory app, int regionId = 2, int cityId = 201)
    {
        var (organizationId, admin, _) = await app.CreateVerifiedOrganizationAsync(regionId, cityId);
        var leader = await app.CreatePersonAsync([Roles.Volunteer]);
        await LicenseAsync(app, leader.UserId, LicenseLevel.TeamLeadership);
        var scene = new TeamScene
        {
            App = app, OrganizationId = organizationId, OrgAdmin = await app.ApiAsAsync(admin.Email, TestPeople.Password),
            Leader = leader, LeaderClient = await app.ApiAsAsync(leader.Email, TestPeople.Password),
        };
        var response = await scene.CreateTeamAsync(leader.Email);
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        scene.TeamId = (await response.ReadJsonAsync()).GetProperty("id").GetGuid();
        return scene;
    }

    public Task<HttpResponseMessage> CreateTeamAsync(string leaderEmail, string nameAr = "فريق حي الزاهر") =>
        OrgAdmin.PostAsJsonAsync($"/api/v1/organizations/{OrganizationId}/teams", new
        {
            nameAr, nameEn = "Al Zahir Team", descriptionAr = "فريق الحي", regionId = 2, cityId = 201, neighbourhood = "الزاهر", leaderEmail,
        });

    /// <summary>A licence row as the register keeps it, valid from two months ago for two years unless told otherwise.</summary>
    public static async Task LicenseAsync(AtharAppFactory app, Guid userId, LicenseLevel level, DateOnly? expiresOn = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Data.AtharDbContext>();
        var today = Core.Calendar.DualDate.ToSaudiDate(app.Clock.GetUtcNow());
        db.Licenses.Add(new License
        {
            Id = Guid.NewGuid(), Number = LicenseRules.NewNumber(level, today), Level = level, HolderUserId = userId,
            IssuedOn = today.AddMonths(-2), ExpiresOn = expiresOn ?? today.AddYears(2), State = LicenseState.Active,
            CreatedAt = app.Clock.GetUtcNow(), UpdatedAt = app.Clock.GetUtcNow(),
        });
        await db.SaveChangesAsync();
    }

    /// <summary>New volunteers who join the team: each asks, the leader accepts.</summary>
    public async Task<List<Builders.StaffMember>> MembersAsync(int count, Gender gender = Gender.Female)
    {
        var members = new List<Builders.StaffMember>();
        for (var i = 0; i < count; i++)
        {
            var person = await App.CreatePersonAsync([Roles.Volunteer], gender);
            var client = await App.ApiAsAsync(person.Email, TestPeople.Password);
            Assert.Equal(System.Net.HttpStatusCode.NoContent, (await client.PostAsync($"/api/v1/teams/{TeamId}/join", null)).StatusCode);
            Assert.Equal(System.Net.HttpStatusCode.NoContent, (await LeaderClient.PostAsync($"/api/v1/teams/{TeamId}/requests/{person.UserId}/accept", null)).StatusCode);
            members.Add(person);
        }
        return members;
    }

    public Task<HttpResponseMessage> ApplyAsync(Guid shiftId, IEnumerable<Guid> memberIds, HttpClient? as_ = null) =>
        (as_ ?? LeaderClient).PostAsJsonAsync($"/api/v1/teams/{TeamId}/applications", new { shiftId, memberIds });
}
