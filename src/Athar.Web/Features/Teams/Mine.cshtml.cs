using Microsoft.AspNetCore.Authorization;
using Athar.Web.Security;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Athar.Web.Features.Teams;

/// <summary>The signed-in person's teams, with invitations to answer and requests waiting.</summary>
[Authorize]
public sealed class MineModel(TeamQueries queries) : PageModel
{
    public IReadOnlyList<TeamQueries.MyTeam> Teams { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Teams = await queries.MineAsync(User.RequiredUserId(), cancellationToken);
}
