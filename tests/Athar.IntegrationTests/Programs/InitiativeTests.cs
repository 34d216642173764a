using System.Net;
using System.Net.Http.Json;
using Athar.Core.Accounts;
using Athar.Core.Attendance;
using Athar.IntegrationTests.Infrastructure;
using Athar.IntegrationTests.Statistics;
using Microsoft.EntityFrameworkCore;

namespace Athar.IntegrationTests.Programs;

/// <summary>Initiatives: the lead manages, partners see the indicators, outsiders see the public page only; admins of the lead or a partner link only lead or partner opportunities.</summary>
public sealed class InitiativeTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Initiative_PartnersSeeIndicators_OutsidersDoNot_OnlyLeadOrPartnerOpportunitiesJoin(TestDatabase database)
    {
        var app = fixture.For(database);
        var s = new StatsScene(app);
        var (lead, leadAdmin, _) = await app.CreateVerifiedOrganizationAsync();
        var (partner, partnerAdmin, partnerSupervisor) = await app.CreateVerifiedOrganizationAsync();
        var (outsider, outsiderAdmin, _) = await app.CreateVerifiedOrganizationAsync();
        var l = await app.ApiAsAsync(leadAdmin.Email, TestPeople.Password);
        var p = await app.ApiAsAsync(partnerSupervisor.Email, TestPeople.Password);
        var pa = await app.ApiAsAsync(partnerAdmin.Email, TestPeople.Password);
        var o = await app.ApiAsAsync(outsiderAdmin.Email, TestPeople.Password);

        // Only the lead's admins create it; partners must be verified organisations other than the lead.
        var body = new
        {
            leadOrganizationId = lead, titleAr = "مبادرة الحي النظيف", descriptionAr = "تنظيف الأحياء", startsOn = "2026-01-01", endsOn = "2026-12-31", status = "active",
            targetVolunteers = 10, partners = new[] { new { organizationId = partner, role = "implementer" } },
        };
        Assert.Equal(HttpStatusCode.NotFound, (await o.PostAsJsonAsync("/api/v1/initiatives", body)).StatusCode);
        var repeated = await l.PostAsJsonAsync("/api/v1/initiatives", body with { partners = new[] { new { organizationId = lead, role = "sponsor" } } });
        Assert.Equal(HttpStatusCode.BadRequest, repeated.StatusCode);
        var created = await l.PostAsJsonAsync("/api/v1/initiatives", body);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.ReadJsonAsync()).GetProperty("id").GetGuid();

        // The public sees what it is and who runs it; the indicators are for insiders.
        var shown = await (await app.Api().GetAsync($"/api/v1/initiatives/{id}")).ReadJsonAsync();
        Assert.Equal("implementer", shown.GetProperty("partners")[0].GetProperty("role").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await o.GetAsync($"/api/v1/initiatives/{id}/progress")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await p.GetAsync($"/api/v1/initiatives/{id}/progress")).StatusCode);

        // Lead and partner opportunities join; an outsider's does not, and the outsider cannot link anything.
        var leadOpportunity = await s.OpportunityAsync(lead, 1, 101, 3, beneficiaries: 40);
        var partnerOpportunity = await s.OpportunityAsync(partner, 1, 101, 3, beneficiaries: 60);
        var outsiderOpportunity = await s.OpportunityAsync(outsider, 1, 101, 3);
        Assert.Equal(HttpStatusCode.NoContent, (await l.PostAsJsonAsync($"/api/v1/initiatives/{id}/opportunities", new { opportunityId = leadOpportunity.Id })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await pa.PostAsJsonAsync($"/api/v1/initiatives/{id}/opportunities", new { opportunityId = partnerOpportunity.Id })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await pa.PostAsJsonAsync($"/api/v1/initiatives/{id}/opportunities", new { opportunityId = partnerOpportunity.Id })).StatusCode);
        foreach (var client in new[] { o, l })
        {
            var refused = await client.PostAsJsonAsync($"/api/v1/initiatives/{id}/opportunities", new { opportunityId = outsiderOpportunity.Id });
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            Assert.Equal("initiative-not-partner", (await refused.ReadJsonAsync()).GetProperty("code").GetString());
        }
        // A partner's supervisor (not an admin) links nothing.
        Assert.Equal(HttpStatusCode.NotFound, (await p.PostAsJsonAsync($"/api/v1/initiatives/{id}/opportunities", new { opportunityId = partnerOpportunity.Id })).StatusCode);
        Assert.Equal(2, await app.QueryAsync(db => db.InitiativeOpportunities.CountAsync(x => x.InitiativeId == id)));

        // The partner's staff see hours verified in either organisation's opportunities.
        var volunteer = await s.VolunteerAsync(Gender.Male, new DateOnly(1990, 1, 1));
        await s.HoursAsync(volunteer, leadOpportunity, new DateOnly(2026, 10, 1), 120, HoursStatus.Approved);
        await s.HoursAsync(volunteer, partnerOpportunity, new DateOnly(2026, 10, 2), 60, HoursStatus.Approved);
        await s.HoursAsync(volunteer, outsiderOpportunity, new DateOnly(2026, 10, 3), 600, HoursStatus.Approved);
        var lines = (await (await p.GetAsync($"/api/v1/initiatives/{id}/progress")).ReadJsonAsync()).GetProperty("lines").EnumerateArray()
            .ToDictionary(x => x.GetProperty("indicator").GetString()!, x => x.GetProperty("actual").GetDecimal());
        Assert.Equal(1m, lines["uniqueVolunteers"]);
        Assert.Equal(3m, lines["verifiedHours"]);
        Assert.Equal(2m, lines["opportunities"]);
        Assert.Equal(100m, lines["beneficiaries"]);

        // Only the lead edits it.
        Assert.Equal(HttpStatusCode.NotFound, (await pa.PutAsJsonAsync($"/api/v1/initiatives/{id}", body)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await l.PutAsJsonAsync($"/api/v1/initiatives/{id}", body)).StatusCode);
        var page = await (await app.Browser("en").GetAsync($"/initiatives/{id}")).Content.ReadAsStringAsync();
        Assert.Contains("Implementing partner", page, StringComparison.Ordinal);
        Assert.DoesNotContain("progress-table", page, StringComparison.Ordinal);
    }
}
