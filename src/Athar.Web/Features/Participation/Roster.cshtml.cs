using System.Globalization;
using Athar.Core.Attendance;
using Athar.Core.Calendar;
using Athar.Data;
using Athar.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Athar.Web.Features.Participation;

/// <summary>The supervisor's roster on a phone: today's shifts, who is accepted, one tap to check in or out.</summary>
[Authorize(Policy = Policies.OrganizationWork)]
public sealed class RosterModel(StaffAccess access, ParticipationQueries queries, AtharDbContext db, RecordAttendance attendance, TimeProvider clock, IStringLocalizer<ParticipationText> t)
    : StaffPageModel(access, t)
{
    [BindProperty(SupportsGet = true)]
    public string? Date { get; set; }

    public DateOnly Day { get; private set; }
    public IReadOnlyList<ParticipationQueries.RosterShift> Shifts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await CanOperateAsync(cancellationToken))
            return NotFound();
        Day = DateOnly.TryParseExact(Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : DualDate.ToSaudiDate(clock.GetUtcNow());
        Shifts = await queries.RosterAsync(OrganizationId, Day, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid applicationId, string action, CancellationToken cancellationToken)
    {
        if (!await CanOperateAsync(cancellationToken))
            return NotFound();
        var ours = await (
                from a in db.Applications
                join o in db.Opportunities on a.OpportunityId equals o.Id
                where a.Id == applicationId && o.OrganizationId == OrganizationId
                select a.Id).AnyAsync(cancellationToken);
        if (!ours)
            return NotFound();
        var result = action == "out"
            ? await attendance.CheckOutAsync(applicationId, CheckMethod.Supervisor, User.RequiredUserId(), cancellationToken)
            : await attendance.CheckInAsync(applicationId, CheckMethod.Supervisor, User.RequiredUserId(), cancellationToken);
        if (result.Refusal is { } refusal)
        {
            Refuse(refusal);
            return await OnGetAsync(cancellationToken);
        }
        return RedirectToPage(new { Date });
    }
}
