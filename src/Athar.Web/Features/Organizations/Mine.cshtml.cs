using Athar.Core.Localization;
using Athar.Data;
using Athar.Data.Organizations;
using Athar.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Athar.Web.Features.Organizations;

[Authorize(Policy = Policies.OrganizationStaff)]
public sealed class MineModel(AtharDbContext db) : PageModel
{
    public sealed record Row(Guid Id, LocalizedText Name, OrganizationRole Role, OrganizationStatus Status, int RegionId);

    public IReadOnlyList<Row> Organizations { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var userId = User.RequiredUserId();
        Organizations = await db.OrganizationMembers.AsNoTracking()
            .Where(m => m.UserId == userId)
            .Join(db.Organizations, m => m.OrganizationId, o => o.Id, (m, o) => new Row(o.Id, o.Name, m.Role, o.Status, o.RegionId))
            .ToListAsync(cancellationToken);
    }
}
