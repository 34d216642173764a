using Athar.Core.Calendar;
using Athar.Core.Licensing;
using Athar.Core.Opportunities;
using Athar.Data;
using Athar.Data.Licensing;
using Microsoft.EntityFrameworkCore;

namespace Athar.Web.Features.Licensing;

/// <summary>
/// Reads the national licence register. Status is always evaluated on today's Saudi date, so an
/// expired licence stops counting at midnight without any job having to run.
/// </summary>
public sealed class LicenseRegister(AtharDbContext db, TimeProvider clock)
{
    public sealed record LicenseView(
        Guid Id, string Number, LicenseLevel Level, Guid? HolderUserId, Guid? OrganizationId, Guid? NamedMemberId,
        DateOnly IssuedOn, DateOnly ExpiresOn, LicenseState State, string? StateReason, LicenseStatus Status);

    public sealed record HistoryEntry(LicenseAction Action, DateTimeOffset At, string? Reason, DateOnly? ExpiresOnBefore, DateOnly? ExpiresOnAfter);

    public DateOnly Today => DualDate.ToSaudiDate(clock.GetUtcNow());

    /// <summary>Whether a licence may be acted on today: active, and not past its expiry date.</summary>
    public bool IsValidToday(LicenseFacts licence) => LicenseRules.StatusOn(licence, Today) == LicenseStatus.Active;

    /// <summary>The highest individual licence a person may act on today, for licence-gated opportunities.</summary>
    public async Task<LicenseRequirement> HeldRequirementAsync(Guid userId, CancellationToken cancellationToken)
    {
        var licences = await ForPersonAsync(userId, cancellationToken);
        return licences.Where(l => l.Status == LicenseStatus.Active && l.Level != LicenseLevel.Management)
            .Select(l => (LicenseRequirement)(int)l.Level)
            .DefaultIfEmpty(LicenseRequirement.None)
            .Max();
    }

    public async Task<bool> HoldsValidAsync(Guid userId, LicenseLevel level, CancellationToken cancellationToken) =>
        (await ForPersonAsync(userId, cancellationToken)).Any(l => l.Level == level && l.Status == LicenseStatus.Active);

    public async Task<bool> OrganizationHoldsManagementAsync(Guid organizationId, CancellationToken cancellationToken) =>
        (await ForOrganizationAsync(organizationId, cancellationToken)).Any(l => l.Status == LicenseStatus.Active);

    public Task<List<LicenseView>> ForPersonAsync(Guid userId, CancellationToken cancellationToken) =>
        QueryAsync(db.Licenses.Where(l => l.HolderUserId == userId), cancellationToken);

    public Task<List<LicenseView>> ForOrganizationAsync(Guid organizationId, CancellationToken cancellationToken) =>
        QueryAsync(db.Licenses.Where(l => l.OrganizationId == organizationId), cancellationToken);

    public async Task<LicenseView?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        (await QueryAsync(db.Licenses.Where(l => l.Id == id), cancellationToken)).FirstOrDefault();

    public async Task<LicenseView?> FindByNumberAsync(string number, CancellationToken cancellationToken)
    {
        var normalized = number.Trim().ToUpperInvariant();
        return (await QueryAsync(db.Licenses.Where(l => l.Number == normalized), cancellationToken)).FirstOrDefault();
    }

    public Task<List<LicenseView>> LatestAsync(int count, CancellationToken cancellationToken) =>
        QueryAsync(db.Licenses.OrderByDescending(l => l.UpdatedAt).Take(count), cancellationToken);

    /// <summary>Who hears about a licence: its holder, or the admins of the organisation holding it.</summary>
    public async Task<List<Guid>> PeopleToTellAsync(License licence, CancellationToken cancellationToken) =>
        licence.HolderUserId is { } holder
            ? [holder]
            : await db.OrganizationMembers.Where(m => m.OrganizationId == licence.OrganizationId && m.Role == Data.Organizations.OrganizationRole.Admin)
                .Select(m => m.UserId).ToListAsync(cancellationToken);

    public async Task<List<HistoryEntry>> HistoryAsync(Guid licenseId, CancellationToken cancellationToken) =>
        (await HistoriesAsync([licenseId], cancellationToken))[licenseId];

    /// <summary>The histories of several licences in one query, oldest event first; every id gets a list.</summary>
    public async Task<Dictionary<Guid, List<HistoryEntry>>> HistoriesAsync(IReadOnlyCollection<Guid> licenseIds, CancellationToken cancellationToken)
    {
        var events = licenseIds.Count == 0 ? [] : await db.LicenseEvents.AsNoTracking()
            .Where(e => licenseIds.Contains(e.LicenseId)).OrderBy(e => e.Id)
            .Select(e => new { e.LicenseId, Entry = new HistoryEntry(e.Action, e.At, e.Reason, e.ExpiresOnBefore, e.ExpiresOnAfter) })
            .ToListAsync(cancellationToken);
        var byLicence = events.ToLookup(e => e.LicenseId, e => e.Entry);
        return licenseIds.Distinct().ToDictionary(id => id, id => byLicence[id].ToList());
    }

    private async Task<List<LicenseView>> QueryAsync(IQueryable<License> licences, CancellationToken cancellationToken)
    {
        var today = Today;
        var rows = await licences.AsNoTracking().ToListAsync(cancellationToken);
        return rows.OrderBy(l => l.Level)
            .Select(l => new LicenseView(l.Id, l.Number, l.Level, l.HolderUserId, l.OrganizationId, l.NamedMemberId,
                l.IssuedOn, l.ExpiresOn, l.State, l.StateReason, LicenseRules.StatusOn(l.Facts, today)))
            .ToList();
    }
}
