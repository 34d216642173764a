using Athar.Core.Accounts;
using Athar.Core.Applications;
using Athar.Core.Attendance;
using Athar.Core.Licensing;
using Athar.Core.Localization;
using Athar.Core.Opportunities;
using Athar.Core.Training;
using Athar.Data.Licensing;
using Athar.Data.Opportunities;
using Athar.Data.Organizations;
using Athar.Data.Participation;
using Athar.Data.Training;
using Athar.IntegrationTests.Infrastructure;
using Athar.Web.Features.Participation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Athar.IntegrationTests.Statistics;

/// <summary>
/// Raw participation rows for the statistics tests, written straight to the database, with hours approved
/// through the app's own use case (so the triggers see the real ExecuteUpdate) or inserted already approved.
/// </summary>
public sealed class StatsScene(AtharAppFactory app)
{
    public AtharAppFactory App => app;

    public async Task<Guid> OrganizationAsync(int regionId, int cityId, OrganizationType type)
    {
        var (id, _, _) = await app.CreateVerifiedOrganizationAsync(regionId, cityId);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Data.AtharDbContext>();
        var organization = await db.Organizations.FindAsync(id);
        organization!.Type = type;
        await db.SaveChangesAsync();
        return id;
    }

    public async Task<Opportunity> OpportunityAsync(Guid organizationId, int regionId, int cityId, int fieldId, VolunteeringType type = VolunteeringType.General, Guid? programId = null, int? beneficiaries = null)
    {
        var day = new DateOnly(2026, 11, 1);
        return await app.CreatePublishedOpportunityAsync(organizationId, [(day, new TimeOnly(9, 0), new TimeOnly(13, 0), 5)], change: o =>
        {
            o.RegionId = regionId;
            o.CityId = cityId;
            o.FieldId = fieldId;
            o.Type = type;
            o.ProgramId = programId;
            o.ExpectedBeneficiaries = beneficiaries;
        });
    }

    public async Task<Guid> VolunteerAsync(Gender gender, DateOnly birthDate, int regionId = 1, int cityId = 101)
    {
        var id = (await app.CreateVolunteersAsync(1, gender, birthDate))[0];
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Data.AtharDbContext>();
        var volunteer = await db.Volunteers.FindAsync(id);
        volunteer!.RegionId = regionId;
        volunteer.CityId = cityId;
        await db.SaveChangesAsync();
        return id;
    }

    /// <summary>An active platform program (its id is what opportunities point to), created by the demo platform admin.</summary>
    public async Task<Guid> ProgramAsync(DateOnly? startsOn = null, DateOnly? endsOn = null, Guid? organizationId = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Data.AtharDbContext>();
        var admin = await db.Users.Where(u => u.Email == "admin@athar.local").Select(u => u.Id).SingleAsync();
        var program = new Data.Programs.VolunteerProgram
        {
            Id = Guid.NewGuid(), OrganizationId = organizationId, Title = new LocalizedText("برنامج", "Program"), Description = new LocalizedText("وصف", "Description"),
            StartsOn = startsOn ?? new DateOnly(2026, 1, 1), EndsOn = endsOn ?? new DateOnly(2026, 12, 31), Status = Core.Programs.ProgramStatus.Active,
            CreatedBy = admin, CreatedAt = app.Clock.GetUtcNow(), UpdatedAt = app.Clock.GetUtcNow(),
        };
        db.Programs.Add(program);
        await db.SaveChangesAsync();
        return program.Id;
    }

