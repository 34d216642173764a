using Athar.Core.Accounts;
using Athar.Core.Attendance;
using Athar.Core.Localization;
using Athar.Data;
using Athar.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Athar.Web.Features.Participation;

/// <summary>
/// Flagged hours for regional supervisors (their regions only) and the platform-level review queue
/// for platform admins, who alone decide hours outside the approval window.
/// </summary>
[Authorize(Policy = Policies.Oversight)]
public sealed class ReviewModel(AtharDbContext db, ReviewHours review, Data.Privacy.PersonalDataAccessLog accessLog, IStringLocalizer<ParticipationText> t) : PageModel
{
    public sealed record Row(Guid Id, string Name, LocalizedText Organization, LocalizedText Title, DateOnly Date, int AttendedMinutes, int CreditedMinutes, HoursStatus Status, HoursConcerns Concerns, Guid VolunteerId);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public bool CanDecide => User.IsInRole(Roles.PlatformAdmin);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var query = db.VolunteerHours.AsNoTracking().Where(h => h.Concerns != HoursConcerns.None || h.Status == HoursStatus.UnderReview);
        if (!User.IsInRole(Roles.PlatformAdmin))
        {
            var userId = User.RequiredUserId();
            var regions = db.RegionalAssignments.Where(a => a.UserId == userId).Select(a => a.RegionId);
            query = query.Where(h => regions.Contains(h.RegionId));
        }
        Rows = await (
                from h in query
                join u in db.Users on h.VolunteerId equals u.Id
                join o in db.Opportunities on h.OpportunityId equals o.Id
                join org in db.Organizations on h.OrganizationId equals org.Id
                orderby h.Date descending
                select new Row(h.Id, u.FullNameAr, org.Name, o.Title, h.Date, h.AttendedMinutes, h.CreditedMinutes, h.Status, h.Concerns, h.VolunteerId))
            .Take(300)
            .ToListAsync(cancellationToken);
        await accessLog.RecordAsync(User.RequiredUserId(), null, Data.Privacy.PersonalDataPurposes.HoursReview, Rows.Select(row => row.VolunteerId), cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(Guid hoursId, string decision, string? reason, CancellationToken cancellationToken)
    {
        if (!CanDecide)
            return Forbid();
        var kind = decision == "approve" ? ReviewHours.Decision.Approve : ReviewHours.Decision.Reject;
        if (await review.DecideAsync(hoursId, kind, null, reason, User.RequiredUserId(), platformReview: true, cancellationToken) is { } refusal)
        {
            ModelState.AddModelError(string.Empty, t[$"Refusal.{refusal.Code}"]);
            await OnGetAsync(cancellationToken);
            return Page();
        }
        return RedirectToPage();
    }
}
