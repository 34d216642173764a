using System.Net;
using System.Text;
using Athar.Core.Accounts;
using Athar.Core.Attendance;
using Athar.Core.Audit;
using Athar.Core.Privacy;
using Athar.Core.Opportunities;
using Athar.Core.Statistics;
using Athar.Data.Accounts;
using Athar.Data.Organizations;
using Athar.Data.Statistics;
using Athar.IntegrationTests.Infrastructure;
using Athar.IntegrationTests.Statistics;
using Athar.Web.Features.Statistics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Athar.IntegrationTests.Privacy;

/// <summary>The PDPL rights answered in the app: download one's own data, and deletion that anonymises but keeps the statistics.</summary>
public sealed class PersonalDataTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task DownloadMyData_ContainsEverythingAboutMe_AndNothingAboutOthers(TestDatabase database)
    {
        var app = fixture.For(database);
        var scene = new StatsScene(app);
        var me = await app.RegisterAsync();
        var other = await app.RegisterAsync(i => i.FullNameAr = "هند سالم العمري");
        var organization = await scene.OrganizationAsync(1, 101, OrganizationType.NonProfitAssociation);
        var opportunity = await scene.OpportunityAsync(organization, 1, 101, 3);
        await scene.HoursAsync(me.UserId, opportunity, new DateOnly(2026, 10, 4), 150, HoursStatus.Approved);
        await scene.HoursAsync(other.UserId, opportunity, new DateOnly(2026, 10, 4), 90, HoursStatus.Approved);
        var browser = await app.BrowserAsAsync(me.Input.Email!, TestPeople.Password);

        var page = await browser.GetAsync("/me/data");
        var json = await browser.GetAsync("/me/data?handler=json");
        var csv = await browser.GetAsync("/me/data?handler=csv");
        var api = await (await app.ApiAsAsync(me.Input.Email!, TestPeople.Password)).GetAsync("/api/v1/me/data");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("application/json", json.Content.Headers.ContentType?.MediaType);
        var record = await json.ReadJsonAsync();
        var profile = record.GetProperty("profile");
        Assert.Equal(me.Input.NationalId, profile.GetProperty("nationalId").GetString());
        Assert.Equal(me.Input.Email, profile.GetProperty("email").GetString());
        Assert.Equal(150, record.GetProperty("hours").EnumerateArray().Single().GetProperty("creditedMinutes").GetInt32());
        Assert.Single(record.GetProperty("applications").EnumerateArray());
        Assert.Contains(record.GetProperty("consents").EnumerateArray(), c => c.GetProperty("kind").GetString() == "privacyNotice" && c.GetProperty("version").GetString() == "2025-1");
        var text = await json.Content.ReadAsStringAsync();
        Assert.DoesNotContain(other.Input.NationalId!, text, StringComparison.Ordinal);
        Assert.DoesNotContain(other.Input.Email!, text, StringComparison.Ordinal);
        Assert.DoesNotContain("هند", text, StringComparison.Ordinal);

        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var table = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync());
        Assert.StartsWith("\uFEFFsection,item,field,value", table, StringComparison.Ordinal);
        Assert.Contains($"profile,1,nationalId,{me.Input.NationalId}", table, StringComparison.Ordinal);
        Assert.Contains("hours,1,creditedMinutes,150", table, StringComparison.Ordinal);
        Assert.DoesNotContain(other.Input.NationalId!, table, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        Assert.Equal(me.Input.NationalId, (await api.ReadJsonAsync()).GetProperty("profile").GetProperty("nationalId").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Api().GetAsync("/api/v1/me/data")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await app.Browser().GetAsync("/me/data?handler=json")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task DeleteAccount_AnonymisesThePerson_KeepsEveryStatisticIdentical_AndTheySignInNoMore(TestDatabase database)
    {
        var app = fixture.For(database);
        var scene = new StatsScene(app);
        // Turns 25 on 17 May 2026: 18-24 in May, 25-34 from June, so the age band depends on the birth month kept.
        var me = await app.RegisterAsync(i => { i.BirthDate = new DateOnly(2001, 5, 17); i.Gender = Gender.Male; i.RegionId = 2; i.CityId = 201; });
        var organization = await scene.OrganizationAsync(1, 101, OrganizationType.NonProfitAssociation);
        var opportunity = await scene.OpportunityAsync(organization, 1, 101, 3);
        await scene.HoursAsync(me.UserId, opportunity, new DateOnly(2026, 5, 20), 120, HoursStatus.Approved);
        await scene.HoursAsync(me.UserId, opportunity, new DateOnly(2026, 6, 10), 180, HoursStatus.Approved);
        var admin = await app.ApiAsAsync("admin@athar.local");
        var cuts = new List<StatsFilter> { new(StatsPeriod.GregorianYear(2026)), new(StatsPeriod.ForMonth(2026, 5)), new(StatsPeriod.ForMonth(2026, 6)) };
        foreach (var band in new[] { AgeBand.From18To24, AgeBand.From25To34 })
        foreach (var month in new[] { 5, 6 })
            cuts.Add(new StatsFilter(StatsPeriod.ForMonth(2026, month)) { AgeBand = band, Gender = (int)Gender.Male });
        cuts.Add(new StatsFilter(StatsPeriod.GregorianYear(2026)) { RegionId = 1, Gender = (int)Gender.Male });
        async Task<List<string>> FiguresAsync()
        {
            var all = new List<string>();
            foreach (var cut in cuts)
                all.Add(await admin.GetStringAsync("/api/v1/stats/dashboard?" + StatsRequest.QueryString(cut)));
            return all;
        }
        async Task<List<string>> FactsAsync() => await app.QueryAsync(async db =>
            (await db.StatsActivity.AsNoTracking().Where(a => a.VolunteerId == me.UserId).ToListAsync())
            .Select(a => string.Join('|', a.OpportunityId, a.Month, a.HijriMonth, a.RegionId, a.FieldId, a.Gender, a.AgeBand, a.Minutes, a.Records))
            .Order(StringComparer.Ordinal).ToList());
        var figuresBefore = await FiguresAsync();
        var factsBefore = await FactsAsync();
        var browser = await app.BrowserAsAsync(me.Input.Email!, TestPeople.Password);

        var wrong = await browser.PostFormAsync("/me/delete", [new("Password", "Not-My-Password-1"), new("Confirm", "true")]);
        var unconfirmed = await browser.PostFormAsync("/me/delete", [new("Password", TestPeople.Password)]);
        Assert.Contains("account-deleted", await (await browser.PostFormAsync("/me/delete", [new("Password", TestPeople.Password), new("Confirm", "true")])).Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.DoesNotContain("account-deleted", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("account-deleted", await unconfirmed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var user = await app.QueryAsync(db => db.Users.Include(u => u.Volunteer).SingleAsync(u => u.Id == me.UserId));
        Assert.Equal((Anonymisation.ErasedNameAr, Anonymisation.ErasedNameEn), (user.FullNameAr, user.FullNameEn));
        Assert.Null(user.Email);
        Assert.Null(user.PhoneNumber);
        Assert.Null(user.PasswordHash);
        Assert.NotNull(user.ErasedAt);
        Assert.True(Anonymisation.IsPlaceholder(user.Volunteer!.NationalId) && user.Volunteer.NationalId.Length == 10);
        Assert.Equal(new DateOnly(2001, 5, 2), user.Volunteer.BirthDate);
        Assert.Equal((Gender.Male, 2, 201), (user.Volunteer.Gender, user.Volunteer.RegionId, user.Volunteer.CityId));
        Assert.Null(user.Volunteer.Skills);
        Assert.False(await app.QueryAsync(db => db.OutboxMessages.AnyAsync(m => m.UserId == me.UserId || m.Recipient == me.Input.Email)));
        Assert.Single(await app.QueryAsync(db => db.AuditEntries.Where(e => e.Action == AuditActions.AccountErased && e.PersonId == me.UserId && e.ActorId == me.UserId).ToListAsync()));

        // Signed out, and no identifier finds the account any more.
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/me/data")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, await app.LoginStatusAsync(me.Input.Email!));
        Assert.Equal(HttpStatusCode.Unauthorized, await app.LoginStatusAsync(me.Input.NationalId!));
        Assert.Equal(HttpStatusCode.Unauthorized, await app.LoginStatusAsync(me.Input.Mobile!));

        // The statistics, as shown and as rebuilt from the anonymised records, do not move.
        Assert.Equal(figuresBefore, await FiguresAsync());
        Assert.Equal(factsBefore, await FactsAsync());
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<StatsRebuild>().RunAsync();
        Assert.Equal(figuresBefore, await FiguresAsync());
        Assert.Equal(factsBefore, await FactsAsync());
        Assert.Equal(2, factsBefore.Count);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task DeleteAccount_WhileSignedInElsewhere_EndsTheOtherSessionsRequests(TestDatabase database)
    {
        var app = fixture.For(database);
        var me = await app.RegisterAsync();
        var api = await app.ApiAsAsync(me.Input.Email!, TestPeople.Password);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/me")).StatusCode);
        var browser = await app.BrowserAsAsync(me.Input.Email!, TestPeople.Password);
        Assert.Equal(2, await app.QueryAsync(db => db.UserSessions.CountAsync(s => s.UserId == me.UserId)));

        await browser.PostFormAsync("/me/delete", [new("Password", TestPeople.Password), new("Confirm", "true")]);

        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/me")).StatusCode);
        // Device labels and sign-in times go with the account.
        Assert.Equal(0, await app.QueryAsync(db => db.UserSessions.CountAsync(s => s.UserId == me.UserId)));
    }
}
