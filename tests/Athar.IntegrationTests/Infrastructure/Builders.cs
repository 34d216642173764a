using Athar.Core.Accounts;
using Athar.Core.Applications;
using Athar.Core.Attendance;
using Athar.Core.Localization;
using Athar.Core.Opportunities;
using Athar.Core.Text;
using Athar.Data.Accounts;
using Athar.Data.Opportunities;
using Athar.Data.Organizations;
using Athar.Data.Participation;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Athar.IntegrationTests.Infrastructure;

/// <summary>Test data written straight to the database (eShop-style builders), for tests about later steps.</summary>
public static class Builders
{
    public sealed record StaffMember(Guid UserId, string Email);

    /// <summary>A person with an account and the given roles (a volunteer record too when Volunteer is among them).</summary>
    public static async Task<StaffMember> CreatePersonAsync(this AtharAppFactory app, string[] roles, Gender gender = Gender.Female, DateOnly? birthDate = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AtharUser>>();
        var db = scope.ServiceProvider.GetRequiredService<Data.AtharDbContext>();
        var email = $"person{Guid.NewGuid():N}@test.athar";
        var user = new AtharUser { Id = Guid.NewGuid(), UserName = email, Email = email, EmailConfirmed = true, FullNameAr = "شخص للاختبار", FullNameEn = "Test Person", CreatedAt = app.Clock.GetUtcNow() };
        var created = await users.CreateAsync(user, TestPeople.Password);
        Assert.True(created.Succeeded, string.Join(", ", created.Errors.Select(e => e.Code)));
        await users.AddToRolesAsync(user, roles);
        // Platform admins must use two-factor sign-in; the sign-in helpers compute their codes.
        if (roles.Contains(Roles.PlatformAdmin))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            await users.SetTwoFactorEnabledAsync(user, true);
        }
        if (roles.Contains(Roles.Volunteer))
        {
            db.Volunteers.Add(new Volunteer
            {
                UserId = user.Id, NationalId = TestPeople.NewNationalId(), Gender = gender, BirthDate = birthDate ?? new DateOnly(1995, 1, 1),
                RegionId = 1, CityId = 101, RegisteredAt = app.Clock.GetUtcNow(),
            });
            await db.SaveChangesAsync();
        }
        return new StaffMember(user.Id, email);
    }

    /// <summary>A verified organisation with an admin and a supervisor (both real accounts that can sign in).</summary>
    public static async Task<(Guid OrganizationId, StaffMember Admin, StaffMember Supervisor)> CreateVerifiedOrganizationAsync(this AtharAppFactory app, int regionId = 1, int cityId = 101)
    {
        var admin = await app.CreatePersonAsync([Roles.OrganizationAdmin]);
        var supervisor = await app.CreatePersonAsync([Roles.OrganizationSupervisor]);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Data.AtharDbContext>();
        var id = Guid.NewGuid();
        db.Organizations.Add(new Organization
        {
            Id = id, Name = new LocalizedText("جمعية الاختبار", "Test Association"), Type = OrganizationType.NonProfitAssociation,
            RegistrationNumber = $"T-{id:N}"[..20], RegionId = regionId, CityId = cityId, Status = OrganizationStatus.Verified, CreatedAt = app.Clock.GetUtcNow(),
        });
        db.OrganizationMembers.Add(new OrganizationMember { OrganizationId = id, UserId = admin.UserId, Role = OrganizationRole.Admin, JoinedAt = app.Clock.GetUtcNow() });
        db.OrganizationMembers.Add(new OrganizationMember { OrganizationId = id, UserId = supervisor.UserId, Role = OrganizationRole.Supervisor, JoinedAt = app.Clock.GetUtcNow() });
        await db.SaveChangesAsync();
        return (id, admin, supervisor);
    }

    /// <summary>A published opportunity with shifts (Saudi local date and times); seats per shift as given.</summary>
    public static async Task<Opportunity> CreatePublishedOpportunityAsync(
        this AtharAppFactory app, Guid organizationId, IReadOnlyList<(DateOnly Date, TimeOnly Start, TimeOnly End, int Seats)> shifts,
        string titleAr = "توزيع وجبات إفطار صائم", string titleEn = "Iftar meal distribution", bool autoAccept = false,
        Action<Opportunity>? change = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Data.AtharDbContext>();
        var opportunity = new Opportunity
        {
            Id = Guid.NewGuid(), OrganizationId = organizationId,
            Title = new LocalizedText(titleAr, titleEn), Description = new LocalizedText("وصف الفرصة", "Description"),
            FieldId = 3, RegionId = 1, CityId = 101, Status = OpportunityStatus.Published, AutoAccept = autoAccept,
            StartDate = shifts.Min(s => s.Date), EndDate = shifts.Max(s => s.Date), CreatedAt = app.Clock.GetUtcNow(), PublishedAt = app.Clock.GetUtcNow(),
            SearchText = " " + string.Join(' ', ArabicNormalizer.Tokens($"{titleAr} {titleEn}")) + " ",
        };
        foreach (var s in shifts)
        {
            var offset = TimeSpan.FromHours(3);
            opportunity.Shifts.Add(new Shift
            {
                Id = Guid.NewGuid(), OpportunityId = opportunity.Id, Date = s.Date, StartTime = s.Start, EndTime = s.End, Seats = s.Seats,
                StartsAt = new DateTimeOffset(s.Date.ToDateTime(s.Start), offset).ToUniversalTime(),
                EndsAt = new DateTimeOffset(s.Date.ToDateTime(s.End), offset).ToUniversalTime(),
            });
        }
        opportunity.SeatsTotal = shifts.Sum(s => s.Seats);
        opportunity.NextShiftStartsAt = opportunity.Shifts.Min(s => s.StartsAt);
        change?.Invoke(opportunity);
        db.Opportunities.Add(opportunity);
        await db.SaveChangesAsync();
        return opportunity;
    }

    /// <summary>Writes the chain application → attendance → hours for one volunteer on one shift, as the participation feature would.</summary>
    public static async Task<Guid> CreateHoursAsync(this AtharAppFactory app, Guid organizationId, Opportunity opportunity, int shiftIndex, Guid volunteerId, int minutes, HoursStatus status)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Data.AtharDbContext>();
        var shift = opportunity.Shifts[shiftIndex];
        var now = app.Clock.GetUtcNow();
        var application = new Application { Id = Guid.NewGuid(), OpportunityId = opportunity.Id, ShiftId = shift.Id, VolunteerId = volunteerId, Status = ApplicationStatus.Accepted, CreatedAt = now };
        var attendance = new AttendanceRecord { Id = Guid.NewGuid(), ApplicationId = application.Id, ShiftId = shift.Id, VolunteerId = volunteerId, CheckInAt = shift.StartsAt, CheckInMethod = CheckMethod.Supervisor, CheckOutAt = shift.EndsAt, CheckOutMethod = CheckMethod.Supervisor };
        var hours = new VolunteerHours
        {
            Id = Guid.NewGuid(), AttendanceId = attendance.Id, VolunteerId = volunteerId, OrganizationId = organizationId, OpportunityId = opportunity.Id,
            ShiftId = shift.Id, FieldId = opportunity.FieldId, RegionId = opportunity.RegionId, Date = shift.Date,
            AttendedMinutes = minutes, CreditedMinutes = minutes, Status = status, CreatedAt = now,
        };
        db.Applications.Add(application);
        db.Attendance.Add(attendance);
        db.VolunteerHours.Add(hours);
        await db.SaveChangesAsync();
        return hours.Id;
    }
}

