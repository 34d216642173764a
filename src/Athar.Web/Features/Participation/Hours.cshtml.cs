using Athar.Core.Attendance;
using Athar.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Athar.Web.Features.Participation;

[Authorize(Policy = Policies.OrganizationWork)]
public sealed class HoursModel(StaffAccess access, ParticipationQueries queries, ReviewHours review, IStringLocalizer<ParticipationText> t) : StaffPageModel(access, t)
{
    private readonly StaffAccess _access = access;

    public IReadOnlyList<ParticipationQueries.HoursRow> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await CanOperateAsync(cancellationToken))
            return NotFound();
        Rows = await queries.HoursAsync(OrganizationId, [HoursStatus.Pending, HoursStatus.UnderReview], cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid hoursId, string decision, int? minutes, string? reason, CancellationToken cancellationToken)
    {
        if (!await CanOperateAsync(cancellationToken) || await _access.OrganizationOfHoursAsync(hoursId, cancellationToken) != OrganizationId)
            return NotFound();
        ReviewHours.Decision? kind = decision switch
        {
            "approve" => ReviewHours.Decision.Approve,
            "adjust" => ReviewHours.Decision.Adjust,
            "reject" => ReviewHours.Decision.Reject,
            _ => null,
        };
        if (kind is null)
            return BadRequest();
        var refusal = await review.DecideAsync(hoursId, kind.Value, minutes, reason, User.RequiredUserId(), User.IsInRole(Core.Accounts.Roles.PlatformAdmin), cancellationToken);
        if (refusal is not null)
        {
            Refuse(refusal);
            return await OnGetAsync(cancellationToken);
        }
        TempData["Status"] = "Participation.Saved";
        return RedirectToPage();
    }
}
