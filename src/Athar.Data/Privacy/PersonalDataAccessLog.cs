using Microsoft.EntityFrameworkCore;

namespace Athar.Data.Privacy;

/// <summary>Writes and reads the log of staff seeing other people's personal data.</summary>
public sealed class PersonalDataAccessLog(AtharDbContext db, TimeProvider clock)
{
    /// <summary>One person whose records an account saw: who to notify after a breach, and how.</summary>
    public sealed record AccessedPerson(
        Guid PersonId, string Name, string? Email, string? Phone, int Views, DateTimeOffset FirstAt, DateTimeOffset LastAt, IReadOnlyList<string> Purposes);

    /// <summary>
    /// Records that <paramref name="viewerId"/> is being shown <paramref name="personIds"/> (the viewer's own record
    /// is not "another person's"). Saved before the page is answered: no record, no page.
    /// </summary>
    public async Task RecordAsync(Guid viewerId, Guid? organizationId, string purpose, IEnumerable<Guid> personIds, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var people = personIds.Where(id => id != viewerId).Distinct().ToList();
        if (people.Count == 0)
            return;
        db.PersonalDataAccessLog.AddRange(people.Select(id => new PersonalDataAccess
        {
            At = now, ViewerId = viewerId, PersonId = id, OrganizationId = organizationId, Purpose = purpose,
        }));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Exactly the people whose personal data the account was shown since <paramref name="since"/>, most recent first.</summary>
    public async Task<IReadOnlyList<AccessedPerson>> AccessedByAsync(Guid viewerId, DateTimeOffset? since = null, CancellationToken cancellationToken = default)
    {
        var rows = await db.PersonalDataAccessLog.AsNoTracking()
            .Where(a => a.ViewerId == viewerId && (since == null || a.At >= since))
            .Select(a => new { a.PersonId, a.At, a.Purpose })
            .ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.PersonId).Distinct().ToList();
        var people = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id))
            .Select(u => new { u.Id, u.FullNameAr, u.Email, u.PhoneNumber })
            .ToDictionaryAsync(u => u.Id, cancellationToken);
        return rows.GroupBy(r => r.PersonId)
            .Select(g =>
            {
                var person = people.GetValueOrDefault(g.Key);
                return new AccessedPerson(g.Key, person?.FullNameAr ?? "?", person?.Email, person?.PhoneNumber, g.Count(),
                    g.Min(r => r.At), g.Max(r => r.At), g.Select(r => r.Purpose).Distinct().Order(StringComparer.Ordinal).ToList());
            })
            .OrderByDescending(p => p.LastAt).ThenBy(p => p.PersonId)
            .ToList();
    }
}
