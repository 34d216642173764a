using Athar.Core.Localization;
using Athar.Data;
using Athar.Data.Audit;
using Microsoft.EntityFrameworkCore;

namespace Athar.Web.Features.Audit;

/// <summary>One line of the audit page: the entry, with the actor's and organisation's names.</summary>
public sealed record AuditRow(AuditEntry Entry, LocalizedText? Actor, LocalizedText? Organization);

public sealed class AuditQueries(AtharDbContext db)
{
    public const int PageSize = 50;

    /// <summary>Newest first, keyset-paged by id; filtered by action and by subject, actor or person id.</summary>
    public async Task<IReadOnlyList<AuditRow>> PageAsync(string? action, string? subject, long? before, CancellationToken cancellationToken)
    {
        var q = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrEmpty(action))
            q = q.Where(e => e.Action == action);
        if (!string.IsNullOrWhiteSpace(subject))
        {
            var text = subject.Trim();
            q = Guid.TryParse(text, out var id)
                ? q.Where(e => e.SubjectId == id.ToString() || e.ActorId == id || e.PersonId == id || e.OrganizationId == id)
                : q.Where(e => e.SubjectId == text);
        }
        if (before is { } b)
            q = q.Where(e => e.Id < b);
        var rows = await (from e in q.OrderByDescending(e => e.Id).Take(PageSize)
                          select new
                          {
                              Entry = e,
                              Actor = db.Users.Where(u => u.Id == e.ActorId).Select(u => new { u.FullNameAr, u.FullNameEn }).FirstOrDefault(),
                              Organization = db.Organizations.Where(o => o.Id == e.OrganizationId).Select(o => o.Name).FirstOrDefault(),
                          }).ToListAsync(cancellationToken);
        return rows.Select(r => new AuditRow(r.Entry, r.Actor is null ? null : new LocalizedText(r.Actor.FullNameAr, r.Actor.FullNameEn), r.Organization)).ToList();
    }
}
