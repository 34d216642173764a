using Athar.Core.Organizations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Athar.Web.Features.Organizations;

/// <summary>What the review partial shows: the organisations and, after a refused decision, which row it was about and why.</summary>
public sealed record ReviewList(IReadOnlyList<OrganizationQueries.ReviewRow> Rows, bool ShowRegion, Guid? ErrorFor = null, string? Error = null, string? Reason = null);

/// <summary>
/// The verification actions shared by the platform admin's page (/admin/organizations) and the regional supervisor's
/// (/region): both post the same form to their own page, which calls the same use case as the API.
/// </summary>
public abstract class ReviewPageModel(ChangeOrganizationStatus change, OrganizationsMessages messages) : PageModel
{
    public ReviewList List { get; protected set; } = new([], false);

    protected OrganizationsMessages Messages { get; } = messages;

    protected abstract Task LoadAsync(CancellationToken cancellationToken);

    public async Task<IActionResult> OnPostDecideAsync(Guid id, OrganizationDecision decision, string? reason, CancellationToken cancellationToken)
    {
        var outcome = await change.DecideAsync(User, id, decision, reason, cancellationToken);
        switch (outcome.Kind)
        {
            case OutcomeKind.Done:
                TempData["OrgMessage"] = $"Decision.Done.{decision}";
                return RedirectToPage();
            case OutcomeKind.NotFound:
                return NotFound();
            case OutcomeKind.Forbidden:
                return Forbid();
        }
        await LoadAsync(cancellationToken);
        List = List with { ErrorFor = id, Error = Messages.Describe(outcome), Reason = reason };
        return Page();
    }
}
