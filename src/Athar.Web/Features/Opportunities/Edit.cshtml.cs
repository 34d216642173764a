using Athar.Core.Opportunities;
using Athar.Data.Organizations;
using Athar.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Athar.Web.Features.Opportunities;

/// <summary>Edits an opportunity; the use case refuses changes that would strand accepted volunteers, and the form says which shift.</summary>
[Authorize]
public sealed class EditModel(OpportunityAccess access, OpportunityQueries queries, SaveOpportunity save, OpportunityMessages messages) : OpportunityFormPage(messages)
{
    public Organization Organization { get; private set; } = null!;
    public OpportunityQueries.Detail Opportunity { get; private set; } = null!;

    public override bool IsNew => false;

    public override string BackUrl => $"/org/{Organization.Id}/opportunities";

    public bool IsEditable => OpportunityLifecycle.IsEditable(Opportunity.Status);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
            return NotFound();
        Input = OpportunityQueries.ToInput(Opportunity);
        PadShiftRows();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
            return NotFound();
        var (input, rows) = Submitted();
        if (!ModelState.IsValid)
        {
            ShowBindingErrors(save.Check(input), rows);
            PadShiftRows();
            return Page();
        }
        var outcome = await save.UpdateAsync(Organization, id, input, cancellationToken);
        if (outcome.NotFound)
            return NotFound();
        if (!outcome.Succeeded)
        {
            ShowErrors(outcome, rows);
            PadShiftRows();
            return Page();
        }
        TempData[OrganizationOpportunitiesModel.DoneKey] = "Done.Saved";
        return LocalRedirect($"/org/{Organization.Id}/opportunities");
    }

    public async Task<IActionResult> OnPostAddRowsAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
            return NotFound();
        ModelState.Clear();
        PadShiftRows(BlankRows);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await access.OwnerAsync(User, id, OrganizationOperations.Manage, cancellationToken) is not { } organization
            || await queries.DetailAsync(id, User, cancellationToken) is not { } detail)
            return false;
        Organization = organization;
        Opportunity = detail;
        return true;
    }
}
