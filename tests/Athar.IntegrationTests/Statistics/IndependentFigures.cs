using Athar.Core.Accounts;
using Athar.Core.Applications;
using Athar.Core.Attendance;
using Athar.Core.Licensing;
using Athar.Core.Opportunities;
using Athar.Core.Statistics;
using Athar.Core.Training;
using Athar.Data.Licensing;
using Athar.Data.Accounts;
using Athar.Data.Opportunities;
using Athar.Data.Organizations;
using Athar.Data.Participation;
using Athar.Data.Training;
using Microsoft.EntityFrameworkCore;

namespace Athar.IntegrationTests.Statistics;

/// <summary>
/// The indicators recomputed the plain way: every raw row loaded into memory and filtered with LINQ,
/// without the aggregate tables, the SQL triggers or the app's queries. The cross-check compares the
/// dashboard with these figures exactly.
/// </summary>
public sealed class IndependentFigures
{
    private List<VolunteerHours> _hours = [];
    private List<Opportunity> _opportunities = [];
    private List<Shift> _shifts = [];
    private List<Organization> _organizations = [];
    private List<Volunteer> _volunteers = [];
    private List<Application> _applications = [];
    private HashSet<Guid> _attended = [];
    private List<CourseEnrollment> _enrollments = [];
    private List<Course> _courses = [];
    private List<License> _licenses = [];
    private List<Data.Teams.Team> _teams = [];

    public static async Task<IndependentFigures> LoadAsync(Data.AtharDbContext db) => new()
    {
        _hours = await db.VolunteerHours.AsNoTracking().ToListAsync(),
        _opportunities = await db.Opportunities.AsNoTracking().ToListAsync(),
        _shifts = await db.Shifts.AsNoTracking().ToListAsync(),
        _organizations = await db.Organizations.AsNoTracking().ToListAsync(),
        _volunteers = await db.Volunteers.AsNoTracking().ToListAsync(),
        _applications = await db.Applications.AsNoTracking().ToListAsync(),
        _attended = (await db.Attendance.AsNoTracking().Select(a => a.ApplicationId).ToListAsync()).ToHashSet(),
        _enrollments = await db.CourseEnrollments.AsNoTracking().ToListAsync(),
        _courses = await db.Courses.AsNoTracking().ToListAsync(),
        _licenses = await db.Licenses.AsNoTracking().ToListAsync(),
        _teams = await db.Teams.AsNoTracking().ToListAsync(),
    };

    private static DateTimeOffset Midnight(DateOnly d) => new(d.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(3));

    private static bool InPeriod(DateOnly date, StatsPeriod p) => date >= p.Start && date < p.End;

    private static bool InPeriod(DateTimeOffset instant, StatsPeriod p) => instant >= Midnight(p.Start) && instant < Midnight(p.End);

    private IEnumerable<VolunteerHours> ApprovedIn(StatsFilter f) =>
        from h in _hours
        where h.Status == HoursStatus.Approved && InPeriod(h.Date, f.Period)
        let o = _opportunities.Single(x => x.Id == h.OpportunityId)
        let g = _organizations.Single(x => x.Id == o.OrganizationId)
        let v = _volunteers.Single(x => x.UserId == h.VolunteerId)
        where (f.RegionId is null || h.RegionId == f.RegionId) && (f.CityId is null || o.CityId == f.CityId) && (f.FieldId is null || h.FieldId == f.FieldId)
              && (f.Gender is null || (int)v.Gender == f.Gender)
              && (f.AgeBand is null || AgeBands.ForMonth(v.BirthDate, h.Date.Year, h.Date.Month) == f.AgeBand)
              && (f.OrganizationType is null || (int)g.Type == f.OrganizationType) && (f.OrganizationId is null || o.OrganizationId == f.OrganizationId)
              && (f.ProgramId is null || o.ProgramId == f.ProgramId) && (f.VolunteerId is null || h.VolunteerId == f.VolunteerId)
        select h;

    private bool OpportunityMatches(Opportunity o, StatsFilter f) =>
        (f.RegionId is null || o.RegionId == f.RegionId) && (f.CityId is null || o.CityId == f.CityId) && (f.FieldId is null || o.FieldId == f.FieldId)
        && (f.OrganizationId is null || o.OrganizationId == f.OrganizationId) && (f.ProgramId is null || o.ProgramId == f.ProgramId)
        && (f.OrganizationType is null || (int)_organizations.Single(g => g.Id == o.OrganizationId).Type == f.OrganizationType);