public static class VolunteerBuilders
{
    /// <summary>Many volunteers at once, straight into the database (no passwords: for use-case tests that need no sign-in).</summary>
    public static async Task<List<Guid>> CreateVolunteersAsync(this AtharAppFactory app, int count, Gender gender = Gender.Female, DateOnly? birthDate = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Data.AtharDbContext>();
        var ids = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            var id = Guid.NewGuid();
            var email = $"bulk{id:N}@test.athar";
            db.Users.Add(new AtharUser
            {
                Id = id, UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(),
                FullNameAr = "متطوع للاختبار", CreatedAt = app.Clock.GetUtcNow(), SecurityStamp = Guid.NewGuid().ToString(),
            });
            db.Volunteers.Add(new Volunteer
            {
                UserId = id, NationalId = TestPeople.NewNationalId(), Gender = gender, BirthDate = birthDate ?? new DateOnly(1996, 3, 3),
                RegionId = 1, CityId = 101, RegisteredAt = app.Clock.GetUtcNow(),
            });
            ids.Add(id);
        }
        await db.SaveChangesAsync();
        return ids;
    }

    /// <summary>Moves the app's clock forward to 08:00 Saudi time on a later day, so a test's shifts fit in one day whatever ran before.</summary>
    public static void MoveToNextMorning(this AtharAppFactory app, int days = 1)
    {
        var local = app.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(3));
        var target = new DateTimeOffset(local.Year, local.Month, local.Day, 8, 0, 0, TimeSpan.FromHours(3)).AddDays(days);
        app.Clock.SetUtcNow(target.ToUniversalTime());
    }

    /// <summary>A shift slot in Saudi local time, starting <paramref name="fromNow"/> after the app's clock.</summary>
    public static (DateOnly Date, TimeOnly Start, TimeOnly End, int Seats) ShiftFromNow(this AtharAppFactory app, TimeSpan fromNow, TimeSpan length, int seats)
    {
        var local = app.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(3)).Add(fromNow);
        var start = new DateTime(local.Year, local.Month, local.Day, local.Hour, local.Minute, 0, DateTimeKind.Unspecified);
        var end = start.Add(length);
        if (end.Date != start.Date)
            throw new InvalidOperationException("Test shifts must not cross midnight; pick another offset.");
        return (DateOnly.FromDateTime(start), TimeOnly.FromDateTime(start), TimeOnly.FromDateTime(end), seats);
    }
}
