using System.Security.Cryptography;
using System.Text;
using Athar.Cli.Tests.Infrastructure;
using Athar.Core.Accounts;
using Athar.Core.Applications;
using Athar.Core.Attendance;
using Athar.Core.Identity;
using Athar.Core.Licensing;
using Athar.Core.Opportunities;
using Athar.Core.Training;
using Athar.Data;
using Athar.Data.Participation;
using Athar.Data.Seeding.National;
using Athar.Data.Statistics;
using Microsoft.EntityFrameworkCore;

namespace Athar.Cli.Tests;

/// <summary>athar seed --scale at a tiny scale (about 600 volunteers): determinism and the domain's invariants, on both providers.</summary>
public static class NationalSeedScenarios
{
    public const string Scale = "0.0005";
    public const string Today = "2026-11-23";

    public static async Task<CliResult> SeedAsync(ITestDatabase database, string seed = "7")
    {
        await AtharTool.MigrateAsync(database);
        var result = await AtharTool.RunAsync(database.Environment, "seed", "--scale", Scale, "--seed", seed, "--today", Today);
        Assert.True(result.ExitCode == 0, result.ToString());
        return result;
    }

    /// <summary>A digest of the key tables' rows in a stable order; the password hash is left out (its salt is random by design).</summary>
    public static async Task<string> ChecksumAsync(ITestDatabase database)
    {
        await using var db = database.CreateContext();
        var text = new StringBuilder();
        void Add<T>(IEnumerable<T> rows)
        {
            foreach (var row in rows)
                text.Append(row).Append('\n');
        }
        Add((await db.Users.AsNoTracking().Select(u => new { u.Id, u.Email, u.FullNameAr, u.FullNameEn, u.PhoneNumber, u.SecurityStamp, u.CreatedAt }).ToListAsync()).OrderBy(u => u.Id));
        Add((await db.Volunteers.AsNoTracking().Select(v => new { v.UserId, v.NationalId, v.Gender, v.BirthDate, v.RegionId, v.CityId, v.RegisteredAt }).ToListAsync()).OrderBy(v => v.UserId));
        Add((await db.Organizations.AsNoTracking().Select(o => new { o.Id, o.Name.Ar, o.Name.En, o.Type, o.Status, o.RegionId }).ToListAsync()).OrderBy(o => o.Id));
        Add((await db.Opportunities.AsNoTracking().Select(o => new { o.Id, o.Title.Ar, o.Title.En, o.SearchText, o.Status, o.SeatsTotal, o.SeatsTaken, o.NextShiftStartsAt }).ToListAsync()).OrderBy(o => o.Id));
        Add((await db.Shifts.AsNoTracking().Select(s => new { s.Id, s.StartsAt, s.EndsAt, s.Seats, s.Accepted }).ToListAsync()).OrderBy(s => s.Id));
        Add((await db.Applications.AsNoTracking().Select(a => new { a.Id, a.ShiftId, a.VolunteerId, a.Status, a.CreatedAt }).ToListAsync()).OrderBy(a => a.Id));
        Add((await db.VolunteerHours.AsNoTracking().Select(h => new { h.Id, h.AttendanceId, h.CreditedMinutes, h.Status }).ToListAsync()).OrderBy(h => h.Id));
        Add((await db.Licenses.AsNoTracking().Select(l => new { l.Id, l.Number, l.IssuedOn, l.State }).ToListAsync()).OrderBy(l => l.Id));
        Add((await db.Opportunities.AsNoTracking().Where(o => o.ProgramId != null).Select(o => new { o.Id, o.ProgramId }).ToListAsync()).OrderBy(o => o.Id));
        Add((await db.Teams.AsNoTracking().Select(t => new { t.Id, t.OrganizationId, t.Name.Ar, t.Name.En, t.Neighbourhood, t.CityId, t.LeaderUserId, t.SearchText, t.CreatedAt, t.ClosedAt }).ToListAsync()).OrderBy(t => t.Id));
        Add((await db.TeamMembers.AsNoTracking().Select(m => new { m.TeamId, m.UserId, m.Role, m.State, m.CreatedAt, m.UpdatedAt }).ToListAsync()).OrderBy(m => (m.TeamId, m.UserId)));
        Add((await db.Programs.AsNoTracking().Select(p => new { p.Id, p.OrganizationId, p.Title.Ar, p.Title.En, p.StartsOn, p.EndsOn, p.Status, p.TargetVolunteers, p.TargetHours }).ToListAsync()).OrderBy(p => p.Id));
        Add((await db.ProgramTracks.AsNoTracking().Select(t => new { t.Id, t.ProgramId, t.Position, t.Name.En }).ToListAsync()).OrderBy(t => t.Id));
        Add((await db.Initiatives.AsNoTracking().Select(i => new { i.Id, i.LeadOrganizationId, i.Title.Ar, i.StartsOn, i.EndsOn, i.Status, i.TargetBeneficiaries }).ToListAsync()).OrderBy(i => i.Id));
        Add((await db.InitiativePartners.AsNoTracking().Select(p => new { p.InitiativeId, p.OrganizationId, p.Role, p.AddedAt }).ToListAsync()).OrderBy(p => (p.InitiativeId, p.OrganizationId)));
        Add((await db.InitiativeOpportunities.AsNoTracking().Select(x => new { x.InitiativeId, x.OpportunityId, x.LinkedAt }).ToListAsync()).OrderBy(x => (x.InitiativeId, x.OpportunityId)));
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    public static async Task Seed_SatisfiesTheDomainInvariants(ITestDatabase database)
    {
        var result = await SeedAsync(database);
        Assert.Contains("Applications", result.Output, StringComparison.Ordinal);
        // Where the rebuild's time went: its ten slowest steps, each with its time and what it was (a statement or a code step).
        Assert.Contains("slowest rebuild steps:", result.Output, StringComparison.Ordinal);
        Assert.Equal(10, System.Text.RegularExpressions.Regex.Count(result.Output, @"^ +[0-9]+\.[0-9] s  \S", System.Text.RegularExpressions.RegexOptions.Multiline));
        await using var db = database.CreateContext();

        var volunteers = await db.Volunteers.AsNoTracking().ToDictionaryAsync(v => v.UserId);
        var opportunities = await db.Opportunities.AsNoTracking().ToDictionaryAsync(o => o.Id);
        var shifts = await db.Shifts.AsNoTracking().ToDictionaryAsync(s => s.Id);
        var applications = await db.Applications.AsNoTracking().ToDictionaryAsync(a => a.Id);
        var attendance = await db.Attendance.AsNoTracking().ToDictionaryAsync(a => a.Id);
        var hours = await db.VolunteerHours.AsNoTracking().ToListAsync();
        var licenses = await db.Licenses.AsNoTracking().ToListAsync();
        var users = await db.Users.AsNoTracking().ToListAsync();
        Assert.True(volunteers.Count >= 600 && hours.Count > 1000 && opportunities.Count >= 150, $"{volunteers.Count} volunteers, {hours.Count} hours");

        // People: valid, unique national IDs and mobiles; registered at 13 or older; minors flagged for consent.
        Assert.All(volunteers.Values, v => Assert.Null(NationalId.Validate(v.NationalId, out _)));
        Assert.Equal(volunteers.Count, volunteers.Values.Select(v => v.NationalId).Distinct(StringComparer.Ordinal).Count());
        Assert.All(users, u => Assert.Equal(u.PhoneNumber, SaudiMobile.Normalize(u.PhoneNumber)));
        Assert.Equal(users.Count, users.Select(u => u.PhoneNumber).Distinct(StringComparer.Ordinal).Count());
        Assert.All(users, u => Assert.NotNull(u.SecurityStamp));
        foreach (var v in volunteers.Values)
        {
            var registered = DateOnly.FromDateTime(v.RegisteredAt.ToOffset(TimeSpan.FromHours(3)).DateTime);
            Assert.True(AgeRules.AgeOn(v.BirthDate, registered) >= 13, $"{v.UserId} registered before 13");
            Assert.Equal(AgeRules.AgeOn(v.BirthDate, registered) < 18, v.GuardianConsentRequired);
        }
        Assert.True(AtharTool.PasswordVerifies(users.First(u => u.Email == NationalPlan.VolunteerEmail(1)), NationalPlan.Password));

        // Seats: never oversold; the counters equal the accepted applications.
        var acceptedByShift = applications.Values.Where(a => a.Status == ApplicationStatus.Accepted).GroupBy(a => a.ShiftId).ToDictionary(g => g.Key, g => g.Count());
        foreach (var shift in shifts.Values)
        {
            Assert.InRange(shift.Accepted, 0, shift.Seats);
            Assert.Equal(acceptedByShift.GetValueOrDefault(shift.Id), shift.Accepted);
        }
        foreach (var o in opportunities.Values)
        {
            var own = shifts.Values.Where(s => s.OpportunityId == o.Id).ToList();
            Assert.Equal(own.Sum(s => s.Seats), o.SeatsTotal);
            Assert.Equal(own.Sum(s => s.Accepted), o.SeatsTaken);
        }
        Assert.Equal(applications.Count, applications.Values.Select(a => (a.ShiftId, a.VolunteerId)).Distinct().Count());

        // Eligibility on the shift's date: gender, age, guardian consent, licence; applied after registering.
        foreach (var a in applications.Values.Where(a => a.Status == ApplicationStatus.Accepted))
        {
            var v = volunteers[a.VolunteerId];
            var o = opportunities[a.OpportunityId];
            var shift = shifts[a.ShiftId];
            Assert.Equal(o.Id, shift.OpportunityId);
            var age = AgeRules.AgeOn(v.BirthDate, shift.Date);
            Assert.True(o.Gender == GenderRequirement.Any || (int)o.Gender == (int)v.Gender, $"gender on {a.Id}");
            Assert.True(age >= (o.MinimumAge ?? 13), $"age {age} on {a.Id}");
            Assert.True(age >= 18 || (o.AllowsMinors && v.GuardianConsentConfirmedAt < shift.StartsAt), $"minor on {a.Id}");
            Assert.True(a.CreatedAt > v.RegisteredAt && a.CreatedAt < shift.StartsAt, $"applied at {a.CreatedAt} on {a.Id}");
            if (o.RequiredLicense == LicenseRequirement.Practitioner)
            {
                Assert.Contains(licenses, l => l.HolderUserId == v.UserId && l.Level == LicenseLevel.Practitioner && l.State == LicenseState.Active
                    && l.IssuedOn <= shift.Date && shift.Date < l.ExpiresOn);
            }
        }

        // Hours: only from attendance of an accepted application of the same volunteer and shift, credited within the attendance.
        foreach (var h in hours)
        {
            var record = attendance[h.AttendanceId];
            var application = applications[record.ApplicationId];
            Assert.Equal(ApplicationStatus.Accepted, application.Status);
            Assert.Equal((application.VolunteerId, application.ShiftId), (h.VolunteerId, h.ShiftId));
            Assert.Equal((record.VolunteerId, record.ShiftId), (h.VolunteerId, h.ShiftId));
            Assert.InRange(h.CreditedMinutes, 0, h.AttendedMinutes);
            Assert.True(shifts[h.ShiftId].EndsAt < record.CheckOutAt!.Value.AddHours(2), "hours only for shifts that ended");
            Assert.Equal(opportunities[h.OpportunityId].OrganizationId, h.OrganizationId);
        }
        Assert.Equal(hours.Count, hours.Select(h => h.AttendanceId).Distinct().Count());

        // Aggregates were rebuilt after loading: the statistics equal the approved hours.
        var approvedMinutes = hours.Where(h => h.Status == HoursStatus.Approved).Sum(h => (long)h.CreditedMinutes);
        Assert.True(approvedMinutes > 0);
        Assert.Equal(approvedMinutes, await db.StatsActivity.SumAsync(a => a.Minutes));
        await AssertCountersEqualTheRawTablesAsync(db, applications.Values, attendance.Values, hours);

        // Training: sessions never overfilled, their counters equal the places taken.
        var enrollments = await db.CourseEnrollments.AsNoTracking().ToListAsync();
        foreach (var session in await db.CourseSessions.AsNoTracking().ToListAsync())
        {
            Assert.InRange(session.Enrolled, 1, session.Seats);
            Assert.Equal(enrollments.Count(e => e.SessionId == session.Id && e.Status != EnrollmentStatus.Withdrawn), session.Enrolled);
        }
        Assert.All(licenses, l => Assert.Contains(enrollments, e => e.Id == l.QualifyingEnrollmentId && e.Status == EnrollmentStatus.Passed));

        // Search works after the bulk load: the provider's index finds what the stored search text holds.
        await AssertSearchFindsAsync(db, opportunities.Values.First().Title.Ar);

        // The searchable set was rebuilt after loading: exactly the published or closed opportunities of verified organisations with a next shift.
        var verified = (await db.Organizations.AsNoTracking().Where(g => g.Status == Data.Organizations.OrganizationStatus.Verified).Select(g => g.Id).ToListAsync()).ToHashSet();
        var searchable = opportunities.Values
            .Where(o => o.Status is OpportunityStatus.Published or OpportunityStatus.Closed && o.NextShiftStartsAt is not null && verified.Contains(o.OrganizationId))
            .Select(o => o.Id).Order().ToList();
        Assert.NotEmpty(searchable);
        Assert.Equal(searchable, (await db.SearchableOpportunities.Select(s => s.OpportunityId).ToListAsync()).Order().ToList());

        await NationalSeedGroups.AssertTeamsProgramsAndInitiativesAsync(db);
    }

    /// <summary>
    /// The per-day counters were rebuilt after loading too: national totals and each region's equal plain counts over
    /// the loaded applications, attendance and hours (per status; accepted and present; records and flagged).
    /// </summary>
    private static async Task AssertCountersEqualTheRawTablesAsync(AtharDbContext db, IEnumerable<Application> applications,
        IEnumerable<AttendanceRecord> attendance, IReadOnlyList<VolunteerHours> hours)
    {
        var present = attendance.Select(x => x.ApplicationId).ToHashSet();
        var regionOf = await db.Opportunities.AsNoTracking().ToDictionaryAsync(o => o.Id, o => (long)o.RegionId);
        var accepted = applications.Where(a => a.Status == ApplicationStatus.Accepted).ToList();
        var raw = new[] { (RollupDim.None, (Func<Guid, long>)(_ => 0)), (RollupDim.Region, id => regionOf[id]) }.Select(cut => string.Join(", ",
            applications.GroupBy(a => (cut.Item2(a.OpportunityId), a.Status)).Select(g => $"{g.Key} {g.LongCount()}").Order(StringComparer.Ordinal)) + " / " +
            string.Join(", ", accepted.GroupBy(a => cut.Item2(a.OpportunityId)).Select(g => $"{g.Key} {g.LongCount()} {g.LongCount(a => present.Contains(a.Id))}").Order(StringComparer.Ordinal)) + " / " +
            string.Join(", ", hours.GroupBy(h => cut.Item1 == RollupDim.None ? 0L : h.RegionId).Select(g => $"{g.Key} {g.LongCount()} {g.LongCount(h => h.Concerns != HoursConcerns.None)}").Order(StringComparer.Ordinal)));
        var counted = new List<string>();
        foreach (var dim in new[] { RollupDim.None, RollupDim.Region })
        {
            var byStatus = (await db.StatsApplicationCounts.Where(c => c.Dim == dim).GroupBy(c => new { c.DimValue, c.Status }).Select(g => new { g.Key.DimValue, g.Key.Status, Count = g.Sum(c => c.Count) }).ToListAsync())
                .Where(x => x.Count != 0).Select(x => $"({x.DimValue}, {x.Status}) {x.Count}");
            var due = (await db.StatsAttendanceCounts.Where(c => c.Dim == dim).GroupBy(c => c.DimValue).Select(g => new { DimValue = g.Key, Due = g.Sum(c => c.Due), Present = g.Sum(c => c.Present) }).ToListAsync())
                .Where(x => x.Due != 0).Select(x => $"{x.DimValue} {x.Due} {x.Present}");
            var flagged = (await db.StatsHoursCounts.Where(c => c.Dim == dim).GroupBy(c => c.DimValue).Select(g => new { DimValue = g.Key, Records = g.Sum(c => c.Records), Flagged = g.Sum(c => c.Flagged) }).ToListAsync())
                .Where(x => x.Records != 0).Select(x => $"{x.DimValue} {x.Records} {x.Flagged}");
            counted.Add(string.Join(", ", byStatus.Order(StringComparer.Ordinal)) + " / " + string.Join(", ", due.Order(StringComparer.Ordinal)) + " / " + string.Join(", ", flagged.Order(StringComparer.Ordinal)));
        }
        Assert.Equal(raw.ToList(), counted);

        // The dashboard's counters: registrations, seats and publications, nationally, equal plain sums over the loaded rows.
        var published = db.Opportunities.Where(o => o.PublishedAt != null);
        var offered = db.Shifts.Where(x => published.Any(o => o.Id == x.OpportunityId && o.Status != OpportunityStatus.Cancelled));
        var plain = (
            (long)await db.Volunteers.CountAsync(),
            await offered.SumAsync(x => (long)x.Seats),
            await offered.SumAsync(x => (long)x.Accepted),
            (long)await published.CountAsync(),
            await published.SumAsync(o => (long?)o.ExpectedBeneficiaries) ?? 0);
        var national = (
            await db.StatsRegistrationCounts.Where(c => c.Dim == RollupDim.None).SumAsync(c => c.Count),
            await db.StatsSeatCounts.Where(c => c.Dim == RollupDim.None).SumAsync(c => c.Offered),
            await db.StatsSeatCounts.Where(c => c.Dim == RollupDim.None).SumAsync(c => c.Filled),
            await db.StatsPublishedCounts.Where(c => c.Dim == RollupDim.None).SumAsync(c => c.Published),
            await db.StatsPublishedCounts.Where(c => c.Dim == RollupDim.None).SumAsync(c => c.Beneficiaries));
        Assert.True(plain.Item1 > 0 && plain.Item2 > 0 && plain.Item4 > 0, "the seeded nation has volunteers, seats and published opportunities");
        Assert.Equal(plain, national);
    }

    private static async Task AssertSearchFindsAsync(AtharDbContext db, string title)
    {
        var token = OpportunitySearch.QueryTokens(title)[0];
        var expected = await db.Opportunities.CountAsync(o => o.SearchText.Contains(" " + token));
        Assert.True(expected > 0);
        var found = db.Database.IsSqlite()
            ? await db.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS \"Value\" FROM \"OpportunitySearch\" WHERE \"OpportunitySearch\" MATCH {0}", OpportunitySearch.Fts5Match([token])).SingleAsync()
            : await db.Opportunities.CountAsync(o => EF.Functions.Like(o.SearchText, OpportunitySearch.LikePattern(token)));
        Assert.Equal(expected, found);
    }
}
