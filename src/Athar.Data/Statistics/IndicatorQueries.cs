using Athar.Core.Applications;
using Athar.Core.Attendance;
using Athar.Core.Calendar;
using Athar.Core.Licensing;
using Athar.Core.Opportunities;
using Athar.Core.Statistics;
using Athar.Core.Training;
using Athar.Data.Opportunities;
using Athar.Data.Organizations;
using Athar.Data.Training;
using Microsoft.EntityFrameworkCore;

namespace Athar.Data.Statistics;

/// <summary>
/// Every indicator, computed for one cut: hour-based ones from the activity facts, applications, no-shows and
/// flagged hours from their per-day counters (<see cref="StatsCounterSql"/>) where the counters hold the cut, the
/// others from their own tables (opportunities, shifts, applications, organisations, volunteers) through indexed
/// period conditions. Each indicator is defined here once; the pages, API and exports all call this.
/// </summary>
public sealed class IndicatorQueries(AtharDbContext db, ActivityQueries activity)
{
    public async Task<IReadOnlyList<IndicatorValue>> ComputeAsync(StatsFilter filter, HourlyValueOptions rates, DateTimeOffset now, bool withPrevious, CancellationToken ct = default)
    {
        var current = await FiguresAsync(filter, rates, now, ct);
        var previous = withPrevious ? await FiguresAsync(filter.WithPeriod(filter.Period.Previous()), rates, now, ct) : null;
        return Indicators.All
            .Select(i =>
            {
                var applies = i.Supports(filter.Used);
                return new IndicatorValue(i, applies ? current.GetValueOrDefault(i.Key) : null, applies ? previous?.GetValueOrDefault(i.Key) : null, applies);
            })
            .ToList();
    }

    /// <summary>The figure of each available indicator the cut supports.</summary>
    public async Task<Dictionary<IndicatorKey, decimal?>> FiguresAsync(StatsFilter f, HourlyValueOptions rates, DateTimeOffset now, CancellationToken ct = default)
    {
        var figures = new Dictionary<IndicatorKey, decimal?>();
        bool Wanted(IndicatorKey key) => Indicators.Get(key) is { Available: true } i && i.Supports(f.Used);

        if (Wanted(IndicatorKey.RegisteredVolunteers))
            figures[IndicatorKey.RegisteredVolunteers] = await RegisteredVolunteersAsync(f, ct);
        if (Wanted(IndicatorKey.UniqueActiveVolunteers))
            figures[IndicatorKey.UniqueActiveVolunteers] = await activity.UniqueVolunteersAsync(f, ct);
        var verified = await activity.VerifiedAsync(f, rates, ct);
        figures[IndicatorKey.VerifiedHours] = Ratios.Hours(verified.Minutes);
        figures[IndicatorKey.EconomicValue] = verified.EconomicValue;
        figures[IndicatorKey.ProfessionalVolunteeringIndex] = Ratios.Percent(verified.Professional, verified.Minutes);
        if (Wanted(IndicatorKey.TrainingHours))
            figures[IndicatorKey.TrainingHours] = await TrainingHoursAsync(f, ct);
        if (Wanted(IndicatorKey.LicensesActive))
        {
            var byLevel = await LicensesActiveByLevelAsync(f, ct);
            figures[IndicatorKey.LicensesActive] = byLevel.Values.Sum();
            figures[IndicatorKey.LicensesPractitioner] = byLevel.GetValueOrDefault(LicenseLevel.Practitioner);
            figures[IndicatorKey.LicensesTeamLeadership] = byLevel.GetValueOrDefault(LicenseLevel.TeamLeadership);
            figures[IndicatorKey.LicensesManagement] = byLevel.GetValueOrDefault(LicenseLevel.Management);
        }
        if (Wanted(IndicatorKey.Teams))
            figures[IndicatorKey.Teams] = await TeamsAsync(f, ct);

        if (Wanted(IndicatorKey.OpportunitiesPublished))
        {
            var (published, beneficiaries) = await PublishedAsync(f, ct);
            figures[IndicatorKey.OpportunitiesPublished] = published;
            figures[IndicatorKey.Beneficiaries] = beneficiaries;
            var (offered, filled) = await SeatsAsync(f, ct);
            figures[IndicatorKey.SeatsOffered] = offered;
            figures[IndicatorKey.SeatsFilled] = filled;
        }
        if (Wanted(IndicatorKey.Applications))
        {
            var byStatus = await ApplicationsByStatusAsync(f, ct);
            var all = byStatus.Values.Sum();
            figures[IndicatorKey.Applications] = all;
            figures[IndicatorKey.AcceptanceRate] = Ratios.Percent(byStatus.GetValueOrDefault(ApplicationStatus.Accepted), all);
        }
        if (Wanted(IndicatorKey.NoShowRate))
        {
            var (due, absent) = await NoShowAsync(f, now, ct);
            figures[IndicatorKey.NoShowRate] = Ratios.Percent(absent, due);
        }
        if (Wanted(IndicatorKey.FlaggedHoursRate))
        {
            var (all, flagged) = await FlaggedHoursAsync(f, ct);
            figures[IndicatorKey.FlaggedHoursRate] = Ratios.Percent(flagged, all);
        }
        if (Wanted(IndicatorKey.OrganizationsRegistered))
        {
            // Both counts in one pass.
            var organizations = await OrganizationsAt(f).GroupBy(_ => 1)
                .Select(g => new { All = g.Count(), Verified = g.Count(o => o.Status == OrganizationStatus.Verified) }).FirstOrDefaultAsync(ct);
            figures[IndicatorKey.OrganizationsRegistered] = organizations?.All ?? 0;
            figures[IndicatorKey.OrganizationsVerified] = organizations?.Verified ?? 0;
        }
        return figures;
    }

