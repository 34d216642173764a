using Athar.Core.Accounts;
using Athar.Core.Localization;
using Athar.Core.Opportunities;
using Athar.Core.Text;
using Athar.Data.Accounts;
using Athar.Data.Opportunities;
using Athar.Data.Organizations;
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
}
