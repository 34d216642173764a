using System.Security.Claims;
using Athar.Core.Accounts;
using Athar.Data;
using Athar.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Athar.Web.Features.Organizations;

/// <summary>Which regions a reviewer's lists cover: all for platform admins (null), the assigned ones for a regional supervisor.</summary>
public static class ReviewScope
{
    public static async Task<IReadOnlyList<int>?> ForAsync(ClaimsPrincipal user, AtharDbContext db, CancellationToken cancellationToken)
    {
        if (user.IsInRole(Roles.PlatformAdmin))
            return null;
        var userId = user.RequiredUserId();
        return await db.RegionalAssignments.AsNoTracking().Where(a => a.UserId == userId).Select(a => a.RegionId).ToListAsync(cancellationToken);
    }
}
