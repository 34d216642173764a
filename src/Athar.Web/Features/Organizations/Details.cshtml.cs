using Athar.Data.Organizations;
using Athar.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Athar.Web.Features.Organizations;

/// <summary>An organisation's staff view. Another organisation's id answers 404, not 403: ids reveal nothing.</summary>
[Authorize]
public sealed class DetailsModel(OrganizationGate gate, OrganizationQueries queries) : PageModel
{
    public Organization Organization { get; private set; } = null!;
    public IReadOnlyList<OrganizationQueries.MemberRow> Members { get; private set; } = [];
    public IReadOnlyList<int> FieldIds { get; private set; } = [];
    public bool CanManage { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var (organization, access) = await gate.CheckAsync(User, id, OrganizationOperations.View, cancellationToken);
        if (organization is null || access != OutcomeKind.Done)
            return NotFound();
        Organization = organization;
        CanManage = await gate.CanAsync(User, organization, OrganizationOperations.Manage);
        Members = await queries.MembersAsync(id, cancellationToken);
        FieldIds = await queries.FieldIdsAsync(id, cancellationToken);
        return Page();
    }
}
