using Athar.Core.Teams;
using Athar.Data.Organizations;
using Athar.Web.Features.Organizations;
using Athar.Web.Infrastructure;
using Athar.Web.Localization;
using Athar.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Athar.Web.Features.Teams;

/// <summary>The organisation's teams for its staff: leaders and their licence status, members and waiting requests; admins create teams here.</summary>
[Authorize(Policy = Policies.OrganizationWork)]
public sealed class OrganizationModel(OrganizationGate gate, TeamQueries queries, ManageTeam manage, IStringLocalizer<TeamsText> t, IStringLocalizer<SharedResource> shared) : PageModel
{
    public Organization Organization { get; private set; } = null!;

    public bool CanManage { get; private set; }

    public IReadOnlyList<TeamQueries.OrganizationTeam> Teams { get; private set; } = [];

    [BindProperty]
    public TeamInput Input { get; set; } = new();

    [BindProperty]
    public string? LeaderEmail { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
            return NotFound();
        Input.RegionId = Organization.RegionId;
        Input.CityId = Organization.CityId;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var outcome = await manage.CreateAsync(User, id, Input, LeaderEmail, cancellationToken);
        switch (outcome.Kind)
        {
            case OutcomeKind.Done:
                TempData["TeamsStatus"] = "Status.Created";
                return LocalRedirect($"/teams/{outcome.Id}");
            case OutcomeKind.NotFound:
                return NotFound();
            case OutcomeKind.Forbidden:
                return Forbid();
            case OutcomeKind.Invalid:
                ModelState.Clear();
                foreach (var error in outcome.Refusal!.Errors!)
                    ModelState.AddModelError(error.Field == "LeaderEmail" ? nameof(LeaderEmail) : $"{nameof(Input)}.{error.Field}", ApiProblems.Message(t, shared, error));
                break;
            default:
                ModelState.AddModelError(string.Empty, t[$"Refusal.{outcome.Refusal!.Code}"]);
                break;
        }
        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var (organization, access) = await gate.CheckAsync(User, id, OrganizationOperations.View, cancellationToken);
        if (organization is null || access != OutcomeKind.Done)
            return false;
        Organization = organization;
        CanManage = await gate.CanAsync(User, organization, OrganizationOperations.Manage);
        Teams = await queries.ForOrganizationAsync(id, cancellationToken);
        return true;
    }
}