    /// <summary>The counters' cut for <paramref name="f"/>, or null to read the raw tables (switched off, or a cut they do not hold).</summary>
    private CounterCut? Counters(StatsFilter f, IReadOnlyList<RollupDim> kept) => activity.UseRollups ? CounterCut.For(f, kept) : null;

    /// <summary>Opportunities published in the period and the beneficiaries they expect.</summary>
    public async Task<(long Published, long Beneficiaries)> PublishedAsync(StatsFilter f, CancellationToken ct)
    {
        if (Counters(f, StatsCounterSql.PublishedDims) is { } cut)
        {
            var sums = await cut.Apply(db.StatsPublishedCounts.AsNoTracking(), f.Period.Start, f.Period.End)
                .GroupBy(_ => 1).Select(g => new { Published = g.Sum(c => c.Published), Beneficiaries = g.Sum(c => c.Beneficiaries) }).SingleOrDefaultAsync(ct);
            return (sums?.Published ?? 0, sums?.Beneficiaries ?? 0);
        }
        // One pass for both figures (nationally a year of opportunities).
        var published = await Published(f).GroupBy(_ => 1)
            .Select(g => new { Count = g.Count(), Beneficiaries = g.Sum(o => (long?)o.ExpectedBeneficiaries) }).FirstOrDefaultAsync(ct);
        return (published?.Count ?? 0, published?.Beneficiaries ?? 0L);
    }

    /// <summary>Seats of the shifts dated in the period (of published opportunities not cancelled), and those taken.</summary>
    public async Task<(long Offered, long Filled)> SeatsAsync(StatsFilter f, CancellationToken ct)
    {
        if (Counters(f, StatsCounterSql.SeatDims) is { } cut)
        {
            var sums = await cut.Apply(db.StatsSeatCounts.AsNoTracking(), f.Period.Start, f.Period.End)
                .GroupBy(_ => 1).Select(g => new { Offered = g.Sum(c => c.Offered), Filled = g.Sum(c => c.Filled) }).SingleOrDefaultAsync(ct);
            return (sums?.Offered ?? 0, sums?.Filled ?? 0);
        }
        var seats = await Shifts(f).GroupBy(_ => 1)
            .Select(g => new { Offered = g.Sum(s => (long)s.Seats), Filled = g.Sum(s => (long)s.Accepted) }).FirstOrDefaultAsync(ct);
        return (seats?.Offered ?? 0, seats?.Filled ?? 0);
    }

