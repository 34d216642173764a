using Athar.Core.Applications;
using Athar.Core.Localization;
using Athar.Data;
using Athar.Web.Localization;
using Athar.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Athar.Web.Features.Participation;

/// <summary>Where the phone lands after scanning the site's code: one tap confirms (a GET never changes anything).</summary>
[Authorize(Policy = Policies.Volunteer)]
public sealed class CheckInModel(AtharDbContext db, CheckInCodes codes, RecordAttendance attendance, IStringLocalizer<ParticipationText> t) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    public LocalizedText? Title { get; private set; }
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid shiftId, CancellationToken cancellationToken)
    {
        Title = await db.Shifts.Where(s => s.Id == shiftId).Join(db.Opportunities, s => s.OpportunityId, o => o.Id, (_, o) => o.Title).FirstOrDefaultAsync(cancellationToken);
        return Title is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid shiftId, CancellationToken cancellationToken)
    {
        await OnGetAsync(shiftId, cancellationToken);
        if (Title is null)
            return NotFound();
        var userId = User.RequiredUserId();
        var application = await db.Applications.AsNoTracking().FirstOrDefaultAsync(a => a.ShiftId == shiftId && a.VolunteerId == userId && a.Status == ApplicationStatus.Accepted, cancellationToken);
        if (application is null)
        {
            ModelState.AddModelError(string.Empty, t["CheckIn.NotYours"]);
            return Page();
        }
        if (!await codes.IsValidAsync(shiftId, Code))
        {
            ModelState.AddModelError(string.Empty, t["Refusal.code-invalid"]);
            return Page();
        }
        var result = await attendance.ScanAsync(application.Id, userId, cancellationToken);
        if (result.Refusal is { } refusal)
        {
            ModelState.AddModelError(string.Empty, t[$"Refusal.{refusal.Code}"]);
            return Page();
        }
        Message = result.Attendance!.CheckOutAt is null ? t["CheckIn.In"] : t["CheckIn.Out", Display.Digits((result.Hours?.CreditedMinutes ?? 0).ToString(System.Globalization.CultureInfo.InvariantCulture))];
        return Page();
    }
}
