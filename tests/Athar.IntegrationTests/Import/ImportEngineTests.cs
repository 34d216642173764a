using System.Globalization;
using Athar.Core.Attendance;
using Athar.Core.Import;
using Athar.Core.Opportunities;
using Athar.Data.Import;
using Athar.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Athar.IntegrationTests.Import;

/// <summary>The import engine against both databases: dry runs, all-or-nothing, idempotency, matching by national ID, hours.</summary>
public sealed class ImportEngineTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static async Task<ImportOutcome> RunAsync(AtharAppFactory app, Guid organizationId, ImportKind kind, byte[] content, bool dryRun = false, Guid? actor = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var engine = scope.ServiceProvider.GetRequiredService<ImportEngine>();
        var request = new ImportRequest(organizationId, kind, content, "file.csv", ImportEncoding.Auto, actor, "test");
        return dryRun ? await engine.CheckAsync(request) : await engine.ImportAsync(request);
    }

    private static Task<int> VolunteersWithAsync(AtharAppFactory app, IEnumerable<string> nationalIds)
    {
        var ids = nationalIds.ToList();
        return app.QueryAsync(db => db.Volunteers.CountAsync(v => ids.Contains(v.NationalId)));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Volunteers_DryRunWritesNothing_ImportAddsThem_AndRunningItAgainAddsNothing(TestDatabase database)
    {
        var app = fixture.For(database);
        var (organizationId, admin, _) = await app.CreateVerifiedOrganizationAsync();
        var ids = Enumerable.Range(0, 3).Select(_ => TestPeople.NewNationalId()).ToList();
        var file = ImportFiles.Csv([ImportFiles.VolunteerHeaderEn, .. ids.Select(id => ImportFiles.Volunteer(id))]);

        var dry = await RunAsync(app, organizationId, ImportKind.Volunteers, file, dryRun: true);
        Assert.Empty(dry.Problems);
        Assert.Equal((3, 0, false), (dry.Added, dry.Matched, dry.Imported));
        Assert.Equal(0, await VolunteersWithAsync(app, ids));

        var imported = await RunAsync(app, organizationId, ImportKind.Volunteers, file, actor: admin.UserId);
        Assert.True(imported.Imported);
        Assert.Equal(3, imported.Added);
        Assert.Equal(3, await VolunteersWithAsync(app, ids));
        var user = await app.QueryAsync(db => db.Users.Include(u => u.Volunteer).SingleAsync(u => u.Volunteer!.NationalId == ids[0]));
        Assert.Equal(("نورة عبدالله", "+966551234567", false), (user.FullNameAr, user.PhoneNumber, user.EmailConfirmed));
        Assert.Null(user.PasswordHash);
        Assert.True(await app.QueryAsync(db => db.UserRoles.AnyAsync(r => r.UserId == user.Id)));
        Assert.True(await app.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == Core.Audit.AuditActions.ImportCompleted && a.OrganizationId == organizationId)));

        var again = await RunAsync(app, organizationId, ImportKind.Volunteers, file);
        Assert.True(again.AlreadyImported);
        Assert.False(again.Imported);

        // The same rows saved again (other bytes): every person is matched by national ID, nobody is added.
        var resaved = ImportFiles.Csv([ImportFiles.VolunteerHeaderAr, .. ids.Select(id => ImportFiles.Volunteer(id))], bom: true);
        var matched = await RunAsync(app, organizationId, ImportKind.Volunteers, resaved);
        Assert.True(matched.Imported);
        Assert.Equal((0, 3), (matched.Added, matched.Matched));
        Assert.Equal(3, await VolunteersWithAsync(app, ids));
        var emails = ids.Select(id => $"v{id}@import.test").ToList();
        Assert.Equal(3, await app.QueryAsync(db => db.Users.CountAsync(u => emails.Contains(u.Email!))));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Volunteers_AreMatchedByNationalId_NeverChanged_AndAContradictingBirthDateIsRefused(TestDatabase database)
    {
        var app = fixture.For(database);
        var (organizationId, _, _) = await app.CreateVerifiedOrganizationAsync();
        var person = await app.CreatePersonAsync([Core.Accounts.Roles.Volunteer], birthDate: new DateOnly(1995, 1, 1));
        var nationalId = await app.QueryAsync(db => db.Volunteers.Where(v => v.UserId == person.UserId).Select(v => v.NationalId).SingleAsync());

        var same = ImportFiles.Volunteer(nationalId, "1995-01-01", "female", "Makkah", "Jeddah");
        var outcome = await RunAsync(app, organizationId, ImportKind.Volunteers, ImportFiles.Csv([ImportFiles.VolunteerHeaderEn, same]));
        Assert.Equal((0, 1), (outcome.Added, outcome.Matched));
        var stored = await app.QueryAsync(db => db.Volunteers.AsNoTracking().SingleAsync(v => v.NationalId == nationalId));
        Assert.Equal((person.UserId, 1, 101), (stored.UserId, stored.RegionId, stored.CityId)); // the person's own profile wins

        var contradicting = ImportFiles.Volunteer(nationalId, "1988-06-15");
        var refused = await RunAsync(app, organizationId, ImportKind.Volunteers, ImportFiles.Csv([ImportFiles.VolunteerHeaderEn, contradicting]), dryRun: true);
        var problem = Assert.Single(refused.Problems);
        Assert.Equal((2, "national_id", "NationalId.OtherPerson"), (problem.Row, problem.Column, problem.Code));
        Assert.Contains("birth date", ImportMessages.Describe(problem, CultureInfo.GetCultureInfo("en")), StringComparison.Ordinal);
        Assert.Contains("تاريخ الميلاد", ImportMessages.Describe(problem, CultureInfo.GetCultureInfo("ar")), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Import_ABadRowLateInTheFile_LeavesNothing_AndDuplicatesAreReported(TestDatabase database)
    {
        var app = fixture.For(database);
        var (organizationId, _, _) = await app.CreateVerifiedOrganizationAsync();
        var ids = Enumerable.Range(0, 60).Select(_ => TestPeople.NewNationalId()).ToList();
        var rows = ids.Select(id => ImportFiles.Volunteer(id)).ToList();
        rows.Add(ImportFiles.Volunteer(TestPeople.WithBadCheckDigit(TestPeople.NewNationalId())));
        rows.Add(ImportFiles.Volunteer(ids[5]));

        var outcome = await RunAsync(app, organizationId, ImportKind.Volunteers, ImportFiles.Csv([ImportFiles.VolunteerHeaderEn, .. rows]));
        Assert.False(outcome.Imported);
        Assert.Equal(2, outcome.Problems.Count);
        Assert.Equal((62, "national_id", "NationalId.BadCheckDigit"), (outcome.Problems[0].Row, outcome.Problems[0].Column, outcome.Problems[0].Code));
        Assert.Equal((63, "national_id", "Row.Duplicate"), (outcome.Problems[1].Row, outcome.Problems[1].Column, outcome.Problems[1].Code));
        Assert.Equal(7, outcome.Problems[1].Arguments[0]); // the first row with that ID
        Assert.Equal(0, await VolunteersWithAsync(app, ids));
        Assert.False(await app.QueryAsync(db => db.ImportBatches.AnyAsync(b => b.OrganizationId == organizationId)));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Hours_WithinTheWindowAreVerifiedAndCounted_OlderOnesWaitForReview_AndNoDayCountsTwice(TestDatabase database)
    {
        var app = fixture.For(database);
        app.MoveToNextMorning();
        var (organizationId, admin, _) = await app.CreateVerifiedOrganizationAsync();
        var today = Core.Calendar.DualDate.ToSaudiDate(app.Clock.GetUtcNow());
        string Day(int daysAgo) => today.AddDays(-daysAgo).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var reference = "OPP-" + Guid.NewGuid().ToString("N")[..8];
        var opportunities = ImportFiles.Csv(
        [
            ["Reference", "Title (Arabic)", "Description (Arabic)", "Field", "Region", "City", "Start date", "End date"],
            [reference, "توزيع السلال", "توزيع السلال على الأسر", "الاجتماعي", "الرياض", "الرياض", Day(90), Day(1)],
        ]);
        var created = await RunAsync(app, organizationId, ImportKind.Opportunities, opportunities, actor: admin.UserId);
        Assert.True(created.Imported, string.Join(", ", created.Problems.Select(p => p.Code)));
        var opportunityId = await app.QueryAsync(db => db.OpportunityReferences.Where(r => r.Reference == reference).Select(r => r.OpportunityId).SingleAsync());
        var opportunity = await app.QueryAsync(db => db.Opportunities.AsNoTracking().SingleAsync(o => o.Id == opportunityId));
        Assert.Equal((OpportunityStatus.Completed, 3), (opportunity.Status, opportunity.FieldId));
        Assert.Equal(0, (await RunAsync(app, organizationId, ImportKind.Opportunities, ImportFiles.Csv([["المرجع", "العنوان بالعربية", "الوصف بالعربية", "المجال", "المنطقة", "المدينة", "تاريخ البداية", "تاريخ النهاية"], [reference, "أخرى", "أخرى", "الصحي", "الرياض", "الرياض", Day(9), Day(8)]]))).Added);

        var volunteers = await app.CreateVolunteersAsync(2);
        var ids = await app.QueryAsync(db => db.Volunteers.Where(v => volunteers.Contains(v.UserId)).ToDictionaryAsync(v => v.UserId, v => v.NationalId));
        string[] header = ["National ID", "Opportunity reference", "Date", "Hours"];
        var file = ImportFiles.Csv(
        [
            header,
            [ids[volunteers[0]], reference, Day(3), "4.5"],
            [ids[volunteers[1]], reference, Day(3), "٢"],
            [ids[volunteers[0]], reference, Day(60), "3"],
        ]);
        var outcome = await RunAsync(app, organizationId, ImportKind.Hours, file, actor: admin.UserId);
        Assert.True(outcome.Imported, string.Join(", ", outcome.Problems.Select(p => $"{p.Row}:{p.Column}:{p.Code}")));
        Assert.Equal((3, 1), (outcome.Added, outcome.UnderReview));

        var hours = await app.QueryAsync(db => db.VolunteerHours.AsNoTracking().Where(h => h.OpportunityId == opportunityId).ToListAsync());
        Assert.Equal(3, hours.Count);
        var verified = hours.Where(h => h.Status == HoursStatus.Approved).ToList();
        Assert.Equal([120, 270], verified.Select(h => h.CreditedMinutes).Order());
        Assert.All(verified, h => Assert.Equal(admin.UserId, h.DecidedBy));
        var late = Assert.Single(hours, h => h.Status == HoursStatus.UnderReview);
        Assert.True(late.Concerns.HasFlag(HoursConcerns.LateEntry));
        // The statistics triggers saw the verified hours exactly as for an approval, and only those.
        Assert.Equal(390, await app.QueryAsync(db => db.StatsActivity.Where(a => a.OpportunityId == opportunityId).SumAsync(a => a.Minutes)));
        // One record shift for the date: full, never oversold.
        var shift = await app.QueryAsync(db => db.Shifts.AsNoTracking().SingleAsync(s => s.OpportunityId == opportunityId && s.Date == today.AddDays(-3)));
        Assert.Equal((2, 2), (shift.Seats, shift.Accepted));
        Assert.Equal(2, await app.QueryAsync(db => db.ImportFollowUps.CountAsync(f => volunteers.Contains(f.VolunteerId))));

        Assert.True((await RunAsync(app, organizationId, ImportKind.Hours, file)).AlreadyImported);
        var more = ImportFiles.Csv(
        [
            header,
            [ids[volunteers[0]], reference, Day(3), "4.5"],
            [ids[volunteers[1]], reference, Day(3), "2"],
            [ids[volunteers[1]], opportunityId.ToString(), Day(2), "1"],
        ]);
        var second = await RunAsync(app, organizationId, ImportKind.Hours, more);
        Assert.Equal((1, 2), (second.Added, second.Skipped));
        Assert.Equal(4, await app.QueryAsync(db => db.VolunteerHours.CountAsync(h => h.OpportunityId == opportunityId)));
        Assert.Equal(450, await app.QueryAsync(db => db.StatsActivity.Where(a => a.OpportunityId == opportunityId).SumAsync(a => a.Minutes)));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Hours_ForUnknownPeopleOpportunitiesOrImpossibleAmounts_AreReportedByRowAndColumn(TestDatabase database)
    {
        var app = fixture.For(database);
        var (organizationId, _, _) = await app.CreateVerifiedOrganizationAsync();
        var (otherOrganization, _, _) = await app.CreateVerifiedOrganizationAsync();
        var today = Core.Calendar.DualDate.ToSaudiDate(app.Clock.GetUtcNow());
        var elsewhere = await app.CreatePublishedOpportunityAsync(otherOrganization, [(today.AddDays(-2), new TimeOnly(9, 0), new TimeOnly(12, 0), 5)]);
        var volunteer = (await app.CreateVolunteersAsync(1))[0];
        var nationalId = await app.QueryAsync(db => db.Volunteers.Where(v => v.UserId == volunteer).Select(v => v.NationalId).SingleAsync());
        var day = today.AddDays(-2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var outcome = await RunAsync(app, organizationId, ImportKind.Hours, ImportFiles.Csv(
        [
            ["رقم الهوية", "مرجع الفرصة", "التاريخ", "الساعات"],
            [TestPeople.NewNationalId(), elsewhere.Id.ToString(), day, "3"],
            [nationalId, "NOPE", day, "25"],
            [nationalId, "NOPE", "2026-13-01", "abc"],
        ]), dryRun: true);

        Assert.Equal(
            [(2, "national_id", "Hours.VolunteerUnknown"), (2, "opportunity", "Opportunity.Unknown"), (3, "hours", "Hours.OutOfRange"), (4, "date", "Date.Invalid"), (4, "hours", "Hours.NotANumber")],
            outcome.Problems.Select(p => (p.Row, p.Column!, p.Code)));
    }
}