    /// <summary>Applications made in the period, per status.</summary>
    public async Task<Dictionary<ApplicationStatus, long>> ApplicationsByStatusAsync(StatsFilter f, CancellationToken ct)
    {
        if (Counters(f, StatsCounterSql.ApplicationDims) is { } cut)
        {
            var counted = await cut.Apply(db.StatsApplicationCounts.AsNoTracking(), f.Period.Start, f.Period.End)
                .GroupBy(c => c.Status).Select(g => new { Status = g.Key, Count = g.Sum(c => c.Count) }).ToListAsync(ct);
            return counted.Where(x => x.Count != 0).ToDictionary(x => x.Status, x => x.Count);
        }
        // One pass for every status: nationally a year is over a million applications.
        var byStatus = await Applications(f).GroupBy(a => a.Status).Select(g => new { Status = g.Key, Count = g.Count() }).ToListAsync(ct);
        return byStatus.ToDictionary(x => x.Status, x => (long)x.Count);
    }

    /// <summary>
    /// Accepted applications whose shift ended in the period (and before now), and those of them without attendance.
    /// Days wholly past read the counters; the current day reads the raw rows, since only its shifts that already
    /// ended count and the counters know days, not hours.
    /// </summary>
    public async Task<(long Due, long Absent)> NoShowAsync(StatsFilter f, DateTimeOffset now, CancellationToken ct)
    {
        var (from, end) = (f.Period.Start, f.Period.End);
        long due = 0, absent = 0;
        if (Counters(f, StatsCounterSql.ApplicationDims) is { } cut)
        {
            var today = DualDate.ToSaudiDate(now);
            var until = today < end ? today : end;
            if (until > from)
            {
                var sums = await cut.Apply(db.StatsAttendanceCounts.AsNoTracking(), from, until)
                    .GroupBy(_ => 1).Select(g => new { Due = g.Sum(c => c.Due), Present = g.Sum(c => c.Present) }).SingleOrDefaultAsync(ct);
                (due, absent) = (sums?.Due ?? 0, (sums?.Due ?? 0) - (sums?.Present ?? 0));
                from = until;
            }
            if (from >= end)
                return (due, absent);
            // Today: its shifts that already ended are found first, then their applications by shift. As one semi-join
            // the planner passed over every accepted application to probe the shifts (63-84 ms at scale 0.3).
            var (start, stop) = (SaudiMidnight(from), SaudiMidnight(end));
            var ended = await db.Shifts.AsNoTracking().Where(s => s.EndsAt >= start && s.EndsAt < stop && s.EndsAt <= now).Select(s => s.Id).ToListAsync(ct);
            if (ended.Count == 0)
                return (due, absent);
            var (todayDue, todayAbsent) = await DueAndAbsentAsync(
                ApplicationsOf(f).Where(a => a.Status == ApplicationStatus.Accepted && ended.Contains(a.ShiftId)), ct);
            return (due + todayDue, absent + todayAbsent);
        }
        return await DueAndAbsentAsync(NoShowBase(f, from, now), ct);
    }

    /// <summary>Due applications and those without attendance, in one pass (nationally a year is a million of them).</summary>
    private async Task<(long Due, long Absent)> DueAndAbsentAsync(IQueryable<Participation.Application> due, CancellationToken ct)
    {
        var counts = await due
            .Select(a => new { Absent = !db.Attendance.Any(x => x.ApplicationId == a.Id) })
            .GroupBy(_ => 1)
            .Select(g => new { Count = g.Count(), Absent = g.Count(x => x.Absent) })
            .SingleOrDefaultAsync(ct);
        return (counts?.Count ?? 0, counts?.Absent ?? 0);
    }

