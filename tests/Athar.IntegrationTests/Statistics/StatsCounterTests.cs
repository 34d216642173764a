using System.Globalization;
using Athar.Core.Accounts;
using Athar.Core.Applications;
using Athar.Core.Attendance;
using Athar.Core.Import;
using Athar.Core.Opportunities;
using Athar.Core.Statistics;
using Athar.Data;
using Athar.Data.Import;
using Athar.Data.Opportunities;
using Athar.Data.Organizations;
using Athar.Data.Participation;
using Athar.Data.Statistics;
using Athar.IntegrationTests.Import;
using Athar.IntegrationTests.Infrastructure;
using Athar.Web.Features.Participation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Athar.IntegrationTests.Statistics;

/// <summary>
/// The per-day counters (applications per status, due and present accepted applications, hours records and flagged
/// ones) follow every kind of write exactly: after random applications, decisions, check-ins, hours, approvals,
/// flags, and moves of opportunities, shifts, volunteers and organisations between cuts, the trigger-kept rows equal
/// a rebuild's, the figures read from them equal the figures read from the raw tables, and the national totals equal
/// plain counts over the raw rows. Also after an hours import and under a concurrent move (PostgreSQL). The dashboard's
/// counters (registrations, seats, publications) are held to the same checks, through registrations, moves of a
/// volunteer's home or registration day, seat changes, shifts removed, and opportunities published, unpublished,
/// cancelled or re-dated.
/// </summary>
public sealed class StatsCounterTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static readonly HourlyValueOptions Rates = new() { DefaultSar = 20m };

    private static readonly TimeSpan Saudi = TimeSpan.FromHours(3);

    private static IEnumerable<StatsFilter> Cuts(Guid organization, Guid program, Guid volunteer)
    {
        StatsPeriod[] periods = [StatsPeriod.ForMonth(2026, 11), StatsPeriod.ForMonth(2026, 10), StatsPeriod.ForQuarter(2026, 4), StatsPeriod.GregorianYear(2026), StatsPeriod.Hijri(1448)];
        foreach (var p in periods)
        {
            yield return new StatsFilter(p);
            yield return new StatsFilter(p) { RegionId = 2 };
            yield return new StatsFilter(p) { CityId = 201 };
            yield return new StatsFilter(p) { FieldId = 16 };
            yield return new StatsFilter(p) { Gender = (int)Gender.Female };
            yield return new StatsFilter(p) { OrganizationType = (int)OrganizationType.Government };
            yield return new StatsFilter(p) { RegionId = 2, CityId = 202 };
            yield return new StatsFilter(p) { RegionId = 1, FieldId = 3 };
            yield return new StatsFilter(p) { RegionId = 2, Gender = (int)Gender.Male };
            yield return new StatsFilter(p) { RegionId = 2, OrganizationType = (int)OrganizationType.NonProfitAssociation };
            yield return new StatsFilter(p) { OrganizationId = organization };
            yield return new StatsFilter(p) { ProgramId = program };
            // Cuts no counter holds: the raw tables answer on both paths.
            yield return new StatsFilter(p) { VolunteerId = volunteer };
            yield return new StatsFilter(p) { OrganizationId = organization, RegionId = 2 };
        }
    }

    /// <summary>The counter-backed figures of every cut, from the counters (true) or the raw tables, as comparable text.</summary>
    private static async Task<List<string>> FiguresAsync(AtharDbContext db, bool counters, IEnumerable<StatsFilter> cuts, DateTimeOffset now)
    {
        var q = new IndicatorQueries(db, new ActivityQueries(db) { UseRollups = counters });
        var lines = new List<string>();
        foreach (var cut in cuts)
        {
            var figures = await q.FiguresAsync(cut, Rates, now);
            string F(IndicatorKey key) => figures.TryGetValue(key, out var v) ? v?.ToString(CultureInfo.InvariantCulture) ?? "-" : "n/a";
            lines.Add($"{cut.Period} r{cut.RegionId} c{cut.CityId} f{cut.FieldId} g{cut.Gender} t{cut.OrganizationType} o{cut.OrganizationId} p{cut.ProgramId} v{cut.VolunteerId}: " +
                $"applications {F(IndicatorKey.Applications)}, accepted {F(IndicatorKey.AcceptanceRate)}, no-show {F(IndicatorKey.NoShowRate)}, flagged {F(IndicatorKey.FlaggedHoursRate)}, " +
                $"registered {F(IndicatorKey.RegisteredVolunteers)}, published {F(IndicatorKey.OpportunitiesPublished)}, beneficiaries {F(IndicatorKey.Beneficiaries)}, " +
                $"seats {F(IndicatorKey.SeatsOffered)}, filled {F(IndicatorKey.SeatsFilled)}");
        }
        return lines;
    }

    /// <summary>
    /// The counter figures per key, as comparable text: a key's slots summed (concurrent writers spread one key over
    /// slots, a rebuild writes slot 0), and zeros left by subtractions dropped (they are not figures).
    /// </summary>
    private static Task<List<string>> CounterRowsAsync(AtharAppFactory app) => app.QueryAsync(async db =>
    {
        static IEnumerable<string> Summed<T>(IEnumerable<T> rows, Func<T, string> key, params Func<T, long>[] measures) =>
            rows.GroupBy(key)
                .Select(g => (g.Key, Sums: measures.Select(m => g.Sum(m)).ToArray()))
                .Where(x => x.Sums.Any(v => v != 0))
                .Select(x => x.Key + " " + string.Join(" ", x.Sums.Select(v => v.ToString(CultureInfo.InvariantCulture))));
        var applications = Summed(await db.StatsApplicationCounts.AsNoTracking().ToListAsync(),
            c => $"applications {c.Day} {c.Dim} {c.DimValue} {c.ScopeId} {c.Status}", c => c.Count);
        var attendance = Summed(await db.StatsAttendanceCounts.AsNoTracking().ToListAsync(),
            c => $"attendance {c.Day} {c.Dim} {c.DimValue} {c.ScopeId}", c => c.Due, c => c.Present);
        var hours = Summed(await db.StatsHoursCounts.AsNoTracking().ToListAsync(),
            c => $"hours {c.Day} {c.Dim} {c.DimValue} {c.ScopeId}", c => c.Records, c => c.Flagged);
        var registrations = Summed(await db.StatsRegistrationCounts.AsNoTracking().ToListAsync(),
            c => $"registrations {c.Day} {c.Dim} {c.DimValue} {c.ScopeId}", c => c.Count);
        var seats = Summed(await db.StatsSeatCounts.AsNoTracking().ToListAsync(),
            c => $"seats {c.Day} {c.Dim} {c.DimValue} {c.ScopeId}", c => c.Offered, c => c.Filled);
        var published = Summed(await db.StatsPublishedCounts.AsNoTracking().ToListAsync(),
            c => $"published {c.Day} {c.Dim} {c.DimValue} {c.ScopeId}", c => c.Published, c => c.Beneficiaries);
        return applications.Concat(attendance).Concat(hours).Concat(registrations).Concat(seats).Concat(published).Order(StringComparer.Ordinal).ToList();
    });

    private static async Task RebuildAsync(AtharAppFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<StatsRebuild>().RunAsync();
    }

    private static void AssertLines(List<string> expected, List<string> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        foreach (var (e, a) in expected.Zip(actual))
            Assert.Equal(e, a);
    }

    /// <summary>
    /// Counters equal plain counts over the raw rows nationally, the counter path equals the raw path for every cut,
    /// and a rebuild recomputes exactly the rows the triggers kept.
    /// </summary>
    private static async Task AssertCountersExactAsync(AtharAppFactory app, IReadOnlyList<StatsFilter> cuts)
    {
        var (counted, raw) = await app.QueryAsync(async db =>
        {
            var counters = (
                await db.StatsApplicationCounts.Where(c => c.Dim == RollupDim.None).SumAsync(c => c.Count),
                await db.StatsApplicationCounts.Where(c => c.Dim == RollupDim.None && c.Status == ApplicationStatus.Accepted).SumAsync(c => c.Count),
                await db.StatsAttendanceCounts.Where(c => c.Dim == RollupDim.None).SumAsync(c => c.Due),
                await db.StatsAttendanceCounts.Where(c => c.Dim == RollupDim.None).SumAsync(c => c.Present),
                await db.StatsHoursCounts.Where(c => c.Dim == RollupDim.None).SumAsync(c => c.Records),
                await db.StatsHoursCounts.Where(c => c.Dim == RollupDim.None).SumAsync(c => c.Flagged));
            var accepted = db.Applications.Where(a => a.Status == ApplicationStatus.Accepted);
            var plain = (
                (long)await db.Applications.CountAsync(),
                (long)await accepted.CountAsync(),
                (long)await accepted.CountAsync(),
                (long)await accepted.CountAsync(a => db.Attendance.Any(x => x.ApplicationId == a.Id)),
                (long)await db.VolunteerHours.CountAsync(),
                (long)await db.VolunteerHours.CountAsync(h => h.Concerns != HoursConcerns.None));
            return (counters, plain);
        });
        Assert.Equal(raw, counted);

        var (dashboardCounted, dashboardRaw) = await app.QueryAsync(async db =>
        {
            var counters = (
                await db.StatsRegistrationCounts.Where(c => c.Dim == RollupDim.None).SumAsync(c => c.Count),
                await db.StatsSeatCounts.Where(c => c.Dim == RollupDim.None).SumAsync(c => c.Offered),
                await db.StatsSeatCounts.Where(c => c.Dim == RollupDim.None).SumAsync(c => c.Filled),
                await db.StatsPublishedCounts.Where(c => c.Dim == RollupDim.None).SumAsync(c => c.Published),
                await db.StatsPublishedCounts.Where(c => c.Dim == RollupDim.None).SumAsync(c => c.Beneficiaries));
            var published = db.Opportunities.Where(o => o.PublishedAt != null);
            var offered = db.Shifts.Where(x => published.Any(o => o.Id == x.OpportunityId && o.Status != OpportunityStatus.Cancelled));
            var plain = (
                (long)await db.Volunteers.CountAsync(),
                (long)await offered.SumAsync(x => x.Seats),
                (long)await offered.SumAsync(x => x.Accepted),
                (long)await published.CountAsync(),
                (long)(await published.SumAsync(o => o.ExpectedBeneficiaries) ?? 0));
            return (counters, plain);
        });
        Assert.Equal(dashboardRaw, dashboardCounted);

        foreach (var now in new[] { app.Clock.GetUtcNow(), new DateTimeOffset(2027, 6, 1, 0, 0, 0, TimeSpan.Zero) })
        {
            var fromRaw = await app.QueryAsync(db => FiguresAsync(db, counters: false, cuts, now));
            var fromCounters = await app.QueryAsync(db => FiguresAsync(db, counters: true, cuts, now));
            AssertLines(fromRaw, fromCounters);
        }

        var rows = await CounterRowsAsync(app);
        Assert.NotEmpty(rows);
        await RebuildAsync(app);
        AssertLines(rows, await CounterRowsAsync(app));
    }

    private sealed class Writes(AtharAppFactory app, Random random)
    {
        public List<Guid> Opportunities { get; } = [];
        public List<Guid> Organizations { get; } = [];
        public List<Guid> Volunteers { get; } = [];
        public List<Guid?> Programs { get; } = [null];

        private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

        private static readonly (int Region, int City)[] Places = [(1, 101), (2, 201), (2, 202)];
        private static readonly int[] Fields = [1, 3, 16];

        /// <summary>One random write among those that change a counter or move facts between cuts.</summary>
        public Task<int> StepAsync() => app.QueryAsync(async db => { await StepAsync(db); return 0; });

        private async Task StepAsync(AtharDbContext db)
        {
            switch (random.Next(16))
            {
                case 0 or 1:
                    await ApplyAsync(db);
                    break;
                case 2:
                    await DecideAsync(db, random.Next(4) == 0 ? ApplicationStatus.Cancelled : ApplicationStatus.Accepted);
                    break;
                case 3:
                {
                    // Check in an accepted application.
                    var application = await db.Applications.AsNoTracking()
                        .Where(a => a.Status == ApplicationStatus.Accepted && !db.Attendance.Any(x => x.ApplicationId == a.Id)).OrderBy(a => a.Id).FirstOrDefaultAsync();
                    if (application is null) { await ApplyAsync(db); break; }
                    var shift = await db.Shifts.AsNoTracking().SingleAsync(s => s.Id == application.ShiftId);
                    db.Attendance.Add(new AttendanceRecord
                    {
                        Id = Guid.NewGuid(), ApplicationId = application.Id, ShiftId = shift.Id, VolunteerId = application.VolunteerId,
                        CheckInAt = shift.StartsAt, CheckInMethod = CheckMethod.Supervisor,
                    });
                    await db.SaveChangesAsync();
                    break;
                }
                case 4:
                {
                    // Hours for an attendance, pending or approved, sometimes flagged.
                    var attendance = await db.Attendance.AsNoTracking().Where(x => !db.VolunteerHours.Any(h => h.AttendanceId == x.Id)).OrderBy(x => x.Id).FirstOrDefaultAsync();
                    if (attendance is null) { await ApplyAsync(db); break; }
                    var shift = await db.Shifts.AsNoTracking().SingleAsync(s => s.Id == attendance.ShiftId);
                    var opportunity = await db.Opportunities.AsNoTracking().SingleAsync(o => o.Id == shift.OpportunityId);
                    var minutes = 30 + random.Next(200);
                    db.VolunteerHours.Add(new VolunteerHours
                    {
                        Id = Guid.NewGuid(), AttendanceId = attendance.Id, VolunteerId = attendance.VolunteerId, OrganizationId = opportunity.OrganizationId,
                        OpportunityId = opportunity.Id, ShiftId = shift.Id, FieldId = opportunity.FieldId, RegionId = opportunity.RegionId, Date = shift.Date,
                        AttendedMinutes = minutes, CreditedMinutes = minutes, Status = random.Next(2) == 0 ? HoursStatus.Pending : HoursStatus.Approved,
                        Concerns = random.Next(3) == 0 ? HoursConcerns.LateEntry : HoursConcerns.None, CreatedAt = shift.EndsAt,
                    });
                    await db.SaveChangesAsync();
                    break;
                }
                case 5:
                {
                    // Approve, flag or clear a flag, as a conditional bulk update (what the review use case runs).
                    var ids = await db.VolunteerHours.OrderBy(h => h.Id).Select(h => h.Id).ToListAsync();
                    if (ids.Count == 0) { await ApplyAsync(db); break; }
                    var id = Pick(ids);
                    var concerns = random.Next(2) == 0 ? HoursConcerns.None : HoursConcerns.OverlapsAnotherOrganization;
                    await db.VolunteerHours.Where(h => h.Id == id).ExecuteUpdateAsync(h => h.SetProperty(x => x.Status, HoursStatus.Approved).SetProperty(x => x.Concerns, concerns));
                    break;
                }
                case 6:
                {
                    // Move an opportunity to another place, field and program: its applications, due shifts and hours follow.
                    var id = Pick(Opportunities);
                    var (region, city) = Pick(Places);
                    var field = Pick(Fields);
                    var program = Pick(Programs);
                    await db.Opportunities.Where(o => o.Id == id).ExecuteUpdateAsync(o => o
                        .SetProperty(x => x.RegionId, region).SetProperty(x => x.CityId, city).SetProperty(x => x.FieldId, field).SetProperty(x => x.ProgramId, program));
                    break;
                }
                case 7:
                {
                    var id = Pick(Volunteers);
                    var volunteer = await db.Volunteers.SingleAsync(v => v.UserId == id);
                    volunteer.Gender = volunteer.Gender == Gender.Female ? Gender.Male : Gender.Female;
                    (volunteer.RegionId, volunteer.CityId) = Pick(Places);
                    await db.SaveChangesAsync();
                    break;
                }
                case 8:
                {
                    var id = Pick(Organizations);
                    var type = (OrganizationType)(1 + random.Next(5));
                    await db.Organizations.Where(g => g.Id == id).ExecuteUpdateAsync(g => g.SetProperty(x => x.Type, type));
                    break;
                }
                case 9:
                {
                    // Move a shift to another day (its end crosses into another counter day).
                    var shifts = await db.Shifts.OrderBy(s => s.Id).Select(s => s.Id).ToListAsync();
                    if (shifts.Count == 0) { await ApplyAsync(db); break; }
                    var shift = await db.Shifts.SingleAsync(s => s.Id == Pick(shifts));
                    var days = random.Next(-20, 21);
                    shift.Date = shift.Date.AddDays(days);
                    shift.StartsAt = shift.StartsAt.AddDays(days);
                    shift.EndsAt = shift.EndsAt.AddDays(days);
                    await db.SaveChangesAsync();
                    break;
                }
                case 10:
                {
                    // A withdrawn application that never had attendance is deleted outright.
                    var application = await db.Applications.Where(a => !db.Attendance.Any(x => x.ApplicationId == a.Id)).OrderBy(a => a.Id).FirstOrDefaultAsync();
                    if (application is null) { await ApplyAsync(db); break; }
                    db.Applications.Remove(application);
                    await db.SaveChangesAsync();
                    break;
                }
                case 11:
                {
                    // An attendance record without hours removed (a check-in entered by mistake).
                    var attendance = await db.Attendance.Where(x => !db.VolunteerHours.Any(h => h.AttendanceId == x.Id)).OrderBy(x => x.Id).FirstOrDefaultAsync();
                    if (attendance is null) { await ApplyAsync(db); break; }
                    db.Attendance.Remove(attendance);
                    await db.SaveChangesAsync();
                    break;
                }
                case 13:
                {
                    // A registration, sometimes just before a Saudi midnight; or an earlier one moved to another day, or
                    // a profile without applications removed.
                    var choice = random.Next(3);
                    if (choice == 2 && await db.Volunteers.Where(v => !Volunteers.Contains(v.UserId) && !db.Applications.Any(a => a.VolunteerId == v.UserId))
                            .OrderBy(v => v.UserId).Select(v => (Guid?)v.UserId).FirstOrDefaultAsync() is { } removable)
                    {
                        await db.Volunteers.Where(v => v.UserId == removable).ExecuteDeleteAsync();
                        break;
                    }
                    var id = choice == 0 ? (await app.CreateVolunteersAsync(1, random.Next(2) == 0 ? Gender.Female : Gender.Male))[0] : Pick(Volunteers);
                    var registered = new DateTimeOffset(new DateTime(2026, 10, 1).AddDays(random.Next(61)).AddHours(random.Next(2) == 0 ? 20.5 : 21.5), TimeSpan.Zero);
                    var (region, city) = Pick(Places);
                    await db.Volunteers.Where(v => v.UserId == id).ExecuteUpdateAsync(v => v
                        .SetProperty(x => x.RegisteredAt, registered).SetProperty(x => x.RegionId, region).SetProperty(x => x.CityId, city));
                    break;
                }
                case 14:
                {
                    // Seats offered or taken change; or a shift nobody applied to is removed.
                    var shifts = await db.Shifts.OrderBy(x => x.Id).Select(x => x.Id).ToListAsync();
                    if (shifts.Count == 0) { await ApplyAsync(db); break; }
                    var id = Pick(shifts);
                    if (random.Next(4) == 0 && !await db.Applications.AnyAsync(a => a.ShiftId == id) && !await db.Attendance.AnyAsync(x => x.ShiftId == id))
                    {
                        await db.Shifts.Where(x => x.Id == id).ExecuteDeleteAsync();
                        break;
                    }
                    var (seats, accepted) = (2 + random.Next(8), random.Next(3));
                    await db.Shifts.Where(x => x.Id == id).ExecuteUpdateAsync(x => x.SetProperty(y => y.Seats, seats).SetProperty(y => y.Accepted, accepted));
                    break;
                }
                case 15:
                {
                    // An opportunity published on another day (sometimes across a Saudi midnight), unpublished, cancelled
                    // or published again, with another expected number of beneficiaries.
                    var id = Pick(Opportunities);
                    DateTimeOffset? published = random.Next(4) == 0 ? null
                        : new DateTimeOffset(new DateTime(2026, 10, 1).AddDays(random.Next(61)).AddHours(random.Next(2) == 0 ? 20.5 : 21.5), TimeSpan.Zero);
                    var status = published is null ? OpportunityStatus.Draft : random.Next(3) == 0 ? OpportunityStatus.Cancelled : OpportunityStatus.Published;
                    int? beneficiaries = random.Next(3) == 0 ? null : 10 * random.Next(1, 50);
                    await db.Opportunities.Where(o => o.Id == id).ExecuteUpdateAsync(o => o
                        .SetProperty(x => x.PublishedAt, published).SetProperty(x => x.Status, status).SetProperty(x => x.ExpectedBeneficiaries, beneficiaries));
                    break;
                }
                default:
                    await DecideAsync(db, ApplicationStatus.Withdrawn);
                    break;
            }
        }

        private async Task DecideAsync(AtharDbContext db, ApplicationStatus status)
        {
            var ids = await db.Applications.Where(a => a.Status != status).OrderBy(a => a.Id).Select(a => a.Id).ToListAsync();
            if (ids.Count == 0) { await ApplyAsync(db); return; }
            var id = Pick(ids);
            await db.Applications.Where(a => a.Id == id).ExecuteUpdateAsync(a => a.SetProperty(x => x.Status, status));
        }

        /// <summary>A new shift between 1 October and 30 November 2026 and an application made before it, sometimes just before a Saudi midnight.</summary>
        private async Task ApplyAsync(AtharDbContext db)
        {
            var opportunity = Pick(Opportunities);
            var date = new DateOnly(2026, 10, 1).AddDays(random.Next(61));
            var shift = new Shift
            {
                Id = Guid.NewGuid(), OpportunityId = opportunity, Date = date, StartTime = new TimeOnly(17, 0), EndTime = new TimeOnly(23, 30), Seats = 5,
                StartsAt = new DateTimeOffset(date.ToDateTime(new TimeOnly(17, 0)), Saudi).ToUniversalTime(),
                EndsAt = new DateTimeOffset(date.ToDateTime(new TimeOnly(23, 30)), Saudi).ToUniversalTime(),
            };
            db.Shifts.Add(shift);
            // 20:30 or 21:30 UTC: the same Saudi day or the next one, which the counters' day must get right.
            var created = shift.StartsAt.AddDays(-random.Next(10)).Date.AddHours(random.Next(2) == 0 ? 20.5 : 21.5);
            db.Applications.Add(new Application
            {
                Id = Guid.NewGuid(), OpportunityId = opportunity, ShiftId = shift.Id, VolunteerId = Pick(Volunteers),
                Status = random.Next(3) == 0 ? ApplicationStatus.Accepted : ApplicationStatus.Pending, CreatedAt = new DateTimeOffset(created, TimeSpan.Zero),
            });
            await db.SaveChangesAsync();
        }
    }

    /// <summary>Two organisations, a program, three opportunities in two regions and three volunteers for <paramref name="w"/> to write on.</summary>
    private static async Task<(Guid Riyadh, Guid Program)> SetUpAsync(StatsScene s, Writes w)
    {
        var riyadh = await s.OrganizationAsync(1, 101, OrganizationType.NonProfitAssociation);
        var makkah = await s.OrganizationAsync(2, 202, OrganizationType.Government);
        w.Organizations.AddRange([riyadh, makkah]);
        var program = await s.ProgramAsync();
        w.Programs.Add(program);
        w.Opportunities.Add((await s.OpportunityAsync(riyadh, 1, 101, 3)).Id);
        w.Opportunities.Add((await s.OpportunityAsync(riyadh, 2, 201, 16, programId: program)).Id);
        w.Opportunities.Add((await s.OpportunityAsync(makkah, 2, 202, 1)).Id);
        w.Volunteers.Add(await s.VolunteerAsync(Gender.Female, new DateOnly(1995, 11, 15)));
        w.Volunteers.Add(await s.VolunteerAsync(Gender.Male, new DateOnly(2001, 3, 2), regionId: 2, cityId: 202));
        w.Volunteers.Add(await s.VolunteerAsync(Gender.Female, new DateOnly(1970, 6, 30), regionId: 2, cityId: 201));
        return (riyadh, program);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Counters_FollowRandomWritesAndMovesBetweenCuts_EqualTheRawTablesAndARebuild(TestDatabase database)
    {
        var app = fixture.For(database);
        var s = new StatsScene(app);
        var w = new Writes(app, new Random(6));
        var (riyadh, program) = await SetUpAsync(s, w);
        // Hours through the scene too (application, attendance, hours in one save; approval by the review use case).
        var pending = await s.HoursAsync(w.Volunteers[0], await app.QueryAsync(db => db.Opportunities.AsNoTracking().SingleAsync(o => o.Id == w.Opportunities[1])),
            new DateOnly(2026, 11, 3), 120, HoursStatus.Pending, HoursConcerns.LateEntry);
        await s.DecideAsync(pending, ReviewHours.Decision.Approve);

        // 21:30 UTC on 31 October is 00:30 on 1 November in Saudi Arabia: the counters count it on the Saudi day.
        var shift = await app.QueryAsync(db => db.Shifts.AsNoTracking().SingleAsync(x => x.OpportunityId == w.Opportunities[1] && x.Date == new DateOnly(2026, 11, 1)));
        Task<(long, long)> AroundMidnightAsync() => app.QueryAsync(async db => (
            await db.StatsApplicationCounts.Where(c => c.Dim == RollupDim.None && c.Day == 20261031).SumAsync(c => c.Count),
            await db.StatsApplicationCounts.Where(c => c.Dim == RollupDim.None && c.Day == 20261101).SumAsync(c => c.Count)));
        var (october31, november1) = await AroundMidnightAsync();
        await app.QueryAsync(db =>
        {
            db.Applications.Add(new Application
            {
                Id = Guid.NewGuid(), OpportunityId = w.Opportunities[1], ShiftId = shift.Id, VolunteerId = w.Volunteers[1], Status = ApplicationStatus.Pending,
                CreatedAt = new DateTimeOffset(2026, 10, 31, 21, 30, 0, TimeSpan.Zero),
            });
            return db.SaveChangesAsync();
        });
        Assert.Equal((october31, november1 + 1), await AroundMidnightAsync());

        var cuts = Cuts(riyadh, program, w.Volunteers[0]).ToList();
        // The cuts the counters hold are read from them (the others fall back to the raw tables on both paths).
        Assert.Equal(12 * 5, cuts.Count(c => CounterCut.For(c, StatsCounterSql.ApplicationDims) is not null));
        Assert.Equal(10 * 5, cuts.Count(c => CounterCut.For(c, StatsCounterSql.HoursDims) is not null));
        for (var round = 0; round < 3; round++)
        {
            for (var i = 0; i < 40; i++)
                await w.StepAsync();
            await AssertCountersExactAsync(app, cuts);
        }
    }

    /// <summary>
    /// Statements that change many rows at once (what PostgreSQL's statement triggers count in one pass over the
    /// transition tables): a multi-row check-in, bulk decisions, flags, moves of every shift, opportunity,
    /// organisation and volunteer, an update of a column no counter reads, and bulk deletes.
    /// </summary>
    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Counters_AfterBulkStatements_EqualTheRawTablesAndARebuild(TestDatabase database)
    {
        var app = fixture.For(database);
        var s = new StatsScene(app);
        var w = new Writes(app, new Random(61));
        var (riyadh, program) = await SetUpAsync(s, w);
        for (var i = 0; i < 60; i++)
            await w.StepAsync();
        var cuts = Cuts(riyadh, program, w.Volunteers[0]).ToList();

        await app.QueryAsync(async db =>
        {
            // Accept every pending application, then check in every accepted one without attendance in one INSERT … SELECT
            // (the attendance takes its application's id: unique, and the same text on both providers).
            var accepted = await db.Applications.Where(a => a.Status == ApplicationStatus.Pending).ExecuteUpdateAsync(a => a.SetProperty(x => x.Status, ApplicationStatus.Accepted));
            Assert.True(accepted > 1, "the bulk decision changes several applications");
            var (supervisor, acceptedStatus, excluded) = ((int)CheckMethod.Supervisor, (int)ApplicationStatus.Accepted, w.Opportunities[2]);
            var checkedIn = await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "Attendance" ("Id", "ApplicationId", "ShiftId", "VolunteerId", "CheckInAt", "CheckInMethod")
                SELECT a."Id", a."Id", a."ShiftId", a."VolunteerId", a."CreatedAt", {supervisor} FROM "Applications" a
                WHERE a."Status" = {acceptedStatus} AND NOT EXISTS (SELECT 1 FROM "Attendance" x WHERE x."ApplicationId" = a."Id") AND a."OpportunityId" <> {excluded}
                """);
            Assert.True(checkedIn > 1, "the check-in inserts several rows");
            await db.VolunteerHours.ExecuteUpdateAsync(h => h.SetProperty(x => x.Concerns, x => x.Concerns == HoursConcerns.None ? HoursConcerns.LateEntry : HoursConcerns.None));
            return 0;
        });
        await AssertCountersExactAsync(app, cuts);

        await app.QueryAsync(async db =>
        {
            if (database == TestDatabase.Postgres)
                await db.Shifts.ExecuteUpdateAsync(x => x.SetProperty(y => y.EndsAt, y => y.EndsAt.AddDays(3)).SetProperty(y => y.StartsAt, y => y.StartsAt.AddDays(3)).SetProperty(y => y.Date, y => y.Date.AddDays(3)));
            else
            {
                // SQLite cannot translate date arithmetic on its binary instants (and has row triggers only anyway).
                foreach (var shift in await db.Shifts.ToListAsync())
                    (shift.EndsAt, shift.StartsAt, shift.Date) = (shift.EndsAt.AddDays(3), shift.StartsAt.AddDays(3), shift.Date.AddDays(3));
                await db.SaveChangesAsync();
            }
            await db.Opportunities.Where(o => o.Id != w.Opportunities[0])
                .ExecuteUpdateAsync(o => o.SetProperty(x => x.RegionId, 1).SetProperty(x => x.CityId, 101).SetProperty(x => x.FieldId, 16).SetProperty(x => x.ProgramId, program));
            await db.Opportunities.ExecuteUpdateAsync(o => o.SetProperty(x => x.SeatsTaken, x => x.SeatsTaken + 1));
            // The dashboard's counters: every shift's seats, every opportunity's beneficiaries, one cancelled, every
            // volunteer's home.
            await db.Shifts.ExecuteUpdateAsync(x => x.SetProperty(y => y.Seats, y => y.Seats + 2).SetProperty(y => y.Accepted, y => y.Accepted + 1));
            await db.Opportunities.ExecuteUpdateAsync(o => o.SetProperty(x => x.ExpectedBeneficiaries, x => (x.ExpectedBeneficiaries ?? 0) + 7));
            await db.Opportunities.Where(o => o.Id == w.Opportunities[1]).ExecuteUpdateAsync(o => o.SetProperty(x => x.Status, OpportunityStatus.Cancelled));
            await db.Volunteers.ExecuteUpdateAsync(v => v.SetProperty(x => x.RegionId, 2).SetProperty(x => x.CityId, 202));
            await db.Organizations.Where(g => w.Organizations.Contains(g.Id)).ExecuteUpdateAsync(g => g.SetProperty(x => x.Type, OrganizationType.Government));
            await db.Volunteers.Where(v => w.Volunteers.Contains(v.UserId))
                .ExecuteUpdateAsync(v => v.SetProperty(x => x.Gender, x => x.Gender == Gender.Female ? Gender.Male : Gender.Female));
            await db.Applications.Where(a => a.OpportunityId == w.Opportunities[2] && a.Status == ApplicationStatus.Accepted)
                .ExecuteUpdateAsync(a => a.SetProperty(x => x.Status, ApplicationStatus.Withdrawn));
            await db.Attendance.Where(x => !db.VolunteerHours.Any(h => h.AttendanceId == x.Id)).ExecuteDeleteAsync();
            await db.Applications.Where(a => !db.Attendance.Any(x => x.ApplicationId == a.Id)).ExecuteDeleteAsync();
            return 0;
        });
        await AssertCountersExactAsync(app, cuts);

        if (database == TestDatabase.Postgres)
        {
            // Every counter trigger is a statement trigger now (tgtype bit 0 set means FOR EACH ROW).
            var kinds = await app.QueryAsync(db => db.Database.SqlQueryRaw<int>(
                "SELECT (t.tgtype & 1)::int AS \"Value\" FROM pg_trigger t WHERE t.tgname LIKE 'athar_counters_%' AND NOT t.tgisinternal").ToListAsync());
            // Participation: three tables with three events and four with updates only; dashboard: three and two.
            Assert.Equal(3 * 3 + 4 + 3 * 3 + 2, kinds.Count);
            Assert.All(kinds, k => Assert.Equal(0, k));
        }
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Counters_AfterAnHoursImport_EqualTheRawTablesAndARebuild(TestDatabase database)
    {
        var app = fixture.For(database);
        app.MoveToNextMorning();
        var (organizationId, admin, _) = await app.CreateVerifiedOrganizationAsync();
        var today = Core.Calendar.DualDate.ToSaudiDate(app.Clock.GetUtcNow());
        string Day(int daysAgo) => today.AddDays(-daysAgo).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var reference = "OPP-" + Guid.NewGuid().ToString("N")[..8];

        async Task<ImportOutcome> RunAsync(ImportKind kind, byte[] content)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var engine = scope.ServiceProvider.GetRequiredService<ImportEngine>();
            return await engine.ImportAsync(new ImportRequest(organizationId, kind, content, "file.csv", ImportEncoding.Auto, admin.UserId, "test"));
        }

        var created = await RunAsync(ImportKind.Opportunities, ImportFiles.Csv(
        [
            ["Reference", "Title (Arabic)", "Description (Arabic)", "Field", "Region", "City", "Start date", "End date"],
            [reference, "توزيع السلال", "توزيع السلال على الأسر", "الاجتماعي", "الرياض", "الرياض", Day(90), Day(1)],
        ]));
        Assert.True(created.Imported, string.Join(", ", created.Problems.Select(p => p.Code)));
        var volunteers = await app.CreateVolunteersAsync(3);
        var ids = await app.QueryAsync(db => db.Volunteers.Where(v => volunteers.Contains(v.UserId)).ToDictionaryAsync(v => v.UserId, v => v.NationalId));
        var hoursBefore = await app.QueryAsync(db => db.StatsHoursCounts.Where(c => c.Dim == RollupDim.None).SumAsync(c => c.Records));

        var outcome = await RunAsync(ImportKind.Hours, ImportFiles.Csv(
        [
            ["National ID", "Opportunity reference", "Date", "Hours"],
            [ids[volunteers[0]], reference, Day(3), "4.5"],
            [ids[volunteers[1]], reference, Day(3), "2"],
            [ids[volunteers[2]], reference, Day(5), "6"],
            [ids[volunteers[0]], reference, Day(60), "3"],
        ]));
        Assert.True(outcome.Imported, string.Join(", ", outcome.Problems.Select(p => $"{p.Row}:{p.Column}:{p.Code}")));

        // The import's four records (one late, so flagged) are counted as they were written, then as a rebuild counts them.
        Assert.Equal(hoursBefore + 4, await app.QueryAsync(db => db.StatsHoursCounts.Where(c => c.Dim == RollupDim.None).SumAsync(c => c.Records)));
        var cuts = new List<StatsFilter>
        {
            new(StatsPeriod.ForMonth(today.Year, today.Month)), new(StatsPeriod.GregorianYear(today.Year)) { RegionId = 1 },
            new(StatsPeriod.GregorianYear(today.Year)) { OrganizationId = organizationId }, new(StatsPeriod.GregorianYear(today.Year)) { FieldId = 3 },
        };
        await AssertCountersExactAsync(app, cuts);
    }

    [Fact]
    public async Task ConcurrentShiftMoveAndCheckIn_OnPostgres_LoseNothing()
    {
        var app = fixture.For(TestDatabase.Postgres);
        var s = new StatsScene(app);
        var organization = await s.OrganizationAsync(1, 101, OrganizationType.University);
        var opportunity = await s.OpportunityAsync(organization, 1, 101, 3);
        var volunteer = await s.VolunteerAsync(Gender.Male, new DateOnly(1990, 5, 5));
        // An accepted application without attendance on 9 September.
        await s.HoursAsync(volunteer, opportunity, new DateOnly(2026, 9, 9), 0, HoursStatus.Pending, attended: false);
        var application = await app.QueryAsync(db => db.Applications.AsNoTracking().SingleAsync(a => a.VolunteerId == volunteer));

        // The move holds its transaction open while the check-in of the same shift runs; the check-in waits for the
        // shift's lock and then counts on the moved day. Without the lock it would count on the old day.
        await using var moveScope = app.Services.CreateAsyncScope();
        var moveDb = moveScope.ServiceProvider.GetRequiredService<AtharDbContext>();
        await moveDb.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await moveDb.Database.BeginTransactionAsync();
            await moveDb.Shifts.Where(x => x.Id == application.ShiftId)
                .ExecuteUpdateAsync(x => x.SetProperty(y => y.EndsAt, y => y.EndsAt.AddDays(5)).SetProperty(y => y.StartsAt, y => y.StartsAt.AddDays(5)).SetProperty(y => y.Date, y => y.Date.AddDays(5)));
            var checkIn = Task.Run(() => app.QueryAsync(async db =>
            {
                db.Attendance.Add(new AttendanceRecord
                {
                    Id = Guid.NewGuid(), ApplicationId = application.Id, ShiftId = application.ShiftId, VolunteerId = volunteer,
                    CheckInAt = app.Clock.GetUtcNow(), CheckInMethod = CheckMethod.Supervisor,
                });
                return await db.SaveChangesAsync();
            }));
            // Give the check-in time to reach the lock (correctness does not depend on it: either order must count right).
            await Task.Delay(500);
            await transaction.CommitAsync();
            Assert.Equal(1, await checkIn);
        });

        var present = await app.QueryAsync(async db =>
        {
            var day = db.StatsAttendanceCounts.Where(c => c.Dim == RollupDim.None && c.Day == 20260914);
            return (await day.SumAsync(c => c.Due), await day.SumAsync(c => c.Present));
        });
        Assert.Equal((1L, 1L), present);
        await AssertCountersExactAsync(app, [new StatsFilter(StatsPeriod.ForMonth(2026, 9))]);
    }

    [Fact]
    public async Task CheckInsOfDifferentShifts_OnPostgres_DoNotWaitForEachOther_AndBothCount()
    {
        var app = fixture.For(TestDatabase.Postgres);
        var s = new StatsScene(app);
        var organization = await s.OrganizationAsync(1, 101, OrganizationType.University);
        var first = await s.OpportunityAsync(organization, 1, 101, 3);
        var second = await s.OpportunityAsync(organization, 1, 101, 3);
        var volunteer = await s.VolunteerAsync(Gender.Female, new DateOnly(1994, 2, 2));
        // Two accepted applications whose shifts end on the same day: both check-ins add to the same national row.
        await s.HoursAsync(volunteer, first, new DateOnly(2025, 1, 13), 0, HoursStatus.Pending, attended: false);
        await s.HoursAsync(volunteer, second, new DateOnly(2025, 1, 13), 0, HoursStatus.Pending, attended: false);
        var applications = await app.QueryAsync(db => db.Applications.AsNoTracking().Where(a => a.VolunteerId == volunteer).OrderBy(a => a.OpportunityId == first.Id ? 0 : 1).ToListAsync());
        AttendanceRecord CheckIn(Application a) => new()
        {
            Id = Guid.NewGuid(), ApplicationId = a.Id, ShiftId = a.ShiftId, VolunteerId = volunteer, CheckInAt = app.Clock.GetUtcNow(), CheckInMethod = CheckMethod.Supervisor,
        };

        // The first check-in holds its transaction open. The second, of another shift and opportunity, must not wait for
        // it (a lock wait fails it after lock_timeout): before CounterStripes every counter trigger took one global lock,
        // and with slots by transaction id one pair in sixteen shared a slot and waited for the national row. A writer
        // now takes the first slot no other writer in flight holds, whatever its transaction id.
        await using var holderScope = app.Services.CreateAsyncScope();
        var holderDb = holderScope.ServiceProvider.GetRequiredService<AtharDbContext>();
        await holderDb.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var holder = await holderDb.Database.BeginTransactionAsync();
            holderDb.Attendance.Add(CheckIn(applications[0]));
            await holderDb.SaveChangesAsync();

            await app.QueryAsync(db => db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
            {
                await using var other = await db.Database.BeginTransactionAsync();
                await db.Database.ExecuteSqlRawAsync("SET LOCAL lock_timeout = '3s'");
                db.Attendance.Add(CheckIn(applications[1]));
                await db.SaveChangesAsync();
                await other.CommitAsync();
                return 0;
            }));
            await holder.CommitAsync();
        });

        var national = await app.QueryAsync(async db =>
        {
            // No other test of the class has shifts on this day.
            var day = db.StatsAttendanceCounts.Where(c => c.Dim == RollupDim.None && c.Day == 20250113);
            return (await day.SumAsync(c => c.Due), await day.SumAsync(c => c.Present), await day.Where(c => c.Present != 0).Select(c => c.Slot).Distinct().CountAsync());
        });
        Assert.Equal((2L, 2L, 2), national);
        await AssertCountersExactAsync(app, [new StatsFilter(StatsPeriod.ForMonth(2025, 1))]);
    }

    [Fact]
    public async Task WritersOneAfterAnother_OnPostgres_CountInSlotZero_ThenFromTheirBackendsSlot_AndWithEverySlotHeld_StillCount()
    {
        var app = fixture.For(TestDatabase.Postgres);
        var s = new StatsScene(app);
        var organization = await s.OrganizationAsync(1, 101, OrganizationType.University);
        var opportunity = await s.OpportunityAsync(organization, 1, 101, 3);
        var volunteers = new List<Guid>();
        for (var i = 0; i < 4; i++)
        {
            volunteers.Add(await s.VolunteerAsync(Gender.Female, new DateOnly(1990 + i, 5, 5)));
            await s.HoursAsync(volunteers[i], opportunity, new DateOnly(2025, 2, 19), 0, HoursStatus.Pending, attended: false);
        }
        var applications = await app.QueryAsync(db => db.Applications.AsNoTracking().Where(a => volunteers.Contains(a.VolunteerId)).ToListAsync());
        // Checks in on one connection; answers its backend's process id.
        Task<int> CheckInAsync(Application a) => app.QueryAsync(async db =>
        {
            await db.Database.OpenConnectionAsync();
            var pid = (await db.Database.SqlQueryRaw<int>("SELECT pg_backend_pid() AS \"Value\"").ToListAsync()).Single();
            db.Attendance.Add(new AttendanceRecord
            {
                Id = Guid.NewGuid(), ApplicationId = a.Id, ShiftId = a.ShiftId, VolunteerId = a.VolunteerId, CheckInAt = app.Clock.GetUtcNow(), CheckInMethod = CheckMethod.Supervisor,
            });
            await db.SaveChangesAsync();
            return pid;
        });
        Task<List<(short Slot, long Present)>> PresentBySlotAsync() => app.QueryAsync(async db =>
            (await db.StatsAttendanceCounts.Where(c => c.Dim == RollupDim.None && c.Day == 20250219 && c.Present != 0)
                .GroupBy(c => c.Slot).Select(g => new { g.Key, Present = g.Sum(c => c.Present) }).ToListAsync())
            .Select(x => (x.Key, x.Present)).ToList());

        // One writer at a time: each finds slot 0 free, so a quiet day is one row per cut for readers to sum.
        await CheckInAsync(applications[0]);
        await CheckInAsync(applications[1]);
        Assert.Equal([((short)0, 2L)], await PresentBySlotAsync());

        // Slot 0 held by another session: the writer looks on from the slot its backend's process id picks, not from
        // slot 1, so concurrent writers (different backends) mostly find a free slot at their first try.
        await using var holderScope = app.Services.CreateAsyncScope();
        var holder = holderScope.ServiceProvider.GetRequiredService<AtharDbContext>();
        await holder.Database.OpenConnectionAsync();
        await holder.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_lock({StatsCounterSql.SlotLockSpace}, 0)");
        var pid = await CheckInAsync(applications[2]);
        await holder.Database.ExecuteSqlRawAsync("SELECT pg_advisory_unlock_all()");
        Assert.Equal([((short)0, 2L), ((short)(1 + pid % (StatsCounterSql.FreeSlots - 1)), 1L)], (await PresentBySlotAsync()).OrderBy(x => x.Slot));

        // Every slot held by another session: the writer falls back to the slot of its transaction id and still counts.
        await holder.Database.ExecuteSqlRawAsync($"SELECT count(pg_advisory_lock({StatsCounterSql.SlotLockSpace}, g)) FROM generate_series(0, {StatsCounterSql.FreeSlots - 1}) g");
        await CheckInAsync(applications[3]);
        await holder.Database.ExecuteSqlRawAsync("SELECT pg_advisory_unlock_all()");
        Assert.Equal(4L, (await PresentBySlotAsync()).Sum(x => x.Present));
        await AssertCountersExactAsync(app, [new StatsFilter(StatsPeriod.ForMonth(2025, 2))]);
    }

    [Fact]
    public async Task ConcurrentOpportunityMoveAndApplication_OnPostgres_CountTheApplicationWhereTheOpportunityIs()
    {
        var app = fixture.For(TestDatabase.Postgres);
        var s = new StatsScene(app);
        var organization = await s.OrganizationAsync(1, 101, OrganizationType.University);
        var opportunity = await s.OpportunityAsync(organization, 1, 101, 3);
        var (first, second) = (await s.VolunteerAsync(Gender.Male, new DateOnly(1991, 3, 3)), await s.VolunteerAsync(Gender.Female, new DateOnly(1992, 4, 4)));
        await s.HoursAsync(first, opportunity, new DateOnly(2026, 10, 11), 0, HoursStatus.Pending, attended: false);
        var shiftId = await app.QueryAsync(db => db.Applications.Where(a => a.VolunteerId == first).Select(a => a.ShiftId).SingleAsync());
        // Other tests of the class write the same database: compare the regions' counts before and after.
        Task<(long, long)> RegionsAsync() => app.QueryAsync(async db => (
            await db.StatsApplicationCounts.Where(c => c.Dim == RollupDim.Region && c.DimValue == 1).SumAsync(c => c.Count),
            await db.StatsApplicationCounts.Where(c => c.Dim == RollupDim.Region && c.DimValue == 2).SumAsync(c => c.Count)));
        var (inFirstBefore, inSecondBefore) = await RegionsAsync();

        // The move to another region holds its transaction open while an application to the opportunity is made: the
        // application waits for the opportunity's lock and then counts in the new region, not the old one.
        await using var moveScope = app.Services.CreateAsyncScope();
        var moveDb = moveScope.ServiceProvider.GetRequiredService<AtharDbContext>();
        await moveDb.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await moveDb.Database.BeginTransactionAsync();
            await moveDb.Opportunities.Where(o => o.Id == opportunity.Id).ExecuteUpdateAsync(o => o.SetProperty(x => x.RegionId, 2).SetProperty(x => x.CityId, 201));
            var apply = Task.Run(() => app.QueryAsync(async db =>
            {
                db.Applications.Add(new Application
                {
                    Id = Guid.NewGuid(), OpportunityId = opportunity.Id, ShiftId = shiftId, VolunteerId = second, Status = ApplicationStatus.Pending,
                    CreatedAt = app.Clock.GetUtcNow(),
                });
                return await db.SaveChangesAsync();
            }));
            // Give the application time to reach the lock (either order must count right).
            await Task.Delay(500);
            await transaction.CommitAsync();
            Assert.Equal(1, await apply);
        });

        // Both applications moved to or arrived in region 2; region 1 lost the one it had.
        Assert.Equal((inFirstBefore - 1, inSecondBefore + 2), await RegionsAsync());
        await AssertCountersExactAsync(app, [new StatsFilter(StatsPeriod.GregorianYear(2026)) { RegionId = 2 }]);
    }
}
