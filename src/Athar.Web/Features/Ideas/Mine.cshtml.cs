using Athar.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Athar.Web.Features.Ideas;

/// <summary>The volunteer's own ideas with their status and, when declined, the organisation's reason.</summary>
[Authorize(Policy = Policies.Volunteer)]
public sealed class MineModel(IdeaQueries queries) : PageModel
{
    public IReadOnlyList<IdeaQueries.IdeaRow> Ideas { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Ideas = await queries.MineAsync(User.RequiredUserId(), cancellationToken);
}