    /// <summary>Hours records (any status) dated in the period, and those carrying a concern.</summary>
    public async Task<(long All, long Flagged)> FlaggedHoursAsync(StatsFilter f, CancellationToken ct)
    {
        if (Counters(f, StatsCounterSql.HoursDims) is { } cut)
        {
            var sums = await cut.Apply(db.StatsHoursCounts.AsNoTracking(), f.Period.Start, f.Period.End)
                .GroupBy(_ => 1).Select(g => new { Records = g.Sum(c => c.Records), Flagged = g.Sum(c => c.Flagged) }).SingleOrDefaultAsync(ct);
            return (sums?.Records ?? 0, sums?.Flagged ?? 0);
        }
        var hours = Hours(f);
        return (await hours.CountAsync(ct), await hours.CountAsync(h => h.Concerns != HoursConcerns.None, ct));
    }

    /// <summary>
    /// Training hours: the course's duration for each enrolment whose result (pass or fail: the person attended)
    /// was recorded in the period, by the trainee's home region and city, gender and age band on the period's last day.
    /// The same rule as a volunteer's own record of training hours.
    /// </summary>
    public async Task<decimal?> TrainingHoursAsync(StatsFilter f, CancellationToken ct)
    {
        var (start, end) = (SaudiMidnight(f.Period.Start), SaudiMidnight(f.Period.End));
        var results = db.CourseEnrollments.AsNoTracking()
            .Where(TrainingHoursFilter.Counted)
            .Where(e => e.ResultAt >= start && e.ResultAt < end);
        if (f.VolunteerId is { } volunteer)
            results = results.Where(e => e.UserId == volunteer);
        if ((f.Used & (Dimensions.Region | Dimensions.City | Dimensions.Gender | Dimensions.AgeBand)) != Dimensions.None)
            results = results.Where(e => PeopleAt(f).Any(v => v.UserId == e.UserId));
        // Counted per course and multiplied here: SQLite stores decimals as text and cannot SUM them,
        // and the number of courses stays small however many people train.
        var perCourse = await (from e in results
                               join c in db.Courses on e.CourseId equals c.Id
                               group e by c.DurationHours into g
                               select new { Hours = g.Key, People = g.Count() }).ToListAsync(ct);
        return perCourse.Sum(x => x.Hours * x.People);
    }

    /// <summary>
    /// Licences in force on the period's last day (issued by then, not expired, neither suspended nor revoked now), by level.
    /// Individual licences are placed by the holder's home region and city; management licences by the organisation's.
    /// </summary>
    public async Task<Dictionary<LicenseLevel, int>> LicensesActiveByLevelAsync(StatsFilter f, CancellationToken ct)
    {
        var last = f.Period.End.AddDays(-1);
        var inForce = db.Licenses.AsNoTracking().Where(l => l.State == LicenseState.Active && l.IssuedOn <= last && l.ExpiresOn >= last);
        if (f.RegionId is null && f.CityId is null)
        {
            // Nothing to place: no pass over every volunteer to find each holder's home (a licence has exactly one
            // holder, a person or an organisation, by its check constraint).
            var all = f.VolunteerId is { } holder ? inForce.Where(l => l.HolderUserId == holder) : inForce;
            var counted = await all.GroupBy(l => l.Level).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
            return counted.ToDictionary(x => x.Key, x => x.Count);
        }
        var individual = from l in inForce
                         join v in db.Volunteers on l.HolderUserId equals v.UserId
                         where (f.RegionId == null || v.RegionId == f.RegionId) && (f.CityId == null || v.CityId == f.CityId)
                               && (f.VolunteerId == null || l.HolderUserId == f.VolunteerId)
                         select l.Level;
        var organizational = from l in inForce
                             join g in db.Organizations on l.OrganizationId equals g.Id
                             where f.VolunteerId == null && (f.RegionId == null || g.RegionId == f.RegionId) && (f.CityId == null || g.CityId == f.CityId)
                             select l.Level;
        var levels = await individual.Concat(organizational).GroupBy(level => level).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        return levels.ToDictionary(x => x.Key, x => x.Count);
    }

