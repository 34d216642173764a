using Athar.Core.Localization;
using Athar.Data.Programs;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Athar.Web.Features.Programs;

/// <summary>An initiative: public description, lead and partners; indicators and opportunities for its insiders.</summary>
[AllowAnonymous]
public sealed class InitiativeDetailsModel(Initiatives initiatives, ProgramAccess access, ProgramQueries queries, ScopeIndicators indicators) : PageModel
{
    public Initiative Initiative { get; private set; } = null!;
    public LocalizedText Lead { get; private set; } = null!;
    public IReadOnlyList<Initiatives.Partner> Partners { get; private set; } = [];
    public ProgressView? Progress { get; private set; }
    public IReadOnlyList<ProgramQueries.LinkedOpportunity> Opportunities { get; private set; } = [];
    public IReadOnlyList<ProgramQueries.LinkedOpportunity> Linkable { get; private set; } = [];
    public bool CanManage { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await initiatives.VisibleAsync(User, id, cancellationToken) is not { } initiative)
            return NotFound();
        Initiative = initiative;
        Lead = (await queries.OwnerNameAsync(initiative.LeadOrganizationId, cancellationToken))!;
        Partners = await initiatives.PartnersAsync(id, cancellationToken);
        CanManage = await initiatives.CanManageAsync(User, initiative, cancellationToken);
        if (await initiatives.IsInsiderAsync(User, id, initiative.LeadOrganizationId, cancellationToken))
        {
            var scope = indicators.InitiativeOpportunities(id);
            Progress = await queries.ProgressAsync(scope, initiative.StartsOn, initiative.EndsOn, initiative.Targets, exact: true, cancellationToken);
            Opportunities = await queries.OpportunitiesAsync(scope, cancellationToken);
            var members = Partners.Select(p => p.OrganizationId).Append(initiative.LeadOrganizationId).ToHashSet();
            var own = (await access.AdministeredAsync(User, cancellationToken)).Select(o => o.Id).Where(members.Contains).ToList();
            var allowed = CanManage ? members : own.ToHashSet();
            var linked = Opportunities.Select(o => o.Id).ToHashSet();
            Linkable = (await queries.OpportunitiesAsync(indicators.OpportunitiesOf(allowed), cancellationToken)).Where(o => !linked.Contains(o.Id)).ToList();
        }
        return Page();
    }

    public async Task<IActionResult> OnPostLinkAsync(Guid id, Guid opportunityId, bool unlink, CancellationToken cancellationToken)
    {
        var refusal = await initiatives.LinkAsync(User, id, opportunityId, !unlink, cancellationToken);
        if (refusal?.Code == Initiatives.NotFound)
            return NotFound();
        TempData[ProgramsText.StatusKey] = refusal is null ? (unlink ? "Programs.Unlinked" : "Initiatives.Linked") : "Refusal." + refusal.Code;
        return Redirect($"/initiatives/{id}");
    }
}
