using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Athar.Web.Features.Organizations;

/// <summary>A verified organisation's public page; any other organisation is "not found". Never lists its staff.</summary>
[AllowAnonymous]
public sealed class ProfileModel(OrganizationQueries queries) : PageModel
{
    public OrganizationQueries.PublicProfile Profile { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await queries.PublicProfileAsync(id, cancellationToken) is not { } profile)
            return NotFound();
        Profile = profile;
        return Page();
    }
}
