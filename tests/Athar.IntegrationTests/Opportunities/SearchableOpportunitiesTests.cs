using System.Net;
using System.Net.Http.Json;
using Athar.Core.Opportunities;
using Athar.Data;
using Athar.Data.Opportunities;
using Athar.Data.Organizations;
using Athar.IntegrationTests.Infrastructure;
using Athar.Web.Features.Opportunities;
using Microsoft.EntityFrameworkCore;

namespace Athar.IntegrationTests.Opportunities;

/// <summary>
/// The searchable set follows every change that puts an opportunity in or out of it, or changes what the search reads,
/// through the app's own writes and through direct writes alike (the triggers are the mechanism): after each step the
/// set equals its definition computed here from the opportunities, their shifts and the organisation.
/// </summary>
public sealed class SearchableOpportunitiesTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private sealed record Row(
        Guid Id, string SearchText, int RegionId, int CityId, int FieldId, bool IsRemote, GenderRequirement Gender, LicenseRequirement License,
        DateOnly EndDate, DateTimeOffset NextShiftStartsAt, DateTimeOffset? LastShiftStartsAt, DateTimeOffset? PublishedAt, int SeatsLeft,
        string TitleAr, string? TitleEn, Guid OrganizationId, string OrganizationNameAr, string? OrganizationNameEn, DateOnly StartDate,
        int SeatsTotal, OpportunityStatus Status, VolunteeringType Type);

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task SearchableSet_FollowsEveryChange_ThatMovesAnOpportunityInOrOut(TestDatabase database)
    {
        var app = fixture.For(database);
        var (org, admin, _) = await OpportunityData.OrganizationAsync(app);
        var m = OpportunityData.Marker();
        var body = OpportunityData.Body(app, $"فرصة {m}", $"Opportunity {m}", seats: 4);
        var id = await OpportunityData.CreateAsync(admin, org, body);
        var other = await OpportunityData.CreatePublishedAsync(admin, org, OpportunityData.Body(app, $"أخرى {m}"));
        List<Guid> ids = [id, other];

        // A draft is not in the set; publishing puts it in, with its shifts' latest start.
        await AssertSetAsync(app, org, ids, expectIn: [other]);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/v1/opportunities/{id}/publish", null)).StatusCode);
        await AssertSetAsync(app, org, ids, expectIn: [id, other]);

        // An edit through the app: new title (search text), field, region and a later shift.
        var start = OpportunityData.Today(app).AddDays(3);
        body["titleAr"] = $"عنوان جديد {m}";
        body["fieldId"] = 7;
        body["endDate"] = OpportunityData.Iso(start.AddDays(9));
        body["shifts"] = new List<Dictionary<string, object?>> { OpportunityData.Shift(start.AddDays(9), "09:00", "13:00", 6) };
        var edited = await admin.PutAsJsonAsync($"/api/v1/opportunities/{id}", body);
        Assert.True(edited.IsSuccessStatusCode, await edited.Content.ReadAsStringAsync());
        await AssertSetAsync(app, org, ids, expectIn: [id, other]);
        Assert.Equal($"عنوان جديد {m}", (await SearchItemAsync(app, m, id)).GetProperty("titleAr").GetString());

        // The organisation renamed behind the app (no search text rewrite): the set's copied names follow at once.
        await app.QueryAsync(async db =>
        {
            var organization = await db.Organizations.SingleAsync(g => g.Id == org);
            organization.Name = new($"جمعية جديدة {m}", $"Renamed {m}");
            return await db.SaveChangesAsync();
        });
        await AssertSetAsync(app, org, ids, expectIn: [id, other]);
        var renamed = (await SearchItemAsync(app, m, id)).GetProperty("organization");
        Assert.Equal($"جمعية جديدة {m}", renamed.GetProperty("nameAr").GetString());
        Assert.Equal($"Renamed {m}", renamed.GetProperty("nameEn").GetString());

        // Seats taken (the participation feature's guarded update) and a shift added or removed behind the app.
        await app.QueryAsync(db => db.Opportunities.Where(o => o.Id == id).ExecuteUpdateAsync(s => s.SetProperty(o => o.SeatsTaken, o => o.SeatsTaken + 2)));
        await AssertSetAsync(app, org, ids, expectIn: [id, other]);
        var extra = Guid.NewGuid();
        var day = start.AddDays(20);
        await app.QueryAsync(async db =>
        {
            db.Shifts.Add(new Shift
            {
                Id = extra, OpportunityId = id, Date = day, StartTime = new TimeOnly(9, 0), EndTime = new TimeOnly(10, 0),
                StartsAt = ShiftTimes.ToInstant(day, new TimeOnly(9, 0)), EndsAt = ShiftTimes.ToInstant(day, new TimeOnly(10, 0)), Seats = 1,
            });
            return await db.SaveChangesAsync();
        });
        await AssertSetAsync(app, org, ids, expectIn: [id, other]);
        await app.QueryAsync(db => db.Shifts.Where(s => s.Id == extra).ExecuteDeleteAsync());
        await AssertSetAsync(app, org, ids, expectIn: [id, other]);

        // Closed stays in; completed leaves; published again comes back; cancelled leaves.
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/v1/opportunities/{id}/close", null)).StatusCode);
        await AssertSetAsync(app, org, ids, expectIn: [id, other]);
        await SetStatusAsync(app, id, OpportunityStatus.Completed);
        await AssertSetAsync(app, org, ids, expectIn: [other]);
        await SetStatusAsync(app, id, OpportunityStatus.Published);
        await AssertSetAsync(app, org, ids, expectIn: [id, other]);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsJsonAsync($"/api/v1/opportunities/{other}/cancel", new { reason = "تعذّر توفير المكان" })).StatusCode);
        await AssertSetAsync(app, org, ids, expectIn: [id]);

        // The organisation suspended takes its opportunities out; verified again brings them back.
        await SetOrganizationStatusAsync(app, org, OrganizationStatus.Suspended);
        await AssertSetAsync(app, org, ids, expectIn: []);
        await SetOrganizationStatusAsync(app, org, OrganizationStatus.Verified);
        await AssertSetAsync(app, org, ids, expectIn: [id]);

        // The next-shift job, once every shift has started, takes it out (no next shift).
        await app.QueryAsync(db => OpportunityIndexing.AdvanceNextShiftsAsync(db, app.Clock.GetUtcNow().AddDays(60)));
        await AssertSetAsync(app, org, ids, expectIn: []);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task SearchableSet_LosesADeletedOpportunity_AndIsRebuiltEqualToItsDefinition(TestDatabase database)
    {
        var app = fixture.For(database);
        var (org, admin, _) = await OpportunityData.OrganizationAsync(app);
        var m = OpportunityData.Marker();
        var ids = await SearchData.InsertAsync(app, org, [new($"أولى {m}"), new($"ثانية {m}") { ShiftDays = [-3, 6] }, new($"ماضية {m}") { ShiftDays = [-1] }]);
        await AssertSetAsync(app, org, ids, expectIn: [ids[0], ids[1]]);

        await app.QueryAsync(db => db.Opportunities.Where(o => o.Id == ids[0]).ExecuteDeleteAsync());
        await AssertSetAsync(app, org, ids, expectIn: [ids[1]]);

        // The rebuild (run after a bulk load that set the triggers aside) gives the same set.
        await app.QueryAsync(async db =>
        {
            foreach (var statement in SearchableOpportunitySql.Rebuild())
                await db.Database.ExecuteSqlRawAsync(statement);
            return 0;
        });
        await AssertSetAsync(app, org, ids, expectIn: [ids[1]]);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task ASeatChange_UpdatesItsRowInPlace_AndOneWithAStatusChangeStillRefreshes(TestDatabase database)
    {
        var app = fixture.For(database);
        var (org, _, _) = await OpportunityData.OrganizationAsync(app);
        var m = OpportunityData.Marker();
        var ids = await SearchData.InsertAsync(app, org, [new($"أولى {m}"), new($"ثانية {m}")]);
        await AssertSetAsync(app, org, ids, expectIn: [ids[0], ids[1]]);

        // Seats taken and seats total, as acceptances and an edit write them: the same row, updated, none deleted. On
        // SQLite the row must not be the last one (below), so the change goes to the one with the lower rowid.
        var (target, other) = database == TestDatabase.Sqlite && await app.QueryAsync(db => RowIdAsync(db, ids[0])) > await app.QueryAsync(db => RowIdAsync(db, ids[1]))
            ? (ids[1], ids[0])
            : (ids[0], ids[1]);
        var (deleted, updated) = await ChangeSeatsAsync(app, target, taken: 3, total: 9);
        await AssertSetAsync(app, org, ids, expectIn: [ids[0], ids[1]]);
        Assert.Equal((0, 1), (deleted, updated));

        // Seats with a status in one statement: the refresh still takes the row out.
        await app.QueryAsync(db => db.Opportunities.Where(o => o.Id == target)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.SeatsTaken, o => o.SeatsTaken - 1).SetProperty(o => o.Status, OpportunityStatus.Completed)));
        await AssertSetAsync(app, org, ids, expectIn: [other]);
    }

    /// <summary>
    /// Sets the opportunity's seats in one transaction and says how many of the set's rows that deleted and updated:
    /// PostgreSQL counts both per backend; on SQLite a deleted and inserted row comes back with a new rowid.
    /// </summary>
    private static Task<(long Deleted, long Updated)> ChangeSeatsAsync(AtharAppFactory app, Guid id, int taken, int total) =>
        app.QueryAsync(db => db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var postgres = db.Database.IsNpgsql();
            var rowidBefore = postgres ? 0 : await RowIdAsync(db, id);
            // SQLite gives a row inserted again the largest rowid + 1, which would be its own if it were the last.
            if (!postgres)
                Assert.True(await db.Database.SqlQueryRaw<long>("SELECT max(rowid) AS \"Value\" FROM \"SearchableOpportunities\"").SingleAsync() > rowidBefore);
            // The backend's counters also hold earlier transactions' not yet flushed: the change is the difference.
            var before = postgres ? await TableChangesAsync(db) : (0, 0);
            await db.Opportunities.Where(o => o.Id == id).ExecuteUpdateAsync(s => s.SetProperty(o => o.SeatsTaken, taken).SetProperty(o => o.SeatsTotal, total));
            var after = postgres ? await TableChangesAsync(db) : (0, 0);
            (long, long) counts = postgres
                ? (after.Deleted - before.Deleted, after.Updated - before.Updated)
                : await RowIdAsync(db, id) == rowidBefore ? (0, 1) : (1, 0);
            await transaction.CommitAsync();
            return counts;
        }));

    private static async Task<(long Deleted, long Updated)> TableChangesAsync(AtharDbContext db) =>
        (await db.Database.SqlQueryRaw<long>("SELECT n_tup_del AS \"Value\" FROM pg_stat_xact_user_tables WHERE relname = 'SearchableOpportunities'").SingleAsync(),
         await db.Database.SqlQueryRaw<long>("SELECT n_tup_upd AS \"Value\" FROM pg_stat_xact_user_tables WHERE relname = 'SearchableOpportunities'").SingleAsync());

    private static Task<long> RowIdAsync(AtharDbContext db, Guid id) =>
        db.Database.SqlQuery<long>($"SELECT rowid AS \"Value\" FROM \"SearchableOpportunities\" WHERE \"OpportunityId\" = {id}").SingleAsync();

    /// <summary>The search API's item for <paramref name="id"/> among the results for <paramref name="marker"/>.</summary>
    private static async Task<System.Text.Json.JsonElement> SearchItemAsync(AtharAppFactory app, string marker, Guid id) =>
        (await OpportunityData.SearchAsync(app.Api(), "q=" + Uri.EscapeDataString(marker)))
            .GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetGuid() == id);

    private static Task<int> SetStatusAsync(AtharAppFactory app, Guid id, OpportunityStatus status) =>
        app.QueryAsync(db => db.Opportunities.Where(o => o.Id == id).ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, status)));

    private static Task<int> SetOrganizationStatusAsync(AtharAppFactory app, Guid id, OrganizationStatus status) =>
        app.QueryAsync(db => db.Organizations.Where(o => o.Id == id).ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, status)));

    /// <summary>The set's rows for <paramref name="ids"/> are exactly <paramref name="expectIn"/>, each equal to its definition.</summary>
    private static async Task AssertSetAsync(AtharAppFactory app, Guid organizationId, List<Guid> ids, Guid[] expectIn)
    {
        var (expected, actual) = await app.QueryAsync(async db =>
        {
            var organization = await db.Organizations.AsNoTracking().SingleAsync(g => g.Id == organizationId);
            var verified = organization.Status == OrganizationStatus.Verified;
            var opportunities = await db.Opportunities.AsNoTracking().Include(o => o.Shifts).Where(o => ids.Contains(o.Id)).ToListAsync();
            var expected = opportunities
                .Where(o => verified && o.Status is OpportunityStatus.Published or OpportunityStatus.Closed && o.NextShiftStartsAt is not null)
                .Select(o => new Row(o.Id, o.SearchText, o.RegionId, o.CityId, o.FieldId, o.IsRemote, o.Gender, o.RequiredLicense, o.EndDate,
                    o.NextShiftStartsAt!.Value, o.Shifts.Max(s => (DateTimeOffset?)s.StartsAt), o.PublishedAt, o.SeatsTotal - o.SeatsTaken,
                    o.Title.Ar, o.Title.En, o.OrganizationId, organization.Name.Ar, organization.Name.En, o.StartDate, o.SeatsTotal, o.Status, o.Type))
                .OrderBy(r => r.Id).ToList();
            var actual = (await db.SearchableOpportunities.AsNoTracking().Where(s => ids.Contains(s.OpportunityId)).ToListAsync())
                .Select(s => new Row(s.OpportunityId, s.SearchText, s.RegionId, s.CityId, s.FieldId, s.IsRemote, s.Gender, s.RequiredLicense, s.EndDate,
                    s.NextShiftStartsAt, s.LastShiftStartsAt, s.PublishedAt, s.SeatsLeft, s.TitleAr, s.TitleEn, s.OrganizationId,
                    s.OrganizationNameAr, s.OrganizationNameEn, s.StartDate, s.SeatsTotal, s.Status, s.Type))
                .OrderBy(r => r.Id).ToList();
            return (expected, actual);
        });
        Assert.Equal(expectIn.Order(), actual.Select(r => r.Id));
        Assert.Equal(expected, actual);
    }
}
