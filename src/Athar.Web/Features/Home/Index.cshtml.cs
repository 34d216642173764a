using Athar.Data;
using Athar.Data.Organizations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Athar.Web.Features.Home;

[AllowAnonymous]
public sealed class IndexModel(AtharDbContext db) : PageModel
{
    public int Volunteers { get; private set; }
    public int Organizations { get; private set; }
    public int Regions { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Volunteers = await db.Volunteers.CountAsync(cancellationToken);
        Organizations = await db.Organizations.CountAsync(o => o.Status == OrganizationStatus.Verified, cancellationToken);
        Regions = await db.Organizations.Where(o => o.Status == OrganizationStatus.Verified).Select(o => o.RegionId).Distinct().CountAsync(cancellationToken);
    }
}
