using Athar.Data.Organizations;
using Athar.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Athar.Web.Features.Opportunities;

/// <summary>
/// An organisation's own opportunities in every status, with the lifecycle actions as small POST forms
/// (post, redirect, get). Members view; admins act. Another organisation's id answers 404.
/// </summary>
[Authorize]
public sealed class OrganizationOpportunitiesModel(
    OpportunityAccess access, OpportunityQueries queries, ChangeOpportunityStatus change, OpportunityMessages messages) : PageModel
{
    public const string DoneKey = "OpportunitiesDone";
    public const string ErrorKey = "OpportunitiesError";

    public Organization Organization { get; private set; } = null!;
    public OpportunityQueries.StaffPage Opportunities { get; private set; } = new([], null);
    public bool CanManage { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid organizationId, string? cursor, CancellationToken cancellationToken)
    {
        if (await access.OrganizationAsync(User, organizationId, OrganizationOperations.View, cancellationToken) is not { } organization)
            return NotFound();
        Organization = organization;
        CanManage = await access.AllowedAsync(User, organization, OrganizationOperations.Manage);
        Opportunities = await queries.ForOrganizationAsync(organizationId, null, cursor, cancellationToken);
        return Page();
    }

    public Task<IActionResult> OnPostPublishAsync(Guid organizationId, Guid id, CancellationToken cancellationToken) =>
        ActAsync(organizationId, "Done.Published", org => change.PublishAsync(org, id, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostCloseAsync(Guid organizationId, Guid id, CancellationToken cancellationToken) =>
        ActAsync(organizationId, "Done.Closed", org => change.CloseAsync(org, id, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostCompleteAsync(Guid organizationId, Guid id, CancellationToken cancellationToken) =>
        ActAsync(organizationId, "Done.Completed", org => change.CompleteAsync(org, id, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostCancelAsync(Guid organizationId, Guid id, string? reason, CancellationToken cancellationToken) =>
        ActAsync(organizationId, "Done.Cancelled", org => change.CancelAsync(org, id, reason, User.RequiredUserId(), cancellationToken), cancellationToken);

    private async Task<IActionResult> ActAsync(Guid organizationId, string done, Func<Organization, Task<OpportunityOutcome>> act, CancellationToken cancellationToken)
    {
        if (await access.OrganizationAsync(User, organizationId, OrganizationOperations.Manage, cancellationToken) is not { } organization)
            return NotFound();
        var outcome = await act(organization);
        if (outcome.NotFound)
            return NotFound();
        if (outcome.Refusal is { } refusal)
            TempData[ErrorKey] = messages.RefusalTitle(refusal.Code);
        else if (outcome.Errors.Count > 0)
            TempData[ErrorKey] = string.Join(' ', outcome.Errors.Select(e => messages.Message(e.Code, e.Arguments)));
        else
            TempData[DoneKey] = done;
        return LocalRedirect($"/org/{organizationId}/opportunities");
    }
}
