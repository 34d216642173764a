using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Athar.Web.Features.Opportunities;

/// <summary>An opportunity's public page; drafts and hidden ones only for the organisation's staff (else 404).</summary>
[AllowAnonymous]
public sealed class DetailsModel(OpportunityQueries queries) : PageModel
{
    public OpportunityQueries.Detail Opportunity { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await queries.DetailAsync(id, User, cancellationToken) is not { } detail)
            return NotFound();
        Opportunity = detail;
        return Page();
    }
}
