using Athar.Data;
using Athar.Web.Features.Organizations;
using Athar.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Athar.Web.Features.Region;

/// <summary>
/// A regional supervisor's view: the organisations of their own region(s), pending first, with the same
/// verification actions as the platform admin's page. Another region's organisation answers 404.
/// </summary>
[Authorize(Policy = Policies.RegionalSupervisor)]
public sealed class IndexModel(AtharDbContext db, OrganizationQueries queries, ChangeOrganizationStatus change, OrganizationsMessages messages)
    : ReviewPageModel(change, messages)
{
    public IReadOnlyList<int> RegionIds { get; private set; } = [];

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    protected override async Task LoadAsync(CancellationToken cancellationToken)
    {
        var userId = User.RequiredUserId();
        RegionIds = await db.RegionalAssignments.AsNoTracking().Where(a => a.UserId == userId).Select(a => a.RegionId).ToListAsync(cancellationToken);
        var page = await queries.ReviewAsync(RegionIds, null, null, 1, cancellationToken);
        List = new ReviewList(page.Rows, ShowRegion: RegionIds.Count > 1);
    }
}
