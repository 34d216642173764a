using System.Net;
using System.Net.Http.Json;
using Athar.Core.Accounts;
using Athar.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Athar.IntegrationTests.Opportunities;

/// <summary>Organisations reach only their own opportunities; ids of others answer 404, anonymous writes 401.</summary>
public sealed class OpportunityAccessTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static IEnumerable<(HttpMethod Method, string Path, object? Body)> StaffApi(Guid organizationId, Guid opportunityId, Dictionary<string, object?> body) =>
    [
        (HttpMethod.Post, $"/api/v1/organizations/{organizationId}/opportunities", body),
        (HttpMethod.Get, $"/api/v1/organizations/{organizationId}/opportunities", null),
        (HttpMethod.Put, $"/api/v1/opportunities/{opportunityId}", body),
        (HttpMethod.Post, $"/api/v1/opportunities/{opportunityId}/publish", null),
        (HttpMethod.Post, $"/api/v1/opportunities/{opportunityId}/close", null),
        (HttpMethod.Post, $"/api/v1/opportunities/{opportunityId}/complete", null),
        (HttpMethod.Post, $"/api/v1/opportunities/{opportunityId}/cancel", new { reason = "سبب" }),
    ];

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, object? body) =>
        await client.SendAsync(new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) });

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task AnotherOrganizationsAdmin_And_AVolunteer_Get404_AndChangeNothing(TestDatabase database)
    {
        var app = fixture.For(database);
        var (victimOrg, victim, _) = await OpportunityData.OrganizationAsync(app);
        var draft = await OpportunityData.CreateAsync(victim, victimOrg, OpportunityData.Body(app));
        var (_, attacker, _) = await OpportunityData.OrganizationAsync(app);
        var volunteer = await app.CreatePersonAsync([Roles.Volunteer]);
        var volunteerClient = await app.ApiAsAsync(volunteer.Email, TestPeople.Password);

        foreach (var client in new[] { attacker, volunteerClient })
        {
            foreach (var (method, path, body) in StaffApi(victimOrg, draft, OpportunityData.Body(app, "فرصة مزورة")))
            {
                var response = await SendAsync(client, method, path, body);
                Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{method} {path}: {response.StatusCode}");
            }
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/opportunities/{draft}")).StatusCode);
        }

        var stored = await app.QueryAsync(db => db.Opportunities.SingleAsync(o => o.Id == draft));
        Assert.Equal(Core.Opportunities.OpportunityStatus.Draft, stored.Status);
        Assert.Equal("مساعدة في تنظيم معرض الكتاب", stored.Title.Ar);
        Assert.Equal(1, await app.QueryAsync(db => db.Opportunities.CountAsync(o => o.OrganizationId == victimOrg)));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Anonymous_Gets401_OnEveryWrite_AndOnTheStaffList(TestDatabase database)
    {
        var app = fixture.For(database);
        var (org, admin, _) = await OpportunityData.OrganizationAsync(app);
        var id = await OpportunityData.CreateAsync(admin, org, OpportunityData.Body(app));

        foreach (var (method, path, body) in StaffApi(org, id, OpportunityData.Body(app)))
        {
            var response = await SendAsync(app.Api(), method, path, body);
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{method} {path}: {response.StatusCode}");
        }
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Supervisor_SeesTheOrganizationsOpportunities_ButCannotManageThem(TestDatabase database)
    {
        var app = fixture.For(database);
        var (org, admin, supervisor) = await app.CreateVerifiedOrganizationAsync();
        var adminClient = await app.ApiAsAsync(admin.Email, TestPeople.Password);
        var id = await OpportunityData.CreateAsync(adminClient, org, OpportunityData.Body(app));
        var client = await app.ApiAsAsync(supervisor.Email, TestPeople.Password);

        var list = await client.GetAsync($"/api/v1/organizations/{org}/opportunities");
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal([id], OpportunityData.Ids(await list.ReadJsonAsync()));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/opportunities/{id}")).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync($"/api/v1/opportunities/{id}/publish", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PutAsJsonAsync($"/api/v1/opportunities/{id}", OpportunityData.Body(app))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsJsonAsync($"/api/v1/organizations/{org}/opportunities", OpportunityData.Body(app))).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task PlatformAdmin_CanManageAnyOrganizationsOpportunities(TestDatabase database)
    {
        var app = fixture.For(database);
        var (org, admin, _) = await OpportunityData.OrganizationAsync(app);
        var id = await OpportunityData.CreateAsync(admin, org, OpportunityData.Body(app));
        var platform = await app.ApiAsAsync("admin@athar.local");

        Assert.Equal(HttpStatusCode.NoContent, (await platform.PostAsync($"/api/v1/opportunities/{id}/publish", null)).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task StaffPages_AnswerByRole(TestDatabase database)
    {
        var app = fixture.For(database);
        var (org, admin, supervisor) = await app.CreateVerifiedOrganizationAsync();
        var id = await OpportunityData.CreateAsync(await app.ApiAsAsync(admin.Email, TestPeople.Password), org, OpportunityData.Body(app));
        var (_, otherAdmin, _) = await app.CreateVerifiedOrganizationAsync();
        var volunteer = await app.CreatePersonAsync([Roles.Volunteer]);
        var pages = new[] { $"/org/{org}/opportunities", $"/org/{org}/opportunities/new", $"/opportunities/{id}/edit", $"/opportunities/{id}" };

        var anonymous = app.Browser();
        foreach (var page in pages[..3])
        {
            var response = await anonymous.GetAsync(page);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/account/login", response.Headers.Location?.AbsolutePath ?? response.Headers.Location?.OriginalString, StringComparison.Ordinal);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(pages[3])).StatusCode);

        foreach (var outsider in new[] { otherAdmin.Email, volunteer.Email })
        {
            var client = await app.BrowserAsAsync(outsider, TestPeople.Password);
            foreach (var page in pages)
                Assert.True((await client.GetAsync(page)).StatusCode == HttpStatusCode.NotFound, $"{outsider} {page}");
        }

        var own = await app.BrowserAsAsync(admin.Email, TestPeople.Password);
        foreach (var page in pages)
            Assert.True((await own.GetAsync(page)).StatusCode == HttpStatusCode.OK, page);

        var member = await app.BrowserAsAsync(supervisor.Email, TestPeople.Password);
        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync(pages[0])).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync(pages[3])).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync(pages[1])).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync(pages[2])).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task StaffPageActions_OfAnotherOrganization_Answer404(TestDatabase database)
    {
        var app = fixture.For(database);
        var (org, admin, _) = await OpportunityData.OrganizationAsync(app);
        var id = await OpportunityData.CreateAsync(admin, org, OpportunityData.Body(app));
        var (otherOrg, otherAdmin, _) = await app.CreateVerifiedOrganizationAsync();
        var client = await app.BrowserAsAsync(otherAdmin.Email, TestPeople.Password);

        // Its own list gives a valid antiforgery token; the victim's organisation id or opportunity id still answers 404.
        var onVictim = await client.PostFormAsync($"/org/{org}/opportunities?handler=Publish", [new("id", id.ToString())], tokenFrom: $"/org/{otherOrg}/opportunities");
        var viaOwnOrg = await client.PostFormAsync($"/org/{otherOrg}/opportunities?handler=Publish", [new("id", id.ToString())], tokenFrom: $"/org/{otherOrg}/opportunities");

        Assert.Equal(HttpStatusCode.NotFound, onVictim.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, viaOwnOrg.StatusCode);
        Assert.Equal(Core.Opportunities.OpportunityStatus.Draft, await app.QueryAsync(db => db.Opportunities.Where(o => o.Id == id).Select(o => o.Status).SingleAsync()));
    }
}
