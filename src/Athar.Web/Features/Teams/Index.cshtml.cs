using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Athar.Web.Features.Teams;

/// <summary>The team directory: open teams of verified organisations, searchable by name, neighbourhood and city.</summary>
[Authorize]
public sealed class IndexModel(TeamQueries queries) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? RegionId { get; set; }

    public IReadOnlyList<TeamQueries.TeamCard> Teams { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (Q is { Length: > 200 })
            Q = Q[..200];
        Teams = await queries.DirectoryAsync(Q, RegionId, cancellationToken);
    }
}
