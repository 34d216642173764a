using Athar.Data.Organizations;
using Athar.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Athar.Web.Features.Opportunities;

/// <summary>A new opportunity, saved as a draft, by staff who manage the organisation.</summary>
[Authorize]
public sealed class CreateModel(OpportunityAccess access, SaveOpportunity save, OpportunityMessages messages) : OpportunityFormPage(messages)
{
    public Organization Organization { get; private set; } = null!;

    public override bool IsNew => true;

    public override string BackUrl => $"/org/{Organization.Id}/opportunities";

    public async Task<IActionResult> OnGetAsync(Guid organizationId, CancellationToken cancellationToken)
    {
        if (await access.OrganizationAsync(User, organizationId, OrganizationOperations.Manage, cancellationToken) is not { } organization)
            return NotFound();
        Organization = organization;
        Input.RegionId = organization.RegionId;
        Input.CityId = organization.CityId;
        PadShiftRows();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid organizationId, CancellationToken cancellationToken)
    {
        if (await access.OrganizationAsync(User, organizationId, OrganizationOperations.Manage, cancellationToken) is not { } organization)
            return NotFound();
        Organization = organization;
        var (input, rows) = Submitted();
        if (!ModelState.IsValid)
        {
            ShowBindingErrors(save.Check(input), rows);
            PadShiftRows();
            return Page();
        }
        var outcome = await save.CreateAsync(organization, input, cancellationToken);
        if (!outcome.Succeeded)
        {
            ShowErrors(outcome, rows);
            PadShiftRows();
            return Page();
        }
        TempData[OrganizationOpportunitiesModel.DoneKey] = "Done.Created";
        return LocalRedirect($"/org/{organizationId}/opportunities");
    }

    public async Task<IActionResult> OnPostAddRowsAsync(Guid organizationId, CancellationToken cancellationToken)
    {
        if (await access.OrganizationAsync(User, organizationId, OrganizationOperations.Manage, cancellationToken) is not { } organization)
            return NotFound();
        Organization = organization;
        ModelState.Clear();
        PadShiftRows(BlankRows);
        return Page();
    }
}
