using System.Security.Cryptography;
using Athar.Core.Accounts;
using Athar.Core.Import;
using Athar.Data.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Athar.Data.Import;

/// <summary>
/// Volunteers: a national ID already registered is the same person and is never added again nor changed
/// (their own profile wins over a spreadsheet); but when the file's birth date or gender contradicts the
/// registered person's, the ID is probably mistyped and the row is refused. A new person gets an account
/// without a password (they set one with "forgot password" on their e-mail), the Volunteer role and the national record.
/// </summary>
internal static class VolunteerImport
{
    public static async Task<ImportPlan> PlanAsync(ImportContext context, List<ImportRow> rows, List<ImportProblem> problems, CancellationToken cancellationToken)
    {
        var valid = new List<VolunteerRow>();
        var byId = new Dictionary<string, int>(StringComparer.Ordinal);
        var byEmail = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (ImportRowRules.Volunteer(row, context.Today, context.Registration, problems) is not { } volunteer)
                continue;
            if (!byId.TryAdd(volunteer.NationalId.Value, row.Number))
            {
                problems.Add(ImportRowRules.Problem(row, "national_id", "Row.Duplicate", byId[volunteer.NationalId.Value]));
                continue;
            }
            if (!byEmail.TryAdd(volunteer.Email.ToUpperInvariant(), row.Number))
            {
                problems.Add(ImportRowRules.Problem(row, "email", "Row.Duplicate", byEmail[volunteer.Email.ToUpperInvariant()]));
                continue;
            }
            valid.Add(volunteer);
        }

        var registered = await context.VolunteersAsync(valid.Select(v => v.NationalId.Value), cancellationToken);
        var fresh = new List<VolunteerRow>();
        var matched = 0;
        foreach (var volunteer in valid)
        {
            if (!registered.TryGetValue(volunteer.NationalId.Value, out var person))
            {
                fresh.Add(volunteer);
                continue;
            }
            if (person.BirthDate != volunteer.BirthDate)
                problems.Add(new ImportProblem(volunteer.Row, "national_id", "NationalId.OtherPerson", "Person.birth_date"));
            else if (person.Gender != volunteer.Gender)
                problems.Add(new ImportProblem(volunteer.Row, "national_id", "NationalId.OtherPerson", "Person.gender"));
            else
                matched++;
        }

        var taken = await TakenEmailsAsync(context.Db, fresh.Select(v => v.Email.ToUpperInvariant()), cancellationToken);
        foreach (var volunteer in fresh.Where(v => taken.Contains(v.Email.ToUpperInvariant())))
            problems.Add(new ImportProblem(volunteer.Row, "email", "Email.TakenByOther"));

        var roleId = await context.Db.Roles.Where(r => r.Name == Roles.Volunteer).Select(r => r.Id).FirstAsync(cancellationToken);
        return new Plan(context, fresh, roleId) { Added = fresh.Count, Matched = matched, RowsToWrite = fresh.Count * 3L };
    }

    private static async Task<HashSet<string>> TakenEmailsAsync(AtharDbContext db, IEnumerable<string> normalized, CancellationToken cancellationToken)
    {
        var taken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in normalized.Chunk(500))
        {
            var found = await db.Users.AsNoTracking()
                .Where(u => chunk.Contains(u.NormalizedEmail!) || chunk.Contains(u.NormalizedUserName!))
                .Select(u => new { u.NormalizedEmail, u.NormalizedUserName }).ToListAsync(cancellationToken);
            foreach (var u in found)
            {
                if (u.NormalizedEmail is not null) taken.Add(u.NormalizedEmail);
                if (u.NormalizedUserName is not null) taken.Add(u.NormalizedUserName);
            }
        }
        return taken;
    }

    private sealed class Plan(ImportContext context, List<VolunteerRow> fresh, Guid roleId) : ImportPlan
    {
        public override Task WriteAsync(ImportRowWriter writer, Guid batchId, CancellationToken cancellationToken)
        {
            var now = context.Now;
            var users = new List<AtharUser>(fresh.Count);
            var volunteers = new List<Volunteer>(fresh.Count);
            foreach (var row in fresh)
            {
                var email = row.Email.Trim();
                var user = new AtharUser
                {
                    Id = Guid.CreateVersion7(now),
                    UserName = email,
                    NormalizedUserName = email.ToUpperInvariant(),
                    Email = email,
                    NormalizedEmail = email.ToUpperInvariant(),
                    // No password and an unconfirmed e-mail: the person takes the account over with "forgot password".
                    EmailConfirmed = false,
                    SecurityStamp = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)),
                    ConcurrencyStamp = Guid.NewGuid().ToString(),
                    PhoneNumber = row.Mobile,
                    LockoutEnabled = true,
                    FullNameAr = row.NameAr,
                    FullNameEn = row.NameEn,
                    CreatedAt = now,
                };
                users.Add(user);
                volunteers.Add(new Volunteer
                {
                    UserId = user.Id,
                    NationalId = row.NationalId.Value,
                    Gender = row.Gender,
                    BirthDate = row.BirthDate,
                    RegionId = row.RegionId,
                    CityId = row.CityId,
                    RegisteredAt = now,
                });
            }
            writer.Write(users, cancellationToken);
            writer.Write(users.Select(u => new IdentityUserRole<Guid> { UserId = u.Id, RoleId = roleId }).ToList(), cancellationToken);
            writer.Write(volunteers, cancellationToken);
            return Task.CompletedTask;
        }
    }
}
