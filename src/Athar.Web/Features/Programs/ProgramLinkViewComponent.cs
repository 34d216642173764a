using Athar.Core.Localization;
using Athar.Core.Programs;
using Athar.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Athar.Web.Features.Programs;

/// <summary>The program choice on the opportunity's edit page: the active programs that accept this opportunity.</summary>
public sealed class ProgramLinkViewComponent(AtharDbContext db) : ViewComponent
{
    public sealed record Choice(Guid Id, LocalizedText Title);

    public sealed record Model(Guid OpportunityId, Guid? Current, IReadOnlyList<Choice> Programs);

    public async Task<IViewComponentResult> InvokeAsync(Guid opportunityId, Guid organizationId)
    {
        var current = await db.Opportunities.Where(o => o.Id == opportunityId).Select(o => o.ProgramId).FirstOrDefaultAsync();
        var programs = await db.Programs.AsNoTracking()
            .Where(p => p.Id == current || p.Status == ProgramStatus.Active && (p.OrganizationId == null || p.OrganizationId == organizationId))
            .OrderBy(p => p.OrganizationId == null).ThenByDescending(p => p.StartsOn)
            .Select(p => new Choice(p.Id, p.Title))
            .ToListAsync();
        return View("/Features/Programs/_ProgramLink.cshtml", new Model(opportunityId, current, programs));
    }
}
