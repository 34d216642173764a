using Athar.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Athar.Web.Features.Organizations;

/// <summary>The organisations the signed-in person works for, with each one's status and the reason for it.</summary>
[Authorize(Policy = Policies.OrganizationStaff)]
public sealed class MineModel(OrganizationQueries queries) : PageModel
{
    public IReadOnlyList<OrganizationQueries.MineRow> Organizations { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Organizations = await queries.MineAsync(User.RequiredUserId(), cancellationToken);
}
