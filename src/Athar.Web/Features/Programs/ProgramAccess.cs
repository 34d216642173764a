using System.Security.Claims;
using Athar.Core.Accounts;
using Athar.Core.Localization;
using Athar.Core.Programs;
using Athar.Data;
using Athar.Data.Organizations;
using Athar.Data.Programs;
using Athar.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Athar.Web.Features.Programs;

/// <summary>
/// Who owns and links what. Platform admins own platform programs and may act on any program; an
/// organisation's admins own its programs and initiatives and link their own opportunities. Drafts are
/// seen by their owners only; anyone else gets "not found".
/// </summary>
public sealed class ProgramAccess(AtharDbContext db)
{
    public sealed record OwnOrganization(Guid Id, LocalizedText Name);

    public static bool IsPlatformAdmin(ClaimsPrincipal user) => user.IsInRole(Roles.PlatformAdmin);

    /// <summary>Verified organisations where this person is an admin.</summary>
    public Task<List<OwnOrganization>> AdministeredAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        if (user.UserId() is not { } userId)
            return Task.FromResult(new List<OwnOrganization>());
        return db.OrganizationMembers.AsNoTracking()
            .Where(m => m.UserId == userId && m.Role == OrganizationRole.Admin)
            .Join(db.Organizations.Where(o => o.Status == OrganizationStatus.Verified), m => m.OrganizationId, o => o.Id, (m, o) => new OwnOrganization(o.Id, o.Name))
            .ToListAsync(ct);
    }

    public async Task<bool> AdministersAsync(ClaimsPrincipal user, Guid organizationId, CancellationToken ct) =>
        user.UserId() is { } userId && await db.OrganizationMembers.AnyAsync(m => m.UserId == userId && m.OrganizationId == organizationId && m.Role == OrganizationRole.Admin, ct)
        && await db.Organizations.AnyAsync(o => o.Id == organizationId && o.Status == OrganizationStatus.Verified, ct);

    /// <summary>A platform program needs a platform admin; an organisation's, one of its admins (or a platform admin).</summary>
    public async Task<bool> CanCreateAsync(ClaimsPrincipal user, Guid? organizationId, CancellationToken ct) =>
        organizationId is not { } id
            ? IsPlatformAdmin(user)
            : IsPlatformAdmin(user) && await db.Organizations.AnyAsync(o => o.Id == id, ct) || await AdministersAsync(user, id, ct);

    public async Task<bool> CanManageAsync(ClaimsPrincipal user, Guid? ownerId, CancellationToken ct) =>
        IsPlatformAdmin(user) || ownerId is { } id && await AdministersAsync(user, id, ct);

    public async Task<VolunteerProgram?> VisibleProgramAsync(ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var program = await db.Programs.AsNoTracking().Include(p => p.Tracks).FirstOrDefaultAsync(p => p.Id == id, ct);
        if (program is null)
            return null;
        return program.Status != ProgramStatus.Draft || await CanManageAsync(user, program.OrganizationId, ct) ? program : null;
    }

    public async Task<VolunteerProgram?> ManagedProgramAsync(ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var program = await db.Programs.AsNoTracking().Include(p => p.Tracks).FirstOrDefaultAsync(p => p.Id == id, ct);
        return program is not null && await CanManageAsync(user, program.OrganizationId, ct) ? program : null;
    }
}
