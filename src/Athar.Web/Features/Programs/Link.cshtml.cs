using Athar.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Athar.Web.Features.Programs;

/// <summary>The program choice posted from an opportunity's edit page: link to the chosen program, or unlink.</summary>
[Authorize]
public sealed class LinkModel(AtharDbContext db, LinkOpportunity link) : PageModel
{
    public IActionResult OnGet() => NotFound();

    public async Task<IActionResult> OnPostAsync(Guid opportunityId, Guid? programId, CancellationToken cancellationToken)
    {
        var current = await db.Opportunities.Where(o => o.Id == opportunityId).Select(o => new { o.ProgramId }).FirstOrDefaultAsync(cancellationToken);
        if (current is null)
            return NotFound();
        var refusal = programId is { } id
            ? await link.LinkAsync(User, id, opportunityId, cancellationToken)
            : current.ProgramId is { } old ? await link.UnlinkAsync(User, old, opportunityId, cancellationToken) : null;
        if (refusal?.Code == LinkOpportunity.NotFound)
            return NotFound();
        TempData[ProgramsText.StatusKey] = refusal is null ? (programId is null ? "Programs.Unlinked" : "Programs.Linked") : "Refusal." + refusal.Code;
        return programId is { } shown ? Redirect($"/programs/{shown}") : Redirect($"/opportunities/{opportunityId}/edit");
    }
}