    private bool ApplicationMatches(Application a, StatsFilter f) =>
        OpportunityMatches(_opportunities.Single(o => o.Id == a.OpportunityId), f)
        && (f.Gender is null || (int)_volunteers.Single(v => v.UserId == a.VolunteerId).Gender == f.Gender)
        && (f.VolunteerId is null || a.VolunteerId == f.VolunteerId);

    public decimal? Figure(IndicatorKey key, StatsFilter f, DateTimeOffset now)
    {
        var approved = ApprovedIn(f).ToList();
        long minutes = approved.Sum(h => h.CreditedMinutes);
        switch (key)
        {
            case IndicatorKey.UniqueActiveVolunteers:
                return approved.Where(h => h.CreditedMinutes > 0).Select(h => h.VolunteerId).Distinct().Count();
            case IndicatorKey.VerifiedHours:
                return Math.Round(minutes / 60m, 2, MidpointRounding.AwayFromZero);
            case IndicatorKey.EconomicValue:
                return Math.Round(minutes / 60m * HourlyValueOptions.MakkahDefault, 2, MidpointRounding.AwayFromZero);
            case IndicatorKey.ProfessionalVolunteeringIndex:
                var professional = approved.Where(h => _opportunities.Single(o => o.Id == h.OpportunityId).Type != VolunteeringType.General).Sum(h => (long)h.CreditedMinutes);
                return Percent(professional, minutes);
            case IndicatorKey.RegisteredVolunteers:
                var last = f.Period.End.AddDays(-1);
                return _volunteers.Count(v => v.RegisteredAt < Midnight(f.Period.End) && (f.RegionId is null || v.RegionId == f.RegionId) && (f.CityId is null || v.CityId == f.CityId)
                    && (f.Gender is null || (int)v.Gender == f.Gender) && (f.AgeBand is null || AgeBands.ForAge(AgeRules.AgeOn(v.BirthDate, last)) == f.AgeBand));
            case IndicatorKey.OpportunitiesPublished:
                return _opportunities.Count(o => o.PublishedAt is { } p && InPeriod(p, f.Period) && OpportunityMatches(o, f));
            case IndicatorKey.Beneficiaries:
                return _opportunities.Where(o => o.PublishedAt is { } p && InPeriod(p, f.Period) && OpportunityMatches(o, f)).Sum(o => (long)(o.ExpectedBeneficiaries ?? 0));
            case IndicatorKey.SeatsOffered or IndicatorKey.SeatsFilled:
                var shifts = _shifts.Where(s => InPeriod(s.Date, f.Period) && _opportunities.Single(o => o.Id == s.OpportunityId) is var o && o.PublishedAt is not null && o.Status != OpportunityStatus.Cancelled && OpportunityMatches(o, f));
                return key == IndicatorKey.SeatsOffered ? shifts.Sum(s => (long)s.Seats) : shifts.Sum(s => (long)s.Accepted);
            case IndicatorKey.Applications or IndicatorKey.AcceptanceRate:
                var made = _applications.Where(a => InPeriod(a.CreatedAt, f.Period) && ApplicationMatches(a, f)).ToList();
                return key == IndicatorKey.Applications ? made.Count : Percent(made.Count(a => a.Status == ApplicationStatus.Accepted), made.Count);
            case IndicatorKey.NoShowRate:
                var due = _applications.Where(a => a.Status == ApplicationStatus.Accepted && ApplicationMatches(a, f)
                    && _shifts.Single(s => s.Id == a.ShiftId) is var s && InPeriod(s.EndsAt, f.Period) && s.EndsAt <= now).ToList();
                return Percent(due.Count(a => !_attended.Contains(a.Id)), due.Count);
            case IndicatorKey.FlaggedHoursRate:
                var records = _hours.Where(h => InPeriod(h.Date, f.Period) && OpportunityMatches(_opportunities.Single(o => o.Id == h.OpportunityId), f with { RegionId = null, FieldId = null })
                    && (f.RegionId is null || h.RegionId == f.RegionId) && (f.FieldId is null || h.FieldId == f.FieldId) && (f.VolunteerId is null || h.VolunteerId == f.VolunteerId)).ToList();
                return Percent(records.Count(h => h.Concerns != HoursConcerns.None), records.Count);
            case IndicatorKey.OrganizationsRegistered or IndicatorKey.OrganizationsVerified:
                var organizations = _organizations.Where(g => g.CreatedAt < Midnight(f.Period.End) && (f.RegionId is null || g.RegionId == f.RegionId) && (f.CityId is null || g.CityId == f.CityId)
                    && (f.OrganizationType is null || (int)g.Type == f.OrganizationType) && (f.OrganizationId is null || g.Id == f.OrganizationId));
                return key == IndicatorKey.OrganizationsRegistered ? organizations.Count() : organizations.Count(g => g.Status == OrganizationStatus.Verified);
            case IndicatorKey.TrainingHours:
                return _enrollments.Where(e => e.Status is EnrollmentStatus.Passed or EnrollmentStatus.Failed && e.ResultAt is { } at && InPeriod(at, f.Period)
                        && (f.VolunteerId is null || e.UserId == f.VolunteerId) && PersonMatches(e.UserId, f))
                    .Sum(e => _courses.Single(c => c.Id == e.CourseId).DurationHours);
            case IndicatorKey.LicensesActive or IndicatorKey.LicensesPractitioner or IndicatorKey.LicensesTeamLeadership or IndicatorKey.LicensesManagement:
                var lastDay = f.Period.End.AddDays(-1);
                var inForce = _licenses.Where(l => l.IssuedOn <= lastDay && LicenseRules.IsValidOn(l.Facts, lastDay) && LicensePlaceMatches(l, f)).ToList();
                return key switch
                {
                    IndicatorKey.LicensesPractitioner => inForce.Count(l => l.Level == LicenseLevel.Practitioner),
                    IndicatorKey.LicensesTeamLeadership => inForce.Count(l => l.Level == LicenseLevel.TeamLeadership),
                    IndicatorKey.LicensesManagement => inForce.Count(l => l.Level == LicenseLevel.Management),
                    _ => inForce.Count,
                };
            case IndicatorKey.Teams:
                var periodEnd = Midnight(f.Period.End);
                return _teams.Count(t => t.CreatedAt < periodEnd && (t.ClosedAt is null || t.ClosedAt >= periodEnd)
                    && (f.RegionId is null || t.RegionId == f.RegionId) && (f.CityId is null || t.CityId == f.CityId)
                    && (f.OrganizationId is null || t.OrganizationId == f.OrganizationId)
                    && (f.OrganizationType is null || (int)_organizations.Single(g => g.Id == t.OrganizationId).Type == f.OrganizationType));
            default:
                return null;
        }
    }

