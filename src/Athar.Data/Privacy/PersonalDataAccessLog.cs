using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

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
        // One multi-row INSERT per chunk, not SaveChanges: EF Core's SQLite provider sends one command per added row, so
        // an applicant list of 300 people would cost 300 round trips (QueryCountTests). Parameters are built from the
        // model's own type mappings, so each provider stores the values exactly as EF Core would.
        foreach (var chunk in people.Chunk(InsertChunk))
        {
            var (sql, parameters) = InsertStatement(chunk.Select(id => new PersonalDataAccess
            {
                At = now, ViewerId = viewerId, PersonId = id, OrganizationId = organizationId, Purpose = purpose,
            }).ToList());
            await db.Database.ExecuteSqlRawAsync(sql, parameters, cancellationToken);
        }
    }

    // Five parameters a row: well under SQLite's 32,766 and PostgreSQL's 65,535 parameters a statement.
    private const int InsertChunk = 500;

    private (string Sql, List<DbParameter> Parameters) InsertStatement(IReadOnlyList<PersonalDataAccess> rows)
    {
        var entity = db.Model.FindEntityType(typeof(PersonalDataAccess))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = new (string Name, Func<PersonalDataAccess, object?> Value)[]
        {
            (nameof(PersonalDataAccess.At), r => r.At), (nameof(PersonalDataAccess.ViewerId), r => r.ViewerId),
            (nameof(PersonalDataAccess.PersonId), r => r.PersonId), (nameof(PersonalDataAccess.OrganizationId), r => r.OrganizationId),
            (nameof(PersonalDataAccess.Purpose), r => r.Purpose),
        };
        using var command = db.Database.GetDbConnection().CreateCommand();
        var parameters = new List<DbParameter>();
        var values = new List<string>();
        foreach (var row in rows)
        {
            var names = new List<string>();
            foreach (var (name, value) in columns)
            {
                var property = entity.FindProperty(name)!;
                var parameterName = "@p" + parameters.Count.ToString(CultureInfo.InvariantCulture);
                parameters.Add(property.GetRelationalTypeMapping().CreateParameter(command, parameterName, value(row), property.IsNullable));
                names.Add(parameterName);
            }
            values.Add("(" + string.Join(", ", names) + ")");
        }
        var columnList = string.Join(", ", columns.Select(c => "\"" + entity.FindProperty(c.Name)!.GetColumnName(table) + "\""));
        return ($"INSERT INTO \"{table.Name}\" ({columnList}) VALUES {string.Join(", ", values)}", parameters);
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
