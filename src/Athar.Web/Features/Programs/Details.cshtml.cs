using Athar.Core.Localization;
using Athar.Data.Programs;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Athar.Web.Features.Programs;

/// <summary>A program: what it is, its tracks, live progress against its targets, and its opportunities (linked here by their organisations).</summary>
[AllowAnonymous]
public sealed class DetailsModel(ProgramAccess access, ProgramQueries queries, ScopeIndicators indicators, LinkOpportunity link) : PageModel
{
    public VolunteerProgram Program { get; private set; } = null!;
    public LocalizedText? Owner { get; private set; }
    public ProgressView Progress { get; private set; } = null!;
    public IReadOnlyList<ProgramQueries.LinkedOpportunity> Opportunities { get; private set; } = [];
    public IReadOnlyList<ProgramQueries.LinkedOpportunity> Linkable { get; private set; } = [];
    public bool CanManage { get; private set; }
    public HashSet<Guid> Unlinkable { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await access.VisibleProgramAsync(User, id, cancellationToken) is not { } program)
            return NotFound();
        Program = program;
        Owner = await queries.OwnerNameAsync(program.OrganizationId, cancellationToken);
        CanManage = await access.CanManageAsync(User, program.OrganizationId, cancellationToken);
        Progress = await queries.ProgressAsync(indicators.ProgramOpportunities(id), program.StartsOn, program.EndsOn, program.Targets, CanManage, cancellationToken);
        Opportunities = await queries.OpportunitiesAsync(indicators.ProgramOpportunities(id), cancellationToken);
        if (User.Identity?.IsAuthenticated == true)
        {
            Linkable = await queries.LinkableAsync(User, program, cancellationToken);
            var own = (await access.AdministeredAsync(User, cancellationToken)).Select(o => o.Id).ToHashSet();
            Unlinkable = Opportunities.Where(o => CanManage || own.Contains(o.OrganizationId)).Select(o => o.Id).ToHashSet();
        }
        return Page();
    }

    public async Task<IActionResult> OnPostLinkAsync(Guid id, Guid opportunityId, CancellationToken cancellationToken)
    {
        var refusal = await link.LinkAsync(User, id, opportunityId, cancellationToken);
        if (refusal?.Code == LinkOpportunity.NotFound)
            return NotFound();
        TempData[ProgramsText.StatusKey] = refusal is null ? "Programs.Linked" : "Refusal." + refusal.Code;
        return Redirect($"/programs/{id}");
    }

    public async Task<IActionResult> OnPostUnlinkAsync(Guid id, Guid opportunityId, CancellationToken cancellationToken)
    {
        if (await link.UnlinkAsync(User, id, opportunityId, cancellationToken) is not null)
            return NotFound();
        TempData[ProgramsText.StatusKey] = "Programs.Unlinked";
        return Redirect($"/programs/{id}");
    }
}
