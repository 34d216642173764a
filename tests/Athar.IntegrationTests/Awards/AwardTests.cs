using System.Net;
using System.Net.Http.Json;
using Athar.Core.Accounts;
using Athar.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Athar.IntegrationTests.Awards;

/// <summary>
/// The award from cycle to honours: only admins run cycles, only appointed judges score (0–10, localised
/// errors), ties are broken as documented, only published winners are honoured, and the certificate verifies.
/// </summary>
public sealed class AwardTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static object Sheet(int impact, int sustainability, int innovation, int partnership) => new
    {
        scores = new[]
        {
            new { criterion = "impact", score = impact }, new { criterion = "sustainability", score = sustainability },
            new { criterion = "innovation", score = innovation }, new { criterion = "partnership", score = partnership },
        },
    };

    private static object All(int score) => Sheet(score, score, score, score);

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Award_JudgesOnlyScore_TiesAreBrokenAsDocumented_OnlyPublishedWinnersAreHonoured_CertificateVerifies(TestDatabase database)
    {
        var app = fixture.For(database);
        const int year = 2031;
        var admin = await app.ApiAsAsync("admin@athar.local", language: "en");
        var (n1, admin1, _) = await app.CreateVerifiedOrganizationAsync();
        var (n2, admin2, _) = await app.CreateVerifiedOrganizationAsync();
        var (n3, admin3, _) = await app.CreateVerifiedOrganizationAsync();
        var judge1 = await app.CreatePersonAsync([Roles.Volunteer]);
        var judge2 = await app.CreatePersonAsync([Roles.Volunteer]);
        var outsider = await app.CreatePersonAsync([Roles.Volunteer]);

        // Only platform admins run cycles; a bad year is explained.
        var o1 = await app.ApiAsAsync(admin1.Email, TestPeople.Password, "en");
        Assert.Equal(HttpStatusCode.Forbidden, (await o1.PostAsJsonAsync("/api/v1/awards/cycles", new { year })).StatusCode);
        var badYear = await admin.PostAsJsonAsync("/api/v1/awards/cycles", new { year = 1990 });
        Assert.Equal(HttpStatusCode.BadRequest, badYear.StatusCode);
        Assert.Equal("Enter a year from 2000 to 2100.", (await badYear.ReadJsonAsync()).GetProperty("errors").GetProperty("year")[0].GetString());
        var created = await admin.PostAsJsonAsync("/api/v1/awards/cycles", new { year });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var cycle = (await created.ReadJsonAsync()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsJsonAsync("/api/v1/awards/cycles", new { year })).StatusCode);
        foreach (var judge in new[] { judge1, judge2 })
            Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsJsonAsync($"/api/v1/awards/cycles/{cycle}/judges", new { email = judge.Email })).StatusCode);

        // Nominations wait for the cycle to open them.
        var nominate = new { organizationId = n1, track = "nonProfitOrganizations", statement = "ثلاثة آلاف ساعة تطوع موثقة" };
        Assert.Equal(HttpStatusCode.Conflict, (await o1.PostAsJsonAsync($"/api/v1/awards/cycles/{cycle}/nominations", nominate)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/v1/awards/cycles/{cycle}/open-nominations", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsync($"/api/v1/awards/cycles/{cycle}/open-nominations", null)).StatusCode);

        async Task<Guid> NominateAsync(HttpClient client, Guid organizationId)
        {
            var response = await client.PostAsJsonAsync($"/api/v1/awards/cycles/{cycle}/nominations", nominate with { organizationId = organizationId });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            return (await response.ReadJsonAsync()).GetProperty("id").GetGuid();
        }
        var first = await NominateAsync(o1, n1);
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var o2 = await app.ApiAsAsync(admin2.Email, TestPeople.Password);
        var second = await NominateAsync(o2, n2);
        var o3 = await app.ApiAsAsync(admin3.Email, TestPeople.Password);
        var third = await NominateAsync(o3, n3);
        Assert.Equal("award-already-nominated", (await (await o1.PostAsJsonAsync($"/api/v1/awards/cycles/{cycle}/nominations", nominate)).ReadJsonAsync()).GetProperty("code").GetString());
        var wrongTrack = await o1.PostAsJsonAsync($"/api/v1/awards/cycles/{cycle}/nominations", nominate with { track = "governmentEntities" });
        Assert.Equal("award-track-not-for-organization", (await wrongTrack.ReadJsonAsync()).GetProperty("code").GetString());
        // An organisation's admin cannot nominate for another organisation, nor list its nominations.
        Assert.Equal(HttpStatusCode.NotFound, (await o1.PostAsJsonAsync($"/api/v1/awards/cycles/{cycle}/nominations", nominate with { organizationId = n2, track = "teams" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await o1.GetAsync($"/api/v1/awards/organizations/{n2}/nominations")).StatusCode);
        Assert.Single((await (await o1.GetAsync($"/api/v1/awards/organizations/{n1}/nominations")).ReadJsonAsync()).EnumerateArray());

        // Only appointed judges score; scores are 0–10, explained in the judge's language.
        var stranger = await app.ApiAsAsync(outsider.Email, TestPeople.Password);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PutAsJsonAsync($"/api/v1/awards/nominations/{first}/scores", All(9))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await o1.PutAsJsonAsync($"/api/v1/awards/nominations/{second}/scores", All(9))).StatusCode);
        var j1 = await app.ApiAsAsync(judge1.Email, TestPeople.Password, "en");
        var j1Arabic = await app.ApiAsAsync(judge1.Email, TestPeople.Password, "ar");
        var j2 = await app.ApiAsAsync(judge2.Email, TestPeople.Password);
        var outOfRange = await j1.PutAsJsonAsync($"/api/v1/awards/nominations/{first}/scores", Sheet(11, 5, 5, 5));
        Assert.Equal(HttpStatusCode.BadRequest, outOfRange.StatusCode);
        Assert.Equal("Enter a score from 0 to 10.", (await outOfRange.ReadJsonAsync()).GetProperty("errors").GetProperty("scores[Impact]")[0].GetString());
        var negative = await j1Arabic.PutAsJsonAsync($"/api/v1/awards/nominations/{first}/scores", Sheet(-1, 5, 5, 5));
        Assert.Equal("أدخل درجة من 0 إلى 10.", (await negative.ReadJsonAsync()).GetProperty("errors").GetProperty("scores[Impact]")[0].GetString());
        var incomplete = await j1.PutAsJsonAsync($"/api/v1/awards/nominations/{first}/scores", new { scores = new[] { new { criterion = "impact", score = 5 } } });
        Assert.Equal(HttpStatusCode.BadRequest, incomplete.StatusCode);
        Assert.Equal(0, await app.QueryAsync(db => db.AwardScores.CountAsync(s => s.NominationId == first)));

        // All three average 8: the first has two judges who agree, the second one judge, the third two who disagree.
        async Task ScoreAsync(HttpClient judge, Guid nomination, object sheet) =>
            Assert.Equal(HttpStatusCode.NoContent, (await judge.PutAsJsonAsync($"/api/v1/awards/nominations/{nomination}/scores", sheet)).StatusCode);
        await ScoreAsync(j1, first, All(8));
        await ScoreAsync(j2, first, All(8));
        await ScoreAsync(j1, second, All(9));
        await ScoreAsync(j1, second, All(8)); // a judge changes their mind before publication
        await ScoreAsync(j1, third, All(10));
        await ScoreAsync(j2, third, All(6));
        Assert.Equal(4, await app.QueryAsync(db => db.AwardScores.CountAsync(s => s.NominationId == second)));

        // A judge sees their own sheets only.
        var assignments = (await (await j2.GetAsync("/api/v1/awards/judging")).ReadJsonAsync()).EnumerateArray()
            .ToDictionary(a => a.GetProperty("nomination").GetProperty("id").GetGuid(), a => a.GetProperty("myScores"));
        Assert.Empty(assignments[second].EnumerateObject());
        Assert.Equal(6, assignments[third].GetProperty("impact").GetInt32());

        // Nothing is honoured before publication.
        Assert.Equal(0, (await (await app.Api().GetAsync($"/api/v1/honours?year={year}")).ReadJsonAsync()).GetArrayLength());
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsync($"/api/v1/awards/cycles/{cycle}/publish", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/v1/awards/cycles/{cycle}/close-nominations", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/v1/awards/cycles/{cycle}/publish", null)).StatusCode);

        // Scores are frozen; the winner is the first nomination (more judges than the second, a higher lowest judge than the third).
        var late = await j1.PutAsJsonAsync($"/api/v1/awards/nominations/{third}/scores", All(10));
        Assert.Equal("award-wrong-stage", (await late.ReadJsonAsync()).GetProperty("code").GetString());
        Assert.Equal([first], await app.QueryAsync(db => db.AwardNominations.Where(n => n.CycleId == cycle && n.IsWinner).Select(n => n.Id).ToListAsync()));

        var honours = (await (await app.Api("en").GetAsync($"/api/v1/honours?year={year}")).ReadJsonAsync()).EnumerateArray().ToList();
        var honour = Assert.Single(honours);
        Assert.Equal("nonProfitOrganizations", honour.GetProperty("track").GetString());
        Assert.Equal("Test Association", honour.GetProperty("nameEn").GetString());
        Assert.Equal(8m, honour.GetProperty("average").GetDecimal());
        var code = honour.GetProperty("verificationCode").GetString()!;
        var page = await app.Browser("en").GetStringAsync("/honours");
        Assert.Contains("Award 2031", page, StringComparison.Ordinal);
        Assert.Contains("Non-profit organisations", page, StringComparison.Ordinal);
        Assert.Contains($"/verify/{code}", page, StringComparison.Ordinal);
        var arabicPage = await app.Browser("ar").GetStringAsync("/honours");
        Assert.Contains("المنظمات غير الربحية", arabicPage, StringComparison.Ordinal);

        // The certificate is the winner's organisation's (not another's), and /verify recognises it.
        var winnerStaff = await app.BrowserAsAsync(admin1.Email, TestPeople.Password);
        var pdf = await winnerStaff.GetAsync($"/awards/certificates/{first}");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        var otherStaff = await app.BrowserAsAsync(admin2.Email, TestPeople.Password);
        Assert.Equal(HttpStatusCode.NotFound, (await otherStaff.GetAsync($"/awards/certificates/{first}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherStaff.GetAsync($"/awards/certificates/{second}")).StatusCode);
        var verified = await (await app.Api("en").GetAsync($"/api/v1/verify/{code}")).ReadJsonAsync();
        Assert.Equal("genuine", verified.GetProperty("status").GetString());
        Assert.Equal("awardWinner", verified.GetProperty("kind").GetString());
        Assert.Equal("Test Association", verified.GetProperty("holderName").GetString());
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Honours_ListOnlyPublishedCycles(TestDatabase database)
    {
        var app = fixture.For(database);
        var admin = await app.ApiAsAsync("admin@athar.local");
        var cycle = (await (await admin.PostAsJsonAsync("/api/v1/awards/cycles", new { year = 2033 })).ReadJsonAsync()).GetProperty("id").GetGuid();
        var judge = await app.CreatePersonAsync([Roles.Volunteer]);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsJsonAsync($"/api/v1/awards/cycles/{cycle}/judges", new { email = judge.Email, track = "teams" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/v1/awards/cycles/{cycle}/open-nominations", null)).StatusCode);
        var (org, orgAdmin, _) = await app.CreateVerifiedOrganizationAsync();
        var o = await app.ApiAsAsync(orgAdmin.Email, TestPeople.Password);
        var nominated = await o.PostAsJsonAsync($"/api/v1/awards/cycles/{cycle}/nominations", new { organizationId = org, track = "teams", teamName = "فريق الإسعاف", statement = "فريق نشط" });
        Assert.True(nominated.StatusCode == HttpStatusCode.Created, await nominated.Content.ReadAsStringAsync());
        var nomination = (await nominated.ReadJsonAsync()).GetProperty("id").GetGuid();
        var j = await app.ApiAsAsync(judge.Email, TestPeople.Password);
        Assert.Equal(HttpStatusCode.NoContent, (await j.PutAsJsonAsync($"/api/v1/awards/nominations/{nomination}/scores", All(7))).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/v1/awards/cycles/{cycle}/close-nominations", null)).StatusCode);

        // Judged but not published: not on the honours page.
        Assert.Equal(0, (await (await app.Api().GetAsync("/api/v1/honours?year=2033")).ReadJsonAsync()).GetArrayLength());
        Assert.DoesNotContain("فريق الإسعاف", await app.Browser("ar").GetStringAsync("/honours"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/v1/awards/cycles/{cycle}/publish", null)).StatusCode);
        var honour = Assert.Single((await (await app.Api().GetAsync("/api/v1/honours?year=2033")).ReadJsonAsync()).EnumerateArray());
        Assert.Equal("فريق الإسعاف", honour.GetProperty("nameAr").GetString());
        Assert.Contains("فريق الإسعاف", await app.Browser("ar").GetStringAsync("/honours"), StringComparison.Ordinal);
    }
}
