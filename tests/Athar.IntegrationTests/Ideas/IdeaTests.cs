using System.Net;
using System.Net.Http.Json;
using Athar.Core.Accounts;
using Athar.Core.Opportunities;
using Athar.Core.Recognition;
using Athar.Data.Organizations;
using Athar.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Athar.IntegrationTests.Ideas;

/// <summary>Ideas reach only the organisation they are addressed to; a decision is taken once; adopting makes one draft opportunity.</summary>
public sealed class IdeaTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static object Idea(string title) => new { title, description = "حملة أسبوعية لتنظيف الشواطئ مع طلاب المدارس", fieldId = 3, regionId = 1, cityId = 101, expectedBeneficiaries = 250 };

    private static async Task<Guid> ProposeAsync(HttpClient volunteer, Guid organizationId, string title)
    {
        var response = await volunteer.PostAsJsonAsync($"/api/v1/organizations/{organizationId}/ideas", Idea(title));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.ReadJsonAsync()).GetProperty("id").GetGuid();
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Idea_IsSeenOnlyByItsOrganisation_DeclineNeedsAReasonAndTellsTheProposer_ADecisionIsFinal(TestDatabase database)
    {
        var app = fixture.For(database);
        var (orgA, adminA, supervisorA) = await app.CreateVerifiedOrganizationAsync();
        var (orgB, adminB, _) = await app.CreateVerifiedOrganizationAsync();
        var person = await app.CreatePersonAsync([Roles.Volunteer]);
        var volunteer = await app.ApiAsAsync(person.Email, TestPeople.Password, "en");

        // Bad input is explained field by field, in the caller's language, and saves nothing.
        var bad = await volunteer.PostAsJsonAsync($"/api/v1/organizations/{orgA}/ideas", new { title = " ", fieldId = 3, regionId = 1, cityId = 301, expectedBeneficiaries = -1 });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = await bad.ReadJsonAsync();
        Assert.Equal("validation", problem.GetProperty("code").GetString());
        Assert.Contains("Enter a number from 0 to", problem.GetProperty("errors").GetProperty("expectedBeneficiaries")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal("City.NotInRegion", problem.GetProperty("errorCodes").GetProperty("cityId")[0].GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty("title", out _));
        Assert.Equal(HttpStatusCode.NotFound, (await volunteer.PostAsJsonAsync($"/api/v1/organizations/{Guid.NewGuid()}/ideas", Idea("x"))).StatusCode);

        var id = await ProposeAsync(volunteer, orgA, "شواطئ نظيفة");

        // Another organisation's admin: neither through its own inbox nor through A's.
        var b = await app.ApiAsAsync(adminB.Email, TestPeople.Password);
        Assert.Equal(HttpStatusCode.NotFound, (await b.GetAsync($"/api/v1/organizations/{orgB}/ideas/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await b.GetAsync($"/api/v1/organizations/{orgA}/ideas/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await b.PostAsJsonAsync($"/api/v1/organizations/{orgB}/ideas/{id}/decline", new { reason = "لا" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await b.PostAsync($"/api/v1/organizations/{orgB}/ideas/{id}/adopt", null)).StatusCode);
        Assert.Equal(0, (await (await b.GetAsync($"/api/v1/organizations/{orgB}/ideas")).ReadJsonAsync()).GetArrayLength());
        Assert.Equal(HttpStatusCode.NotFound, (await b.GetAsync($"/org/{orgA}/ideas/{id}")).StatusCode);

        // A's supervisor reads it but does not decide.
        var supervisor = await app.ApiAsAsync(supervisorA.Email, TestPeople.Password);
        Assert.Equal(HttpStatusCode.OK, (await supervisor.GetAsync($"/api/v1/organizations/{orgA}/ideas/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await supervisor.PostAsync($"/api/v1/organizations/{orgA}/ideas/{id}/adopt", null)).StatusCode);

        var a = await app.ApiAsAsync(adminA.Email, TestPeople.Password);
        var noReason = await a.PostAsJsonAsync($"/api/v1/organizations/{orgA}/ideas/{id}/decline", new { reason = "" });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await a.PostAsJsonAsync($"/api/v1/organizations/{orgA}/ideas/{id}/decline", new { reason = "خارج نطاق عملنا" })).StatusCode);
        var again = await a.PostAsync($"/api/v1/organizations/{orgA}/ideas/{id}/adopt", null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("idea-already-decided", (await again.ReadJsonAsync()).GetProperty("code").GetString());

        var mine = (await (await volunteer.GetAsync("/api/v1/me/ideas")).ReadJsonAsync())[0];
        Assert.Equal("declined", mine.GetProperty("status").GetString());
        Assert.Equal("خارج نطاق عملنا", mine.GetProperty("declineReason").GetString());
        Assert.Null(await app.QueryAsync(db => db.Ideas.Where(i => i.Id == id).Select(i => i.OpportunityId).SingleAsync()));
        Assert.Equal(1, await app.QueryAsync(db => db.Notifications.CountAsync(n => n.UserId == person.UserId && n.Kind == "IdeaDeclined")));
        var bodies = await app.QueryAsync(db => db.OutboxMessages.Where(m => m.UserId == person.UserId).Select(m => m.Body).ToListAsync());
        Assert.Contains(bodies, b => b.Contains("خارج نطاق عملنا", StringComparison.Ordinal));

        var page = await (await app.BrowserAsAsync(person.Email, TestPeople.Password, "en")).GetStringAsync("/me/ideas");
        Assert.Contains("Declined", page, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Adopt_ByTwoAdminsAtOnce_MakesExactlyOneDraftOpportunityOfTheAdoptingOrganisation(TestDatabase database)
    {
        var app = fixture.For(database);
        var (orgA, adminA, _) = await app.CreateVerifiedOrganizationAsync();
        var secondAdmin = await app.CreatePersonAsync([Roles.OrganizationAdmin]);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Data.AtharDbContext>();
            db.OrganizationMembers.Add(new OrganizationMember { OrganizationId = orgA, UserId = secondAdmin.UserId, Role = OrganizationRole.Admin, JoinedAt = app.Clock.GetUtcNow() });
            await db.SaveChangesAsync();
        }
        var person = await app.CreatePersonAsync([Roles.Volunteer]);
        var volunteer = await app.ApiAsAsync(person.Email, TestPeople.Password);
        var title = $"Beach clean-up {Guid.NewGuid():N}";
        var id = await ProposeAsync(volunteer, orgA, title);

        var first = await app.ApiAsAsync(adminA.Email, TestPeople.Password);
        var second = await app.ApiAsAsync(secondAdmin.Email, TestPeople.Password);
        var responses = await Task.WhenAll(
            first.PostAsync($"/api/v1/organizations/{orgA}/ideas/{id}/adopt", null),
            second.PostAsync($"/api/v1/organizations/{orgA}/ideas/{id}/adopt", null));
        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Conflict], responses.Select(r => r.StatusCode).Order());
        var opportunityId = (await responses.Single(r => r.StatusCode == HttpStatusCode.Created).ReadJsonAsync()).GetProperty("opportunityId").GetGuid();

        var made = await app.QueryAsync(db => db.Opportunities.Where(o => o.Title.Ar == title).ToListAsync());
        var opportunity = Assert.Single(made);
        Assert.Equal(opportunityId, opportunity.Id);
        Assert.Equal(orgA, opportunity.OrganizationId);
        Assert.Equal(OpportunityStatus.Draft, opportunity.Status);
        Assert.Equal((3, 1, 101, (int?)250), (opportunity.FieldId, opportunity.RegionId, opportunity.CityId, opportunity.ExpectedBeneficiaries));
        var idea = await app.QueryAsync(db => db.Ideas.SingleAsync(i => i.Id == id));
        Assert.Equal((IdeaStatus.Adopted, (Guid?)opportunityId), (idea.Status, idea.OpportunityId));
        Assert.Equal(1, await app.QueryAsync(db => db.Notifications.CountAsync(n => n.UserId == person.UserId && n.Kind == "IdeaAdopted")));

        // The draft is not public; the adopting organisation can open it for editing.
        Assert.Equal(HttpStatusCode.NotFound, (await app.Browser().GetAsync($"/opportunities/{opportunityId}")).StatusCode);
        var staff = await app.BrowserAsAsync(adminA.Email, TestPeople.Password);
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync($"/opportunities/{opportunityId}/edit")).StatusCode);
    }
}
