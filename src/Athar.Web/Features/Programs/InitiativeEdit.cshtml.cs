using Athar.Web.Infrastructure;
using Athar.Web.Localization;
using Athar.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Athar.Web.Features.Programs;

/// <summary>Creates or edits an initiative: its fields, period, targets and partners with their roles.</summary>
[Authorize]
public sealed class InitiativeEditModel(Initiatives initiatives, ProgramAccess access, IStringLocalizer<ProgramsText> t, IStringLocalizer<SharedResource> shared) : PageModel
{
    public const int PartnerRows = 5;

    [BindProperty]
    public InitiativeBody Input { get; set; } = new();

    public Guid? InitiativeId { get; private set; }
    public IReadOnlyList<ProgramAccess.OwnOrganization> Leads { get; private set; } = [];
    public IReadOnlyList<ProgramAccess.OwnOrganization> Organizations { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken cancellationToken)
    {
        if (id is { } existing)
        {
            if (await initiatives.ManagedAsync(User, existing, cancellationToken) is not { } i)
                return NotFound();
            InitiativeId = i.Id;
            Input.LeadOrganizationId = i.LeadOrganizationId;
            Input.Load(i);
            Input.Partners = (await initiatives.PartnersAsync(i.Id, cancellationToken)).Select(p => new PartnerInput { OrganizationId = p.OrganizationId, Role = p.Role }).ToList();
        }
        return await PrepareAsync(cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken cancellationToken)
    {
        Guid lead;
        if (id is { } existing)
        {
            if (await initiatives.ManagedAsync(User, existing, cancellationToken) is not { } i)
                return NotFound();
            (InitiativeId, lead) = (i.Id, i.LeadOrganizationId);
        }
        else if (Input.LeadOrganizationId is not { } chosen || !await access.CanManageAsync(User, chosen, cancellationToken))
        {
            return NotFound();
        }
        else
        {
            lead = chosen;
        }
        var (saved, errors) = ModelState.IsValid
            ? await initiatives.SaveAsync(id, Input, lead, User.RequiredUserId(), cancellationToken)
            : (null, Core.Programs.ProgramRules.Validate(Input).Errors);
        if (saved is null)
        {
            ModelState.AddFieldErrors(errors, t, shared);
            await PrepareAsync(cancellationToken);
            return Page();
        }
        TempData[ProgramsText.StatusKey] = "Initiatives.Saved";
        return Redirect($"/initiatives/{saved}");
    }

    private async Task<bool> PrepareAsync(CancellationToken cancellationToken)
    {
        Leads = await access.AdministeredAsync(User, cancellationToken);
        if (InitiativeId is null && Leads.Count == 0)
            return false;
        Organizations = await initiatives.VerifiedOrganizationsAsync(cancellationToken);
        while (Input.Partners.Count < PartnerRows)
            Input.Partners.Add(new PartnerInput());
        return true;
    }
}
