using Athar.Core.Accounts;
using Athar.Core.Identity;
using Athar.Core.Localization;

using Athar.Data.Accounts;
using Athar.Data.Organizations;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Athar.Data.Seeding;

/// <summary>
/// Bilingual demo data for a first run: organisations in several regions, a login for every role.
/// Idempotent: a second start finds the data and only prints the logins again.
/// </summary>
public sealed class DemoData(AtharDbContext db, UserManager<AtharUser> users, TimeProvider clock)
{
    public const string Password = "Athar-Demo-2026";

    public sealed record DemoLogin(string Role, string Email, string Password);

    private sealed record Person(string Email, string NameAr, string NameEn, string NineDigits, Gender Gender, DateOnly BirthDate, int RegionId, int CityId, string Mobile, string[] Roles);

    private static readonly Person[] People =
    [
        new("admin@athar.local", "نورة عبدالله القحطاني", "Noura Abdullah Alqahtani", "100000001", Gender.Female, new(1988, 3, 14), 1, 101, "0550000001", [Roles.PlatformAdmin]),
        new("makkah.supervisor@athar.local", "خالد سعيد الغامدي", "Khalid Saeed Alghamdi", "100000002", Gender.Male, new(1984, 9, 2), 2, 201, "0550000002", [Roles.RegionalSupervisor]),
        new("org.admin@athar.local", "فاطمة حسن الزهراني", "Fatimah Hassan Alzahrani", "100000003", Gender.Female, new(1990, 1, 20), 2, 201, "0550000003", [Roles.OrganizationAdmin, Roles.Volunteer]),
        new("org.supervisor@athar.local", "عمر يوسف الحربي", "Omar Yousef Alharbi", "100000004", Gender.Male, new(1993, 6, 11), 2, 202, "0550000004", [Roles.OrganizationSupervisor, Roles.Volunteer]),
        new("team.leader@athar.local", "سارة محمد العتيبي", "Sarah Mohammed Alotaibi", "100000005", Gender.Female, new(1995, 11, 5), 1, 101, "0550000005", [Roles.TeamLeader, Roles.Volunteer]),
        new("volunteer@athar.local", "ريم إبراهيم الشهري", "Reem Ibrahim Alshehri", "100000006", Gender.Female, new(2000, 4, 28), 1, 101, "0550000006", [Roles.Volunteer]),
        new("volunteer2@athar.local", "عبدالرحمن فهد الدوسري", "Abdulrahman Fahad Aldosari", "200000007", Gender.Male, new(1998, 8, 17), 2, 202, "0550000007", [Roles.Volunteer]),
    ];

    private static readonly (string Key, string Ar, string En, OrganizationType Type, int Region, int City, OrganizationStatus Status)[] Organizations =
    [
        ("makkah-centres", "جمعية مراكز الأحياء بمكة المكرمة", "Makkah Neighbourhood Centres Association", OrganizationType.NonProfitAssociation, 2, 201, OrganizationStatus.Verified),
        ("jeddah-municipality", "أمانة محافظة جدة", "Jeddah Municipality", OrganizationType.Government, 2, 202, OrganizationStatus.Verified),
        ("lazm-riyadh", "جمعية لازم للتنمية", "Lazm Development Association", OrganizationType.NonProfitAssociation, 1, 101, OrganizationStatus.Verified),
        ("madinah-volunteering", "جمعية العمل التطوعي بالمدينة المنورة", "Madinah Volunteering Association", OrganizationType.NonProfitAssociation, 3, 301, OrganizationStatus.Verified),
        ("eastern-university", "جامعة الشرقية للعلوم", "Eastern University of Sciences", OrganizationType.University, 4, 401, OrganizationStatus.Pending),
    ];

    public async Task<IReadOnlyList<DemoLogin>> SeedAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        if (!await db.Users.AnyAsync(u => u.Email == People[0].Email, cancellationToken))
        {
            foreach (var person in People)
                await CreatePersonAsync(person, now);

            foreach (var o in Organizations)
            {
                db.Organizations.Add(new Organization
                {
                    Id = Guid.CreateVersion7(now),
                    Name = new LocalizedText(o.Ar, o.En),
                    Type = o.Type,
                    RegistrationNumber = $"DEMO-{o.Key}",
                    RegionId = o.Region,
                    CityId = o.City,
                    Status = o.Status,
                    CreatedAt = now,
                });
            }
            await db.SaveChangesAsync(cancellationToken);

            var makkah = await db.Organizations.FirstAsync(o => o.RegistrationNumber == "DEMO-makkah-centres", cancellationToken);
            var orgAdmin = await users.FindByEmailAsync("org.admin@athar.local");
            var orgSupervisor = await users.FindByEmailAsync("org.supervisor@athar.local");
            db.OrganizationMembers.Add(new OrganizationMember { OrganizationId = makkah.Id, UserId = orgAdmin!.Id, Role = OrganizationRole.Admin, JoinedAt = now });
            db.OrganizationMembers.Add(new OrganizationMember { OrganizationId = makkah.Id, UserId = orgSupervisor!.Id, Role = OrganizationRole.Supervisor, JoinedAt = now });
            var regional = await users.FindByEmailAsync("makkah.supervisor@athar.local");
            db.RegionalAssignments.Add(new RegionalAssignment { UserId = regional!.Id, RegionId = 2, AssignedAt = now });
            await db.SaveChangesAsync(cancellationToken);
        }

        return People.Select(p => new DemoLogin(string.Join(", ", p.Roles), p.Email, Password)).ToList();
    }

    private async Task CreatePersonAsync(Person person, DateTimeOffset now)
    {
        var user = new AtharUser
        {
            Id = Guid.CreateVersion7(now),
            UserName = person.Email,
            Email = person.Email,
            EmailConfirmed = true,
            PhoneNumber = SaudiMobile.Normalize(person.Mobile),
            FullNameAr = person.NameAr,
            FullNameEn = person.NameEn,
            CreatedAt = now,
        };
        var result = await users.CreateAsync(user, Password);
        if (!result.Succeeded)
            throw new InvalidOperationException("Demo user could not be created: " + string.Join("; ", result.Errors.Select(e => e.Code)));
        await users.AddToRolesAsync(user, person.Roles);
        if (person.Roles.Contains(Roles.Volunteer) || person.Roles.Contains(Roles.TeamLeader))
        {
            db.Volunteers.Add(new Volunteer
            {
                UserId = user.Id,
                NationalId = NationalId.FromNineDigits(person.NineDigits).Value,
                Gender = person.Gender,
                BirthDate = person.BirthDate,
                RegionId = person.RegionId,
                CityId = person.CityId,
                RegisteredAt = now,
                Fields = [new() { VolunteerId = user.Id, FieldId = 3 }, new() { VolunteerId = user.Id, FieldId = 16 }],
            });
            db.ConsentRecords.Add(new ConsentRecord { UserId = user.Id, Kind = ConsentKind.EthicsCharter, Version = "2025-1", AcceptedAt = now });
            db.ConsentRecords.Add(new ConsentRecord { UserId = user.Id, Kind = ConsentKind.PrivacyNotice, Version = "2025-1", AcceptedAt = now });
        }
        await db.SaveChangesAsync();
    }

    public static void Print(IReadOnlyList<DemoLogin> logins)
    {
        Console.WriteLine();
        Console.WriteLine("Athar demo logins (password for all: " + Password + "):");
        foreach (var login in logins)
            Console.WriteLine($"  {login.Role,-36} {login.Email}");
        Console.WriteLine();
    }
}