    /// <summary>A shift on <paramref name="date"/>, an accepted application, attendance and hours in <paramref name="status"/>.</summary>
    public async Task<Guid> HoursAsync(Guid volunteerId, Opportunity opportunity, DateOnly date, int minutes, HoursStatus status, HoursConcerns concerns = HoursConcerns.None, bool attended = true)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Data.AtharDbContext>();
        var saudi = TimeSpan.FromHours(3);
        var shift = new Shift
        {
            Id = Guid.NewGuid(), OpportunityId = opportunity.Id, Date = date, StartTime = new TimeOnly(8, 0), EndTime = new TimeOnly(20, 0), Seats = 3, Accepted = 1,
            StartsAt = new DateTimeOffset(date.ToDateTime(new TimeOnly(8, 0)), saudi).ToUniversalTime(),
            EndsAt = new DateTimeOffset(date.ToDateTime(new TimeOnly(20, 0)), saudi).ToUniversalTime(),
        };
        db.Shifts.Add(shift);
        var application = new Application
        {
            Id = Guid.NewGuid(), OpportunityId = opportunity.Id, ShiftId = shift.Id, VolunteerId = volunteerId, Status = ApplicationStatus.Accepted,
            CreatedAt = shift.StartsAt.AddDays(-3), DecidedAt = shift.StartsAt.AddDays(-2),
        };
        db.Applications.Add(application);
        if (!attended)
        {
            await db.SaveChangesAsync();
            return Guid.Empty;
        }
        var attendance = new AttendanceRecord
        {
            Id = Guid.NewGuid(), ApplicationId = application.Id, ShiftId = shift.Id, VolunteerId = volunteerId,
            CheckInAt = shift.StartsAt, CheckInMethod = CheckMethod.Supervisor, CheckOutAt = shift.StartsAt.AddMinutes(minutes), CheckOutMethod = CheckMethod.Supervisor,
        };
        db.Attendance.Add(attendance);
        var hours = new VolunteerHours
        {
            Id = Guid.NewGuid(), AttendanceId = attendance.Id, VolunteerId = volunteerId, OrganizationId = opportunity.OrganizationId, OpportunityId = opportunity.Id,
            ShiftId = shift.Id, FieldId = opportunity.FieldId, RegionId = opportunity.RegionId, Date = date, AttendedMinutes = minutes, CreditedMinutes = minutes,
            Status = status, Concerns = concerns, CreatedAt = shift.EndsAt,
        };
        db.VolunteerHours.Add(hours);
        await db.SaveChangesAsync();
        return hours.Id;
    }

    /// <summary>The activity fact rows that count (zeros left by un-approvals are not figures), every column, as comparable text.</summary>
    public Task<List<string>> FactRowsAsync() => app.QueryAsync(async db =>
        (await db.StatsActivity.AsNoTracking().Where(a => a.Minutes != 0 || a.Records != 0).ToListAsync())
        .Select(a => string.Join('|', a.VolunteerId, a.OpportunityId, a.Month, a.HijriMonth, a.RegionId, a.FieldId, a.CityId, a.OrganizationId, a.OrganizationType, a.ProgramId, a.VolunteeringType, a.Gender, a.AgeBand, a.Minutes, a.Records))
        .Order(StringComparer.Ordinal).ToList());

    /// <summary>The organisation's decision through the app's use case (a conditional ExecuteUpdate, as in production).</summary>
    public async Task DecideAsync(Guid hoursId, ReviewHours.Decision decision, int? minutes = null, string? reason = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var review = scope.ServiceProvider.GetRequiredService<ReviewHours>();
        var refusal = await review.DecideAsync(hoursId, decision, minutes, reason, Guid.NewGuid(), platformReview: true);
        Assert.Null(refusal);
    }

    /// <summary>A course result (pass, fail, or another status) recorded at the given instant, with its course and session.</summary>
    public async Task CourseResultAsync(Guid userId, decimal durationHours, EnrollmentStatus status, DateTimeOffset resultAt)
    {
        resultAt = resultAt.ToUniversalTime(); // as the app stores every instant
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Data.AtharDbContext>();
        var course = new Course
        {
            Id = Guid.NewGuid(), Title = new LocalizedText("دورة", "Course"), Description = new LocalizedText("وصف", "Description"),
            Track = LicenseLevel.Practitioner, DurationHours = durationHours, PassingScore = 60, Status = CourseStatus.Published,
            CreatedAt = resultAt.AddDays(-30), UpdatedAt = resultAt.AddDays(-30),
        };
        var session = new CourseSession { Id = Guid.NewGuid(), CourseId = course.Id, StartsAt = resultAt.AddDays(-2), EndsAt = resultAt.AddDays(-2).AddHours(4), Seats = 10, Enrolled = 1 };
        db.Courses.Add(course);
        db.CourseSessions.Add(session);
        db.CourseEnrollments.Add(new CourseEnrollment
        {
            Id = Guid.NewGuid(), CourseId = course.Id, SessionId = session.Id, UserId = userId, Status = status,
            Score = status == EnrollmentStatus.Passed ? 90 : 20, CreatedAt = resultAt.AddDays(-20),
            ResultAt = status is EnrollmentStatus.Passed or EnrollmentStatus.Failed ? resultAt : null,
        });
        await db.SaveChangesAsync();
    }

    /// <summary>A licence row as the register keeps it: individual when <paramref name="holderUserId"/> is set, else the organisation's.</summary>
    public async Task LicenseAsync(LicenseLevel level, Guid? holderUserId, Guid? organizationId, DateOnly issuedOn, DateOnly expiresOn, LicenseState state = LicenseState.Active)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Data.AtharDbContext>();
        db.Licenses.Add(new License
        {
            Id = Guid.NewGuid(), Number = LicenseRules.NewNumber(level, issuedOn), Level = level, HolderUserId = holderUserId, OrganizationId = organizationId,
            NamedMemberId = organizationId is null ? null : holderUserId ?? Guid.NewGuid(), IssuedOn = issuedOn, ExpiresOn = expiresOn, State = state,
            CreatedAt = app.Clock.GetUtcNow(), UpdatedAt = app.Clock.GetUtcNow(),
        });
        await db.SaveChangesAsync();
    }

    /// <summary>A team row as the teams feature keeps it, created (and optionally closed) at the given instants.</summary>
    public async Task<Guid> TeamAsync(Guid organizationId, Guid leaderId, int regionId, int cityId, DateTimeOffset createdAt, DateTimeOffset? closedAt = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Data.AtharDbContext>();
        var team = new Data.Teams.Team
        {
            Id = Guid.NewGuid(), OrganizationId = organizationId, Name = new LocalizedText("فريق", "Team"), RegionId = regionId, CityId = cityId,
            LeaderUserId = leaderId, CreatedAt = createdAt.ToUniversalTime(), CreatedBy = leaderId, ClosedAt = closedAt?.ToUniversalTime(),
        };
        db.Teams.Add(team);
        await db.SaveChangesAsync();
        return team.Id;
    }
}
