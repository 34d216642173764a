using System.Globalization;

namespace Athar.Data.Audit;

/// <summary>
/// Adds an audit entry to the unit of work of the change it records: the caller's SaveChanges (inside its
/// transaction) writes both or neither. Entries are sealed into the hash chain afterwards by <see cref="AuditSealer"/>.
/// </summary>
public sealed class AuditTrail(AtharDbContext db, TimeProvider clock)
{
    public AuditEntry Record(string action, string subjectType, object subjectId, Guid? actorId, Guid? organizationId = null, Guid? personId = null, string? detail = null)
    {
        var entry = new AuditEntry
        {
            At = clock.GetUtcNow(),
            ActorId = actorId,
            Action = action,
            SubjectType = subjectType,
            SubjectId = Convert.ToString(subjectId, CultureInfo.InvariantCulture) ?? "",
            OrganizationId = organizationId,
            PersonId = personId,
            Detail = detail,
        };
        db.AuditEntries.Add(entry);
        return entry;
    }

    /// <summary>"key=value;key=value" with invariant formatting, for <see cref="AuditEntry.Detail"/>.</summary>
    public static string Detail(params (string Key, object? Value)[] pairs) =>
        string.Join(';', pairs.Where(p => p.Value is not null).Select(p => p.Key + "=" + Convert.ToString(p.Value, CultureInfo.InvariantCulture)));
}
