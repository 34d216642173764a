using Athar.Core.Accounts;
using Athar.Data;
using Athar.Data.Accounts;
using Athar.Data.Organizations;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Athar.Web.Features.Organizations;

/// <summary>
/// Keeps a person's Identity roles OrganizationAdmin and OrganizationSupervisor in step with their memberships
/// (a person can belong to several organisations). Run inside the caller's transaction, after its membership
/// change is saved. Rights on an organisation's data are always checked per membership; the roles only open
/// the staff pages.
/// </summary>
public sealed class StaffRoles(AtharDbContext db, UserManager<AtharUser> users)
{
    public async Task SyncAsync(Guid userId, CancellationToken cancellationToken)
    {
        var held = await db.OrganizationMembers.Where(m => m.UserId == userId).Select(m => m.Role).Distinct().ToListAsync(cancellationToken);
        var user = await users.FindByIdAsync(userId.ToString()) ?? throw new InvalidOperationException("The member's account was not found.");
        var removed = false;
        foreach (var (role, needed) in new[]
                 {
                     (Roles.OrganizationAdmin, held.Contains(OrganizationRole.Admin)),
                     (Roles.OrganizationSupervisor, held.Contains(OrganizationRole.Supervisor)),
                 })
        {
            var has = await users.IsInRoleAsync(user, role);
            if (needed && !has)
            {
                Ensure(await users.AddToRoleAsync(user, role));
            }
            else if (!needed && has)
            {
                Ensure(await users.RemoveFromRoleAsync(user, role));
                removed = true;
            }
        }
        // A role taken away ends the person's other sessions at the next stamp check instead of at cookie expiry.
        if (removed)
            Ensure(await users.UpdateSecurityStampAsync(user));
    }

    private static void Ensure(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException("Role change failed: " + string.Join("; ", result.Errors.Select(e => e.Code)));
    }
}
