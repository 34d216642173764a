using Athar.Core.Accounts;
using Athar.Core.Attendance;
using Athar.Core.Opportunities;
using Athar.Core.Statistics;
using Athar.Data;
using Athar.Data.Organizations;
using Athar.Data.Statistics;
using Athar.IntegrationTests.Infrastructure;
using Athar.Web.Features.Participation;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SQLitePCL;

namespace Athar.IntegrationTests.Statistics;

/// <summary>
/// The rollups (StatsReach, StatsTotals) give exactly the figures the activity facts give, for every cut and
/// breakdown either path serves, through approvals, adjustments and an un-approval back to zero, and under
/// concurrent approvals of one volunteer; a rebuild recomputes them to the same rows.
/// </summary>
public sealed class StatsRollupTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static readonly HourlyValueOptions Rates = new()
    {
        DefaultSar = 20m,
        Rates = [new HourlyValueRate { Year = 2026, Sar = 25m }, new HourlyValueRate { Year = 2026, FieldId = 1, Sar = 60.5m }],
    };

    private static IEnumerable<StatsFilter> Cuts()
    {
        var y2026 = StatsPeriod.GregorianYear(2026);
        yield return new StatsFilter(y2026);
        yield return new StatsFilter(StatsPeriod.GregorianYear(2025));
        yield return new StatsFilter(StatsPeriod.ForMonth(2026, 11));
        yield return new StatsFilter(StatsPeriod.ForMonth(2026, 10));
        yield return new StatsFilter(StatsPeriod.ForQuarter(2026, 4));
        yield return new StatsFilter(StatsPeriod.Hijri(1448));
        yield return new StatsFilter(StatsPeriod.Hijri(1447));
        yield return new StatsFilter(y2026) { RegionId = 1 };
        yield return new StatsFilter(StatsPeriod.Hijri(1448)) { RegionId = 2 };
        yield return new StatsFilter(StatsPeriod.ForMonth(2026, 11)) { RegionId = 2 };
        yield return new StatsFilter(y2026) { RegionId = 2, FieldId = 1 };
        yield return new StatsFilter(y2026) { RegionId = 2, CityId = 202 };
        yield return new StatsFilter(y2026) { RegionId = 2, Gender = (int)Gender.Female };
        yield return new StatsFilter(y2026) { RegionId = 1, AgeBand = AgeBand.From25To34 };
        yield return new StatsFilter(y2026) { RegionId = 2, OrganizationType = (int)OrganizationType.Government };
        yield return new StatsFilter(y2026) { FieldId = 16 };
        yield return new StatsFilter(y2026) { CityId = 201 };
        yield return new StatsFilter(y2026) { Gender = (int)Gender.Male };
        yield return new StatsFilter(y2026) { AgeBand = AgeBand.Under18 };
        yield return new StatsFilter(y2026) { OrganizationType = (int)OrganizationType.NonProfitAssociation };
        yield return new StatsFilter(y2026) { FieldId = 1, Gender = (int)Gender.Female }; // no rollup holds it: the facts answer
    }

    /// <summary>Every hour-based figure of every cut and breakdown, from the given path, as comparable text.</summary>
    private static async Task<List<string>> FiguresAsync(AtharDbContext db, bool rollups)
    {
        var q = new ActivityQueries(db) { UseRollups = rollups };
        var lines = new List<string>();
        foreach (var cut in Cuts())
        {
            var name = $"{cut.Period} r{cut.RegionId} c{cut.CityId} f{cut.FieldId} g{cut.Gender} a{cut.AgeBand} t{cut.OrganizationType}";
            lines.Add($"{name}: volunteers {await q.UniqueVolunteersAsync(cut)}, minutes {await q.MinutesAsync(cut)}, " +
                $"professional {await q.ProfessionalMinutesAsync(cut)}, value {await q.EconomicValueAsync(cut, Rates)}");
            lines.Add($"{name}: per year {string.Join(' ', await q.VolunteersPerYearAsync(cut))}");
            foreach (var by in Enum.GetValues<Breakdown>())
                lines.Add($"{name} by {by}: {string.Join(' ', await q.BreakdownAsync(cut, by, Rates))}");
        }
        return lines;
    }

    private static async Task AssertPathsAgreeAsync(AtharAppFactory app)
    {
        var fromFacts = await app.QueryAsync(db => FiguresAsync(db, rollups: false));
        var fromRollups = await app.QueryAsync(db => FiguresAsync(db, rollups: true));
        AssertLines(fromFacts, fromRollups);
    }

    /// <summary>Line by line, so a failure names the cut and figure that differ.</summary>
    private static void AssertLines(List<string> expected, List<string> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        foreach (var (e, a) in expected.Zip(actual))
            Assert.Equal(e, a);
    }

    /// <summary>The rollup rows that count (zeros left by un-approvals are not figures), as comparable text.</summary>
    private static Task<List<string>> RollupRowsAsync(AtharAppFactory app) => app.QueryAsync(RollupRowsAsync);

    private static async Task<List<string>> RollupRowsAsync(AtharDbContext db)
    {
        var reach = (await db.StatsReach.AsNoTracking().Where(r => r.Volunteers != 0).ToListAsync())
            .Select(r => $"reach {r.PeriodKind} {r.PeriodKey} {r.Dim} {r.DimValue} {r.Volunteers}");
        var totals = (await db.StatsTotals.AsNoTracking().Where(t => t.Minutes != 0 || t.ProfessionalMinutes != 0).ToListAsync())
            .Select(t => $"totals {t.Dim} {t.DimValue} {t.Month} {t.HijriMonth} {t.FieldId} {t.Minutes} {t.ProfessionalMinutes}");
        return reach.Concat(totals).Order(StringComparer.Ordinal).ToList();
    }

    private static async Task RebuildAsync(AtharAppFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<StatsRebuild>().RunAsync();
    }

    private static Task<int> SetStatusAsync(AtharAppFactory app, Guid hoursId, HoursStatus status) => app.QueryAsync(db =>
        db.VolunteerHours.Where(h => h.Id == hoursId).ExecuteUpdateAsync(h => h.SetProperty(x => x.Status, status)));

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task RollupPath_EqualsFactsPath_ThroughApprovalsAdjustmentsAndUnapproval_AndRebuildRecomputesTheSameRows(TestDatabase database)
    {
        var app = fixture.For(database);
        var s = new StatsScene(app);
        var orgRiyadh = await s.OrganizationAsync(1, 101, OrganizationType.NonProfitAssociation);
        var orgMakkah = await s.OrganizationAsync(2, 202, OrganizationType.Government);
        var riyadhSocial = await s.OpportunityAsync(orgRiyadh, 1, 101, 3);
        var riyadhInMakkah = await s.OpportunityAsync(orgRiyadh, 2, 201, 16, VolunteeringType.Skilled);
        var makkahHealth = await s.OpportunityAsync(orgMakkah, 2, 202, 1, VolunteeringType.Professional);
        var both = await s.VolunteerAsync(Gender.Female, new DateOnly(1995, 11, 15));
        var teen = await s.VolunteerAsync(Gender.Male, new DateOnly(2009, 11, 10), regionId: 2, cityId: 202);

        // "Both" in two regions, two organisations, three fields; 28 October and 20 November 2026 fall in different Hijri months.
        await s.HoursAsync(both, riyadhSocial, new DateOnly(2026, 11, 5), 180, HoursStatus.Approved);
        var inMakkah = await s.HoursAsync(both, riyadhInMakkah, new DateOnly(2026, 11, 20), 240, HoursStatus.Pending);
        await s.DecideAsync(inMakkah, ReviewHours.Decision.Approve);
        var health = await s.HoursAsync(both, makkahHealth, new DateOnly(2026, 10, 28), 300, HoursStatus.Pending);
        await s.DecideAsync(health, ReviewHours.Decision.Adjust, 200, "Arrived late");
        await s.HoursAsync(both, makkahHealth, new DateOnly(2025, 6, 15), 120, HoursStatus.Approved);
        var teenHealth = await s.HoursAsync(teen, makkahHealth, new DateOnly(2026, 11, 9), 90, HoursStatus.Approved);
        var teenSecond = await s.HoursAsync(teen, makkahHealth, new DateOnly(2026, 11, 10), 60, HoursStatus.Approved);
        await AssertPathsAgreeAsync(app);

        // Un-approval: one of the teen's two November rows, then the other: reach falls only when no active row is left.
        var (kind, key) = RollupCut.PeriodKey(StatsPeriod.ForMonth(2026, 11));
        Task<long> TeenRegionReachAsync() => app.QueryAsync(db => db.StatsReach
            .Where(r => r.PeriodKind == kind && r.PeriodKey == key && r.Dim == RollupDim.RegionAgeBand && r.DimValue == 2 * StatsRollupSql.PairBase + (int)AgeBand.Under18)
            .Select(r => r.Volunteers).SingleOrDefaultAsync());
        var before = await TeenRegionReachAsync();
        await SetStatusAsync(app, teenHealth, HoursStatus.Rejected);
        Assert.Equal(before, await TeenRegionReachAsync());
        await SetStatusAsync(app, teenSecond, HoursStatus.Rejected);
        Assert.Equal(before - 1, await TeenRegionReachAsync());
        await AssertPathsAgreeAsync(app);

        var rowsBefore = await RollupRowsAsync(app);
        var figuresBefore = await app.QueryAsync(db => FiguresAsync(db, rollups: true));
        await RebuildAsync(app);
        AssertLines(rowsBefore, await RollupRowsAsync(app));
        AssertLines(figuresBefore, await app.QueryAsync(db => FiguresAsync(db, rollups: true)));

        // The trigger is back after the rebuild: a new approval moves the rollups again.
        await SetStatusAsync(app, teenSecond, HoursStatus.Approved);
        Assert.Equal(before, await TeenRegionReachAsync());
        await AssertPathsAgreeAsync(app);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task ConcurrentApprovals_OfOneVolunteerInDifferentOpportunities_CountHerOnce(TestDatabase database)
    {
        var app = fixture.For(database);
        var s = new StatsScene(app);
        var volunteer = await s.VolunteerAsync(Gender.Female, new DateOnly(1990, 1, 1));
        var organization = await s.OrganizationAsync(1, 102, OrganizationType.University);
        var ids = new List<Guid>();
        for (var i = 0; i < 12; i++)
        {
            var opportunity = await s.OpportunityAsync(organization, 1 + i % 2, i % 2 == 0 ? 102 : 201, 1 + i % 3);
            ids.Add(await s.HoursAsync(volunteer, opportunity, new DateOnly(2026, 9, 1).AddDays(i), 30 + i, HoursStatus.Pending));
        }
        var september = new StatsFilter(StatsPeriod.ForMonth(2026, 9));
        var othersBefore = await app.QueryAsync(db => new ActivityQueries(db).UniqueVolunteersAsync(september));

        await Task.WhenAll(ids.Select(id => Task.Run(() => s.DecideAsync(id, ReviewHours.Decision.Approve))));

        Assert.Equal(othersBefore + 1, await app.QueryAsync(db => new ActivityQueries(db).UniqueVolunteersAsync(september)));
        await AssertPathsAgreeAsync(app);

        // All of her rows un-approved at once: back to zero, once.
        await Task.WhenAll(ids.Select(id => Task.Run(() => SetStatusAsync(app, id, HoursStatus.Rejected))));
        Assert.Equal(othersBefore, await app.QueryAsync(db => new ActivityQueries(db).UniqueVolunteersAsync(september)));
        await AssertPathsAgreeAsync(app);

        var rows = await RollupRowsAsync(app);
        await RebuildAsync(app);
        AssertLines(rows, await RollupRowsAsync(app));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task BulkStatementsOverManyHoursRows_KeepFactsAndRollups_EqualToARebuild(TestDatabase database)
    {
        var app = fixture.For(database);
        var s = new StatsScene(app);
        var riyadh = await s.OrganizationAsync(1, 101, OrganizationType.NonProfitAssociation);
        var makkah = await s.OrganizationAsync(2, 202, OrganizationType.Government);
        Data.Opportunities.Opportunity[] opportunities =
        [
            await s.OpportunityAsync(riyadh, 1, 101, 3), await s.OpportunityAsync(riyadh, 2, 201, 16, VolunteeringType.Skilled),
            await s.OpportunityAsync(makkah, 2, 202, 1, VolunteeringType.Professional), await s.OpportunityAsync(makkah, 2, 201, 5),
        ];
        Guid[] volunteers =
        [
            await s.VolunteerAsync(Gender.Female, new DateOnly(1995, 11, 15)), await s.VolunteerAsync(Gender.Male, new DateOnly(2009, 11, 10)),
            await s.VolunteerAsync(Gender.Female, new DateOnly(1980, 3, 1)), await s.VolunteerAsync(Gender.Male, new DateOnly(1970, 7, 20)),
        ];
        // 50 pending rows over October–December 2026: several per (volunteer, opportunity, month), so one statement
        // changes many rows of the same fact row, and rows of every volunteer in both regions and organisations.
        var ids = new List<Guid>();
        for (var i = 0; i < 50; i++)
            ids.Add(await s.HoursAsync(volunteers[i % 4], opportunities[i / 4 % 4], new DateOnly(2026, 10, 1).AddDays(i * 37 % 90), 30 + i, HoursStatus.Pending));
        var factMinutesBefore = await FactMinutesAsync(app);

        Task<int> SetStatusOfAsync(IEnumerable<Guid> rows, HoursStatus status) => app.QueryAsync(db =>
            db.VolunteerHours.Where(h => rows.Contains(h.Id)).ExecuteUpdateAsync(h => h.SetProperty(x => x.Status, status)));

        Assert.Equal(50, await SetStatusOfAsync(ids, HoursStatus.Approved));
        Assert.Equal(factMinutesBefore + Enumerable.Range(0, 50).Sum(i => 30 + i), await FactMinutesAsync(app));
        await AssertFactsAndRollupsEqualARebuildAsync(s);

        Assert.Equal(20, await SetStatusOfAsync(ids.Where((_, i) => i % 5 < 2), HoursStatus.Rejected));
        await AssertFactsAndRollupsEqualARebuildAsync(s);

        // Approved rows adjusted and flagged in one statement: the minutes move, the flag alone moves nothing.
        Assert.Equal(50, await app.QueryAsync(db => db.VolunteerHours.Where(h => ids.Contains(h.Id)).ExecuteUpdateAsync(h => h
            .SetProperty(x => x.CreditedMinutes, x => x.CreditedMinutes - 10).SetProperty(x => x.Concerns, HoursConcerns.LateEntry))));
        await AssertFactsAndRollupsEqualARebuildAsync(s);

        // Five deleted: three approved, two rejected.
        var deleted = ids.Where((_, i) => i % 5 == 2).Take(3).Concat(ids.Where((_, i) => i % 5 == 0).Take(2)).ToList();
        Assert.Equal(5, await app.QueryAsync(db => db.VolunteerHours.Where(h => deleted.Contains(h.Id)).ExecuteDeleteAsync()));
        await AssertFactsAndRollupsEqualARebuildAsync(s);
        await AssertPathsAgreeAsync(app);

        if (database == TestDatabase.Postgres)
        {
            // The facts are kept by statement triggers, one per event (tgtype bit 0 set means FOR EACH ROW).
            var kinds = await app.QueryAsync(db => db.Database.SqlQueryRaw<int>(
                "SELECT (t.tgtype & 1)::int AS \"Value\" FROM pg_trigger t WHERE t.tgrelid = '\"VolunteerHours\"'::regclass AND t.tgname LIKE 'athar_stats_hours%'").ToListAsync());
            Assert.Equal([0, 0, 0], kinds);
        }
    }

    /// <summary>
    /// Statements that each insert, update or delete many fact rows of several volunteers at once, written to StatsActivity
    /// directly: rows in the same cells and in different ones, a volunteer gaining presence (minutes from 0) and losing it
    /// in some cells but not others, a row moved to another region (a key column), minutes to 0 and back in one statement
    /// each. After every statement the trigger-kept rollups equal what RebuildRollups computes from the facts (checked in a
    /// savepoint that is then rolled back, so the next statement runs on the trigger's rows). All in a far year, rolled back.
    /// </summary>
    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task StatementsOverManyFactRowsOfSeveralVolunteers_LeaveTheRollupsARebuildWouldCompute(TestDatabase database)
    {
        var app = fixture.For(database);
        await app.QueryAsync(db => db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            async Task StatementThenCompareAsync(string sql, int expectedRows)
            {
                Assert.Equal(expectedRows, await db.Database.ExecuteSqlRawAsync(sql));
                var kept = await RollupRowsAsync(db);
                await transaction.CreateSavepointAsync("rebuild");
                foreach (var statement in StatsRollupSql.RebuildRollups())
                    await db.Database.ExecuteSqlRawAsync(statement);
                AssertLines(await RollupRowsAsync(db), kept);
                await transaction.RollbackToSavepointAsync("rebuild");
            }

            var (a, b, c, d) = (Literal(Guid.NewGuid()), Literal(Guid.NewGuid()), Literal(Guid.NewGuid()), Literal(Guid.NewGuid()));
            var (o1, o2, o3) = (Literal(Guid.NewGuid()), Literal(Guid.NewGuid()), Literal(Guid.NewGuid()));
            string Row(string volunteer, string opportunity, int month, int hijriMonth, int region, int field, int gender, long minutes) =>
                $"({volunteer}, {opportunity}, {month}, {hijriMonth}, {region}, {field}, {region * 100 + 1}, {o1}, 1, NULL, {field % 3 + 1}, {gender}, 3, {minutes}, 1)";
            await StatementThenCompareAsync(
                "INSERT INTO \"StatsActivity\" (\"VolunteerId\", \"OpportunityId\", \"Month\", \"HijriMonth\", \"RegionId\", \"FieldId\", \"CityId\", " +
                "\"OrganizationId\", \"OrganizationType\", \"ProgramId\", \"VolunteeringType\", \"Gender\", \"AgeBand\", \"Minutes\", \"Records\") VALUES " +
                string.Join(", ",
                    Row(a, o1, 204103, 146302, 1, 3, 1, 60), Row(a, o2, 204103, 146302, 1, 3, 1, 30), Row(a, o1, 204104, 146303, 2, 5, 1, 45),
                    Row(b, o1, 204103, 146302, 1, 3, 2, 0), Row(b, o2, 204105, 146304, 2, 4, 2, 20),
                    Row(c, o1, 204103, 146302, 1, 3, 2, 50), Row(c, o3, 204201, 146313, 1, 3, 2, 10), Row(c, o3, 204202, 146401, 1, 3, 2, 70),
                    Row(d, o1, 204103, 146302, 2, 3, 1, 15), Row(d, o2, 204103, 146302, 2, 4, 1, 25)),
                10);
            // A stays in March through her other row there but leaves April; B enters March; C's January row moves region;
            // D's minutes change alone.
            await StatementThenCompareAsync(
                "UPDATE \"StatsActivity\" SET " +
                $"\"Minutes\" = CASE WHEN \"VolunteerId\" = {a} AND \"OpportunityId\" = {o1} THEN 0 WHEN \"VolunteerId\" = {b} THEN 40 " +
                $"WHEN \"VolunteerId\" = {d} THEN \"Minutes\" + 5 ELSE \"Minutes\" END, " +
                $"\"RegionId\" = CASE WHEN \"VolunteerId\" = {c} AND \"Month\" = 204201 THEN 3 ELSE \"RegionId\" END " +
                $"WHERE \"VolunteerId\" IN ({a}, {b}, {d}) OR (\"VolunteerId\" = {c} AND \"Month\" = 204201)",
                8);
            // Back from 0: A's two rows; and B's two rows to 0 at once (she leaves every cell).
            await StatementThenCompareAsync(
                "UPDATE \"StatsActivity\" SET " +
                $"\"Minutes\" = CASE WHEN \"VolunteerId\" = {a} AND \"Month\" = 204103 THEN 60 WHEN \"VolunteerId\" = {a} THEN 45 ELSE 0 END " +
                $"WHERE (\"VolunteerId\" = {a} AND \"OpportunityId\" = {o1}) OR \"VolunteerId\" = {b}",
                4);
            await StatementThenCompareAsync(
                $"DELETE FROM \"StatsActivity\" WHERE (\"VolunteerId\" = {a} AND \"OpportunityId\" = {o2}) OR \"VolunteerId\" = {c} " +
                $"OR (\"VolunteerId\" = {d} AND \"OpportunityId\" = {o1})",
                5);

            // A bulk statement: 100 volunteers, more than get a lock each on PostgreSQL, some of them twice in one cell.
            var many = Enumerable.Range(0, 100).Select(_ => Literal(Guid.NewGuid())).ToList();
            await StatementThenCompareAsync(
                "INSERT INTO \"StatsActivity\" (\"VolunteerId\", \"OpportunityId\", \"Month\", \"HijriMonth\", \"RegionId\", \"FieldId\", \"CityId\", " +
                "\"OrganizationId\", \"OrganizationType\", \"ProgramId\", \"VolunteeringType\", \"Gender\", \"AgeBand\", \"Minutes\", \"Records\") VALUES " +
                string.Join(", ", many.Select((v, i) => Row(v, o1, 204103 + i % 3, 146302 + i % 3, 1 + i % 2, 3, 1 + i % 2, i % 7 * 10)))
                + ", " + string.Join(", ", many.Take(30).Select(v => Row(v, o2, 204103, 146302, 1, 3, 1, 5))),
                130);
            if (database == TestDatabase.Postgres)
            {
                // The bulk statement took one key for all of them, not one per volunteer (the lock table has ~64 per connection).
                var advisoryLocks = await db.Database.SqlQueryRaw<int>(
                    "SELECT count(*)::int AS \"Value\" FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid()").SingleAsync();
                Assert.InRange(advisoryLocks, 1, StatsRollupSql.MaxVolunteerLocks);

                // One statement trigger per event (tgtype bit 0 set means FOR EACH ROW).
                var kinds = await db.Database.SqlQueryRaw<int>(
                    "SELECT (t.tgtype & 1)::int AS \"Value\" FROM pg_trigger t WHERE t.tgrelid = '\"StatsActivity\"'::regclass AND t.tgname LIKE 'athar_stats_rollup%'").ToListAsync();
                Assert.Equal([0, 0, 0], kinds);
            }
            await transaction.RollbackAsync();
            return 0;
        }));
    }

    /// <summary>A uuid literal both databases read as the Guid EF writes (SQLite stores it as upper-case text).</summary>
    private static string Literal(Guid id) => $"'{id.ToString().ToUpperInvariant()}'";

    private static Task<long> FactMinutesAsync(AtharAppFactory app) => app.QueryAsync(db => db.StatsActivity.SumAsync(a => (long)a.Minutes));

    /// <summary>The trigger-kept facts and rollups, then the same after a rebuild from the raw hours: equal, row for row.</summary>
    private static async Task AssertFactsAndRollupsEqualARebuildAsync(StatsScene s)
    {
        var facts = await s.FactRowsAsync();
        var rollups = await RollupRowsAsync(s.App);
        Assert.Equal(await s.App.QueryAsync(db => db.VolunteerHours.Where(h => h.Status == HoursStatus.Approved).SumAsync(h => (long)h.CreditedMinutes)),
            await FactMinutesAsync(s.App));
        await RebuildAsync(s.App);
        AssertLines(await s.FactRowsAsync(), facts);
        AssertLines(await RollupRowsAsync(s.App), rollups);
    }

    /// <summary>
    /// SQLite only: its planner has no statistics and once probed the month periods through the (Month, RegionId) indexes,
    /// reading every fact of the month for each activation (issue #7). The work of one activation, counted in SQLite's
    /// virtual-machine steps (the trigger's programs included), must not grow with the facts of other volunteers in
    /// the same month. PostgreSQL plans the same probes from its statistics.
    /// </summary>
    [Fact]
    public async Task RollupTrigger_OnSqlite_ReadsTheVolunteersOwnFacts_NotEveryFactOfTheMonth()
    {
        var app = fixture.For(TestDatabase.Sqlite);
        await using var connection = new SqliteConnection(app.ConnectionString);
        await connection.OpenAsync();
        // Rolled back at the end: the rows are in a month no other test uses, and leave nothing behind.
        await using var transaction = connection.BeginTransaction();

        long ActivationSteps() => ExecuteCountingSteps(connection, FactInsert(Guid.NewGuid()));
        void AddOthers(int count)
        {
            for (var i = 0; i < count; i++)
                ExecuteCountingSteps(connection, FactInsert(Guid.NewGuid()));
        }

        AddOthers(50);
        var fewOthers = ActivationSteps();
        AddOthers(1_000);
        var manyOthers = ActivationSteps();

        // The same probes over the volunteer's own (single) row: the step counts are equal but for the B-tree's depth.
        Assert.True(manyOthers < fewOthers + fewOthers / 10, $"{fewOthers} steps with 51 facts in the month, {manyOthers} with 1,051");
        transaction.Rollback();
    }

    /// <summary>An active fact row of a volunteer in a far month (2040-03, Hijri 1461-02), Riyadh, field 3.</summary>
    private static string FactInsert(Guid volunteerId) =>
        "INSERT INTO \"StatsActivity\" (\"VolunteerId\", \"OpportunityId\", \"Month\", \"HijriMonth\", \"RegionId\", \"FieldId\", \"CityId\", " +
        "\"OrganizationId\", \"OrganizationType\", \"ProgramId\", \"VolunteeringType\", \"Gender\", \"AgeBand\", \"Minutes\", \"Records\") " +
        $"VALUES ('{volunteerId.ToString().ToUpperInvariant()}', '{Guid.Empty}', 204003, 146102, 1, 3, 101, '{Guid.Empty}', 1, NULL, 1, 1, 3, 60, 1)";

    /// <summary>Runs one statement on the connection (in its open transaction) and returns the virtual-machine steps it took.</summary>
    private static long ExecuteCountingSteps(SqliteConnection connection, string sql)
    {
        Assert.Equal(raw.SQLITE_OK, raw.sqlite3_prepare_v2(connection.Handle, sql, out sqlite3_stmt statement));
        try
        {
            Assert.Equal(raw.SQLITE_DONE, raw.sqlite3_step(statement));
            return raw.sqlite3_stmt_status(statement, raw.SQLITE_STMTSTATUS_VM_STEP, 0);
        }
        finally
        {
            raw.sqlite3_finalize(statement);
        }
    }
}