    private bool PersonMatches(Guid userId, StatsFilter f)
    {
        if (f.RegionId is null && f.CityId is null && f.Gender is null && f.AgeBand is null)
            return true;
        var v = _volunteers.SingleOrDefault(x => x.UserId == userId);
        return v is not null && (f.RegionId is null || v.RegionId == f.RegionId) && (f.CityId is null || v.CityId == f.CityId)
            && (f.Gender is null || (int)v.Gender == f.Gender) && (f.AgeBand is null || AgeBands.ForAge(AgeRules.AgeOn(v.BirthDate, f.Period.End.AddDays(-1))) == f.AgeBand);
    }

    private bool LicensePlaceMatches(License l, StatsFilter f)
    {
        if (l.HolderUserId is { } holder)
            return (f.VolunteerId is null || holder == f.VolunteerId) && _volunteers.SingleOrDefault(v => v.UserId == holder) is { } v
                && (f.RegionId is null || v.RegionId == f.RegionId) && (f.CityId is null || v.CityId == f.CityId);
        var g = _organizations.Single(x => x.Id == l.OrganizationId);
        return f.VolunteerId is null && (f.RegionId is null || g.RegionId == f.RegionId) && (f.CityId is null || g.CityId == f.CityId);
    }

    /// <summary>Distinct active volunteers per region (never a sum over organisations or fields).</summary>
    public Dictionary<int, int> VolunteersByRegion(StatsFilter f) =>
        ApprovedIn(f).Where(h => h.CreditedMinutes > 0).GroupBy(h => h.RegionId).ToDictionary(g => g.Key, g => g.Select(h => h.VolunteerId).Distinct().Count());

    private static decimal? Percent(long part, long whole) => whole == 0 ? null : Math.Round(part * 100m / whole, 2, MidpointRounding.AwayFromZero);
}
