using System.Security.Claims;
using Athar.Core.Accounts;
using Athar.Core.Localization;
using Athar.Core.Statistics;
using Athar.Data;
using Athar.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Athar.Web.Features.Statistics;

public enum ScopeKind
{
    National,
    Regional,
    Organization,
    Volunteer,
}

/// <summary>What one person may see: the nation, their region(s), their organisation(s) or their own numbers.</summary>
public sealed record StatsScope(ScopeKind Kind, IReadOnlyList<int> Regions, IReadOnlyList<(Guid Id, LocalizedText Name)> Organizations, Guid? VolunteerId);

/// <summary>
/// Resolves the scope and locks a requested cut into it. Platform admins see every cut; a regional
/// supervisor sees their region (the first assigned one unless another of theirs is asked for);
/// organisation staff see their organisation and its programs; a volunteer sees their own numbers.
/// Asking for anything outside the scope answers "not found", as organisation pages do.
/// </summary>
public sealed class StatsScopes(AtharDbContext db)
{
    public async Task<StatsScope?> ForAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        if (user.IsInRole(Roles.PlatformAdmin))
            return new StatsScope(ScopeKind.National, [], [], null);
        if (user.UserId() is not { } userId)
            return null;
        if (user.IsInRole(Roles.RegionalSupervisor))
        {
            var regions = await db.RegionalAssignments.AsNoTracking().Where(a => a.UserId == userId).OrderBy(a => a.RegionId).Select(a => a.RegionId).ToListAsync(ct);
            if (regions.Count > 0)
                return new StatsScope(ScopeKind.Regional, regions, [], null);
        }
        if (user.IsInRole(Roles.OrganizationAdmin) || user.IsInRole(Roles.OrganizationSupervisor))
        {
            var organizations = await db.OrganizationMembers.AsNoTracking().Where(m => m.UserId == userId)
                .Join(db.Organizations, m => m.OrganizationId, o => o.Id, (_, o) => new { o.Id, o.Name })
                .ToListAsync(ct);
            if (organizations.Count > 0)
                return new StatsScope(ScopeKind.Organization, [], organizations.OrderBy(o => o.Id).Select(o => (o.Id, o.Name)).ToList(), null);
        }
        if (user.IsInRole(Roles.Volunteer))
            return new StatsScope(ScopeKind.Volunteer, [], [], userId);
        return null;
    }

    /// <summary>The cut locked into the scope, or null when it asks for something outside it.</summary>
    public async Task<StatsFilter?> LockAsync(StatsScope scope, StatsFilter requested, CancellationToken ct)
    {
        switch (scope.Kind)
        {
            case ScopeKind.National:
                return requested;
            case ScopeKind.Regional:
                var region = requested.RegionId ?? scope.Regions[0];
                if (!scope.Regions.Contains(region))
                    return null;
                if (requested.OrganizationId is { } organization
                    && !await db.Organizations.AnyAsync(o => o.Id == organization && o.RegionId == region, ct))
                    return null;
                return requested with { RegionId = region };
            case ScopeKind.Organization:
                var id = requested.OrganizationId ?? scope.Organizations[0].Id;
                return scope.Organizations.Any(o => o.Id == id) ? requested with { OrganizationId = id } : null;
            default:
                return requested.OrganizationId is null && requested.RegionId is null
                    ? requested with { VolunteerId = scope.VolunteerId }
                    : null;
        }
    }
}
