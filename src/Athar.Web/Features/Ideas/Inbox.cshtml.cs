using Athar.Core.Localization;
using Athar.Core.Recognition;
using Athar.Web.Features.Organizations;
using Athar.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Athar.Web.Features.Ideas;

/// <summary>The ideas addressed to one organisation, for its staff; another organisation's id answers 404.</summary>
[Authorize(Policy = Policies.OrganizationWork)]
public sealed class InboxModel(OrganizationGate gate, IdeaQueries queries) : PageModel
{
    public Guid OrganizationId { get; private set; }
    public LocalizedText OrganizationName { get; private set; } = null!;
    public IdeaStatus? Status { get; private set; }
    public IReadOnlyList<IdeaQueries.IdeaRow> Ideas { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid organizationId, IdeaStatus? status, CancellationToken cancellationToken)
    {
        var (organization, access) = await gate.CheckAsync(User, organizationId, OrganizationOperations.View, cancellationToken);
        if (organization is null || access != OutcomeKind.Done)
            return NotFound();
        (OrganizationId, OrganizationName, Status) = (organization.Id, organization.Name, status);
        Ideas = await queries.InboxAsync(organization.Id, status, cancellationToken);
        return Page();
    }
}
