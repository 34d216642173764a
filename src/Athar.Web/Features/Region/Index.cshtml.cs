using Athar.Core.Localization;
using Athar.Data;
using Athar.Data.Organizations;
using Athar.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Athar.Web.Features.Region;

/// <summary>A regional supervisor's view: the organisations of their own region(s), nothing else.</summary>
[Authorize(Policy = Policies.RegionalSupervisor)]
public sealed class IndexModel(AtharDbContext db) : PageModel
{
    public sealed record Row(Guid Id, LocalizedText Name, OrganizationType Type, OrganizationStatus Status, int RegionId);

    public IReadOnlyList<int> RegionIds { get; private set; } = [];
    public IReadOnlyList<Row> Organizations { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var userId = User.RequiredUserId();
        RegionIds = await db.RegionalAssignments.Where(a => a.UserId == userId).Select(a => a.RegionId).ToListAsync(cancellationToken);
        var regions = RegionIds;
        Organizations = await db.Organizations.AsNoTracking()
            .Where(o => regions.Contains(o.RegionId))
            .OrderBy(o => o.Status).ThenBy(o => o.CreatedAt)
            .Select(o => new Row(o.Id, o.Name, o.Type, o.Status, o.RegionId))
            .ToListAsync(cancellationToken);
    }
}
