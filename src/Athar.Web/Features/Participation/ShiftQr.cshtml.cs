using Athar.Core.Localization;
using Athar.Data;
using Athar.Web.Infrastructure;
using Athar.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Athar.Web.Features.Participation;

/// <summary>The code shown on a screen at the site; the page reloads itself before the code expires.</summary>
[Authorize(Policy = Policies.OrganizationWork)]
public sealed class ShiftQrModel(StaffAccess access, CheckInCodes codes, PublicUrls urls, AtharDbContext db) : PageModel
{
    public string Image { get; private set; } = string.Empty;
    public string Code { get; private set; } = string.Empty;
    public DateTimeOffset ExpiresAt { get; private set; }
    public LocalizedText Title { get; private set; } = null!;
    public int RefreshSeconds { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid shiftId, CancellationToken cancellationToken)
    {
        if (!await access.CanOperateShiftAsync(User, shiftId, cancellationToken))
            return NotFound();
        Title = await db.Shifts.Where(s => s.Id == shiftId).Join(db.Opportunities, s => s.OpportunityId, o => o.Id, (_, o) => o.Title).FirstAsync(cancellationToken);
        Code = await codes.IssueAsync(shiftId);
        ExpiresAt = await codes.ExpiresAtAsync();
        Image = QrImage.DataUri(urls.Absolute($"/check-in/{shiftId}?code={Code}"));
        RefreshSeconds = 30;
        return Page();
    }
}