    private IQueryable<Accounts.Volunteer> PeopleAt(StatsFilter f)
    {
        var q = db.Volunteers.AsNoTracking();
        if (f.RegionId is { } region) q = q.Where(v => v.RegionId == region);
        if (f.CityId is { } city) q = q.Where(v => v.CityId == city);
        if (f.Gender is { } gender) q = q.Where(v => (int)v.Gender == gender);
        if (f.AgeBand is { } band)
        {
            var (from, to) = AgeBands.BirthDates(band, f.Period.End.AddDays(-1));
            q = q.Where(v => v.BirthDate >= from && v.BirthDate <= to);
        }
        return q;
    }

    /// <summary>
    /// Active volunteer teams on the period's last day: created before the period ended and not closed by then,
    /// placed by the team's own region and city, cut by its organisation and the organisation's type.
    /// </summary>
    public async Task<decimal?> TeamsAsync(StatsFilter f, CancellationToken ct)
    {
        var end = SaudiMidnight(f.Period.End);
        var q = db.Teams.AsNoTracking().Where(t => t.CreatedAt < end && (t.ClosedAt == null || t.ClosedAt >= end));
        if (f.RegionId is { } region) q = q.Where(t => t.RegionId == region);
        if (f.CityId is { } city) q = q.Where(t => t.CityId == city);
        if (f.OrganizationId is { } organization) q = q.Where(t => t.OrganizationId == organization);
        if (f.OrganizationType is { } type)
            q = q.Where(t => db.Organizations.Any(g => g.Id == t.OrganizationId && (int)g.Type == type));
        return await q.CountAsync(ct);
    }

