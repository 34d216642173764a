using System.Net;
using Athar.Core.Accounts;
using Athar.Core.Attendance;
using Athar.Core.Audit;
using Athar.Data.Audit;
using Athar.Data.Organizations;
using Athar.IntegrationTests.Infrastructure;
using Athar.IntegrationTests.Statistics;
using Athar.Web.Features.Participation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Athar.IntegrationTests.Audit;

/// <summary>The audit trail: entries written with the change they record, sealed into one gapless hash chain, readable by platform admins only.</summary>
public sealed class AuditTrailTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static async Task<AuditReport> SealAndVerifyAsync(AtharAppFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AuditSealer>().SealPendingAsync();
        return await scope.ServiceProvider.GetRequiredService<AuditVerifier>().VerifyAsync();
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task HoursDecisions_AreAuditedOnce_WithThePersonAndOrganisation_AndSealIntoAnIntactChain(TestDatabase database)
    {
        var app = fixture.For(database);
        var s = new StatsScene(app);
        var organization = await s.OrganizationAsync(1, 101, OrganizationType.NonProfitAssociation);
        var opportunity = await s.OpportunityAsync(organization, 1, 101, 3);
        var volunteer = await s.VolunteerAsync(Gender.Female, new DateOnly(1990, 5, 1));
        var approved = await s.HoursAsync(volunteer, opportunity, new DateOnly(2026, 11, 20), 120, HoursStatus.Pending);
        var rejected = await s.HoursAsync(volunteer, opportunity, new DateOnly(2026, 11, 21), 60, HoursStatus.Pending);

        await s.DecideAsync(approved, ReviewHours.Decision.Approve);
        await s.DecideAsync(approved, ReviewHours.Decision.Approve); // a double click changes nothing, and audits nothing
        await s.DecideAsync(rejected, ReviewHours.Decision.Reject, reason: "Not present");

        var ids = new[] { approved.ToString(), rejected.ToString() };
        var entries = await app.QueryAsync(db => db.AuditEntries.AsNoTracking().Where(e => ids.Contains(e.SubjectId)).OrderBy(e => e.Id).ToListAsync());
        Assert.Equal([AuditActions.HoursApproved, AuditActions.HoursRejected], entries.Select(e => e.Action));
        Assert.All(entries, e =>
        {
            Assert.Equal("VolunteerHours", e.SubjectType);
            Assert.Equal(volunteer, e.PersonId);
            Assert.Equal(organization, e.OrganizationId);
            Assert.NotNull(e.ActorId);
        });
        Assert.Equal("from=Pending;to=Approved;minutesBefore=120;minutesAfter=120;platform=yes", entries[0].Detail);

        var report = await SealAndVerifyAsync(app);
        Assert.True(report.Verdict.Intact, report.ToString());
        Assert.Equal(0, report.Pending);
        Assert.True(report.Verdict.Checked >= 2);
        var sealedEntries = await app.QueryAsync(db => db.AuditEntries.AsNoTracking().Where(e => ids.Contains(e.SubjectId)).ToListAsync());
        Assert.All(sealedEntries, e => Assert.Equal(AuditChain.HashOf(e.FactsAt(e.Sequence!.Value), e.PreviousHash!), e.Hash));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task FourSealersAtOnce_BuildOneGaplessChain(TestDatabase database)
    {
        var app = fixture.For(database);
        for (var batch = 0; batch < 6; batch++)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var audit = scope.ServiceProvider.GetRequiredService<AuditTrail>();
            for (var i = 0; i < 50; i++)
                audit.Record(AuditActions.StatisticsExported, "StatisticsTable", $"t{batch}-{i}", Guid.NewGuid(), detail: "format=csv");
            await scope.ServiceProvider.GetRequiredService<Data.AtharDbContext>().SaveChangesAsync();
        }

        await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<AuditSealer>().SealPendingAsync();
        }));

        var report = await SealAndVerifyAsync(app);
        Assert.True(report.Verdict.Intact, report.ToString());
        Assert.Equal(0, report.Pending);
        var (count, max) = await app.QueryAsync(async db => (await db.AuditEntries.LongCountAsync(), await db.AuditEntries.MaxAsync(e => e.Sequence)));
        Assert.Equal(count, max); // sequence 1..N, no gap and no duplicate (the index is unique)
        Assert.Equal(count, report.Verdict.Checked);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task StatisticsExport_IsAudited_WithTheExporterAndTheQuery(TestDatabase database)
    {
        var app = fixture.For(database);
        var admin = await app.BrowserAsAsync("admin@athar.local");
        var before = await app.QueryAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.StatisticsExported && e.SubjectId == "regions"));

        var response = await admin.GetAsync("/statistics/export/regions.csv?period=2026");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var entry = await app.QueryAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.Action == AuditActions.StatisticsExported && e.SubjectId == "regions").OrderByDescending(e => e.Id).FirstAsync());
        Assert.Equal(before + 1, await app.QueryAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.StatisticsExported && e.SubjectId == "regions")));
        var adminId = await app.QueryAsync(db => db.Users.Where(u => u.Email == "admin@athar.local").Select(u => u.Id).SingleAsync());
        Assert.Equal(adminId, entry.ActorId);
        Assert.Contains("format=csv", entry.Detail, StringComparison.Ordinal);
        Assert.Contains("period=2026", entry.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task AuditPageAndVerification_AreForPlatformAdminsOnly(TestDatabase database)
    {
        var app = fixture.For(database);
        var admin = await app.ApiAsAsync("admin@athar.local");
        var verify = await admin.GetAsync("/api/v1/admin/audit/verify");
        Assert.Equal(HttpStatusCode.OK, verify.StatusCode);
        var json = await verify.ReadJsonAsync();
        Assert.True(json.GetProperty("intact").GetBoolean());

        foreach (var person in new[] { "volunteer@athar.local", "org.admin@athar.local" })
        {
            var client = await app.ApiAsAsync(person);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/admin/audit/verify")).StatusCode);
            var browser = await app.BrowserAsAsync(person);
            var denied = await browser.GetAsync("/admin/audit");
            Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
            Assert.StartsWith("/account/access-denied", denied.Headers.Location?.AbsolutePath ?? denied.Headers.Location?.OriginalString, StringComparison.Ordinal);
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync("/api/v1/admin/audit/verify")).StatusCode);

        var page = await (await app.BrowserAsAsync("admin@athar.local")).GetAsync("/admin/audit");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("سجل التدقيق", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
