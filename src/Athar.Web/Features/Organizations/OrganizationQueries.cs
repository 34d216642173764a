using Athar.Core.Attendance;
using Athar.Core.Localization;
using Athar.Core.Opportunities;
using Athar.Core.Organizations;
using Athar.Data;
using Athar.Data.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Athar.Web.Features.Organizations;

/// <summary>Read paths of the organisations feature, shared by pages and endpoints; no-tracking projections only.</summary>
public sealed class OrganizationQueries(AtharDbContext db, TimeProvider clock)
{
    public const int ReviewPageSize = 50;
    public const int ProfileOpportunities = 50;

    public sealed record MineRow(Guid Id, LocalizedText Name, OrganizationRole Role, OrganizationStatus Status, string? StatusReason, int RegionId, int CityId);

    public sealed record MemberRow(Guid UserId, LocalizedText FullName, string? Email, OrganizationRole Role, DateTimeOffset JoinedAt);

    public sealed record InvitationRow(Guid Id, string Contact, OrganizationRole Role, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, InvitationState State);

    public sealed record ReviewRow(
        Guid Id, LocalizedText Name, OrganizationType Type, string? RegistrationNumber, int RegionId, int CityId,
        OrganizationStatus Status, string? StatusReason, string? ContactEmail, string? ContactPhone, DateTimeOffset CreatedAt);

    public sealed record ReviewPage(IReadOnlyList<ReviewRow> Rows, bool HasMore);

    public sealed record ProfileOpportunity(Guid Id, LocalizedText Title, OpportunityStatus Status, DateOnly StartDate, DateOnly EndDate, int CityId, bool IsRemote);

    /// <summary>Only what an organisation publishes about itself: never its members.</summary>
    public sealed record PublicProfile(
        Guid Id, LocalizedText Name, OrganizationType Type, int RegionId, int CityId, IReadOnlyList<int> FieldIds,
        string? ContactEmail, string? ContactPhone, string? Website,
        int Opportunities, int Volunteers, decimal VerifiedHours, IReadOnlyList<ProfileOpportunity> Recent);

    public async Task<IReadOnlyList<MineRow>> MineAsync(Guid userId, CancellationToken cancellationToken) =>
        await db.OrganizationMembers.AsNoTracking()
            .Where(m => m.UserId == userId)
            .Join(db.Organizations, m => m.OrganizationId, o => o.Id, (m, o) => new { m.Role, o })
            .OrderBy(x => x.o.CreatedAt)
            .Select(x => new MineRow(x.o.Id, x.o.Name, x.Role, x.o.Status, x.o.StatusReason, x.o.RegionId, x.o.CityId))
            .ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<int>> FieldIdsAsync(Guid organizationId, CancellationToken cancellationToken) =>
        await db.OrganizationFields.AsNoTracking().Where(f => f.OrganizationId == organizationId).OrderBy(f => f.FieldId).Select(f => f.FieldId).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<MemberRow>> MembersAsync(Guid organizationId, CancellationToken cancellationToken)
    {
        var rows = await db.OrganizationMembers.AsNoTracking()
            .Where(m => m.OrganizationId == organizationId)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { m.UserId, u.FullNameAr, u.FullNameEn, u.Email, m.Role, m.JoinedAt })
            .OrderBy(x => x.Role).ThenBy(x => x.JoinedAt)
            .ToListAsync(cancellationToken);
        return rows.Select(r => new MemberRow(r.UserId, new LocalizedText(r.FullNameAr, r.FullNameEn), r.Email, r.Role, r.JoinedAt)).ToList();
    }

    /// <summary>Invitations nobody has accepted yet, open and expired, newest first.</summary>
    public async Task<IReadOnlyList<InvitationRow>> InvitationsAsync(Guid organizationId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var rows = await db.OrganizationInvitations.AsNoTracking()
            .Where(i => i.OrganizationId == organizationId && i.AcceptedAt == null)
            .OrderByDescending(i => i.CreatedAt)
            .Take(100)
            .Select(i => new { i.Id, i.Contact, i.Role, i.CreatedAt, i.ExpiresAt })
            .ToListAsync(cancellationToken);
        return rows.Select(i => new InvitationRow(i.Id, i.Contact, i.Role, i.CreatedAt, i.ExpiresAt, InvitationRules.StateOf(i.ExpiresAt, null, now))).ToList();
    }

    /// <summary>
    /// The review queue: pending first, then by registration date. <paramref name="scope"/> limits it to some regions
    /// (a regional supervisor's); null means every region (platform admins).
    /// </summary>
    public async Task<ReviewPage> ReviewAsync(IReadOnlyList<int>? scope, OrganizationStatus? status, int? regionId, int page, CancellationToken cancellationToken)
    {
        var query = db.Organizations.AsNoTracking();
        if (scope is not null)
            query = query.Where(o => scope.Contains(o.RegionId));
        if (status is { } s)
            query = query.Where(o => o.Status == s);
        if (regionId is { } r)
            query = query.Where(o => o.RegionId == r);
        var rows = await query
            .OrderBy(o => o.Status).ThenBy(o => o.CreatedAt).ThenBy(o => o.Id)
            .Skip(Math.Max(0, page - 1) * ReviewPageSize)
            .Take(ReviewPageSize + 1)
            .Select(o => new ReviewRow(o.Id, o.Name, o.Type, o.RegistrationNumber, o.RegionId, o.CityId, o.Status, o.StatusReason, o.ContactEmail, o.ContactPhone, o.CreatedAt))
            .ToListAsync(cancellationToken);
        return new ReviewPage(rows.Take(ReviewPageSize).ToList(), rows.Count > ReviewPageSize);
    }

    /// <summary>A verified organisation's public profile with its published and closed opportunities and its verified totals; null for any other.</summary>
    public async Task<PublicProfile?> PublicProfileAsync(Guid organizationId, CancellationToken cancellationToken)
    {
        var organization = await db.Organizations.AsNoTracking()
            .Where(o => o.Id == organizationId && o.Status == OrganizationStatus.Verified)
            .Select(o => new { o.Id, o.Name, o.Type, o.RegionId, o.CityId, o.ContactEmail, o.ContactPhone, o.Website })
            .FirstOrDefaultAsync(cancellationToken);
        if (organization is null)
            return null;

        var fields = await FieldIdsAsync(organizationId, cancellationToken);
        var visible = db.Opportunities.AsNoTracking()
            .Where(o => o.OrganizationId == organizationId && (o.Status == OpportunityStatus.Published || o.Status == OpportunityStatus.Closed));
        var count = await visible.CountAsync(cancellationToken);
        var recent = await visible
            .OrderByDescending(o => o.PublishedAt ?? o.CreatedAt).ThenByDescending(o => o.Id)
            .Take(ProfileOpportunities)
            .Select(o => new ProfileOpportunity(o.Id, o.Title, o.Status, o.StartDate, o.EndDate, o.CityId, o.IsRemote))
            .ToListAsync(cancellationToken);

        // Only approved hours are verified, and only verified hours count anywhere.
        var approved = db.VolunteerHours.AsNoTracking().Where(h => h.OrganizationId == organizationId && h.Status == HoursStatus.Approved);
        var volunteers = await approved.Select(h => h.VolunteerId).Distinct().CountAsync(cancellationToken);
        var minutes = await approved.SumAsync(h => (long)h.CreditedMinutes, cancellationToken);

        return new PublicProfile(
            organization.Id, organization.Name, organization.Type, organization.RegionId, organization.CityId, fields,
            organization.ContactEmail, organization.ContactPhone, organization.Website,
            count, volunteers, Math.Round(minutes / 60m, 1), recent);
    }
}