    /// <summary>A Saudi calendar day's first instant, in UTC (all instants are stored in UTC).</summary>
    public static DateTimeOffset SaudiMidnight(DateOnly day) =>
        new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), DualDate.SaudiTimeZone.BaseUtcOffset).ToUniversalTime();

    /// <summary>Registered volunteers at the end of the period, by home region and city, gender and age band on the period's last day.</summary>
    public async Task<long> RegisteredVolunteersAsync(StatsFilter f, CancellationToken ct)
    {
        // Every registration day before the period's end: one row per day and cut, however many people registered.
        if (Counters(f, StatsCounterSql.RegistrationDims) is { } cut)
            return await cut.Apply(db.StatsRegistrationCounts.AsNoTracking(), DateOnly.MinValue, f.Period.End).SumAsync(c => c.Count, ct);
        var end = SaudiMidnight(f.Period.End);
        return await PeopleAt(f).CountAsync(v => v.RegisteredAt < end, ct);
    }

    private IQueryable<Opportunity> Opportunities(StatsFilter f)
    {
        var q = db.Opportunities.AsNoTracking();
        if (f.RegionId is { } region) q = q.Where(o => o.RegionId == region);
        if (f.CityId is { } city) q = q.Where(o => o.CityId == city);
        if (f.FieldId is { } field) q = q.Where(o => o.FieldId == field);
        if (f.OrganizationId is { } organization) q = q.Where(o => o.OrganizationId == organization);
        if (f.ProgramId is { } program) q = q.Where(o => o.ProgramId == program);
        if (f.OrganizationType is { } type)
            q = q.Where(o => db.Organizations.Any(g => g.Id == o.OrganizationId && (int)g.Type == type));
        return q;
    }

    /// <summary>Opportunities published in the period (whatever happened to them later).</summary>
    public IQueryable<Opportunity> Published(StatsFilter f)
    {
        var (start, end) = (SaudiMidnight(f.Period.Start), SaudiMidnight(f.Period.End));
        return Opportunities(f).Where(o => o.PublishedAt != null && o.PublishedAt >= start && o.PublishedAt < end);
    }

    /// <summary>Shifts dated in the period, of published opportunities that were not cancelled.</summary>
    public IQueryable<Shift> Shifts(StatsFilter f)
    {
        var (start, end) = (f.Period.Start, f.Period.End);
        var opportunities = Opportunities(f).Where(o => o.PublishedAt != null && o.Status != OpportunityStatus.Cancelled);
        return db.Shifts.AsNoTracking().Where(s => s.Date >= start && s.Date < end && opportunities.Any(o => o.Id == s.OpportunityId));
    }

    private const Dimensions OpportunityDimensions =
        Dimensions.Region | Dimensions.City | Dimensions.Field | Dimensions.Organization | Dimensions.Program | Dimensions.OrganizationType;

    private IQueryable<Participation.Application> ApplicationsOf(StatsFilter f)
    {
        var q = db.Applications.AsNoTracking();
        // Only a cut by an opportunity's dimension needs the opportunity: nationally the semi-join costs a pass over every application.
        if ((f.Used & OpportunityDimensions) != Dimensions.None)
        {
            var opportunities = Opportunities(f);
            q = q.Where(a => opportunities.Any(o => o.Id == a.OpportunityId));
        }
        if (f.Gender is { } gender) q = q.Where(a => db.Volunteers.Any(v => v.UserId == a.VolunteerId && (int)v.Gender == gender));
        if (f.VolunteerId is { } volunteer) q = q.Where(a => a.VolunteerId == volunteer);
        return q;
    }

    /// <summary>Applications made in the period.</summary>
    public IQueryable<Participation.Application> Applications(StatsFilter f)
    {
        var (start, end) = (SaudiMidnight(f.Period.Start), SaudiMidnight(f.Period.End));
        return ApplicationsOf(f).Where(a => a.CreatedAt >= start && a.CreatedAt < end);
    }

    /// <summary>Accepted applications whose shift ended in the period (and before now): the base of the no-show rate.</summary>
    public IQueryable<Participation.Application> NoShowBase(StatsFilter f, DateTimeOffset now) => NoShowBase(f, f.Period.Start, now);

    /// <summary>The part of <see cref="NoShowBase(StatsFilter, DateTimeOffset)"/> from day <paramref name="from"/> to the period's end.</summary>
    private IQueryable<Participation.Application> NoShowBase(StatsFilter f, DateOnly from, DateTimeOffset now)
    {
        var (start, end) = (SaudiMidnight(from), SaudiMidnight(f.Period.End));
        var ended = db.Shifts.Where(s => s.EndsAt >= start && s.EndsAt < end && s.EndsAt <= now);
        return ApplicationsOf(f).Where(a => a.Status == ApplicationStatus.Accepted && ended.Any(s => s.Id == a.ShiftId));
    }

    /// <summary>Hours records (any status) dated in the period: the base of the flagged-hours rate.</summary>
    public IQueryable<Participation.VolunteerHours> Hours(StatsFilter f)
    {
        var (start, end) = (f.Period.Start, f.Period.End);
        var q = db.VolunteerHours.AsNoTracking().Where(h => h.Date >= start && h.Date < end);
        if (f.RegionId is { } region) q = q.Where(h => h.RegionId == region);
        if (f.FieldId is { } field) q = q.Where(h => h.FieldId == field);
        if (f.OrganizationId is { } organization) q = q.Where(h => h.OrganizationId == organization);
        if (f.VolunteerId is { } volunteer) q = q.Where(h => h.VolunteerId == volunteer);
        if (f.CityId is not null || f.ProgramId is not null || f.OrganizationType is not null)
        {
            var opportunities = Opportunities(f with { RegionId = null, FieldId = null, OrganizationId = null });
            q = q.Where(h => opportunities.Any(o => o.Id == h.OpportunityId));
        }
        return q;
    }

    /// <summary>Organisations registered by the end of the period.</summary>
    public IQueryable<Organization> OrganizationsAt(StatsFilter f)
    {
        var end = SaudiMidnight(f.Period.End);
        var q = db.Organizations.AsNoTracking().Where(o => o.CreatedAt < end);
        if (f.RegionId is { } region) q = q.Where(o => o.RegionId == region);
        if (f.CityId is { } city) q = q.Where(o => o.CityId == city);
        if (f.OrganizationType is { } type) q = q.Where(o => (int)o.Type == type);
        if (f.OrganizationId is { } organization) q = q.Where(o => o.Id == organization);
        return q;
    }
}
