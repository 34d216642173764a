using Athar.Core.Applications;
using Athar.Data;
using Athar.Data.Privacy;
using Athar.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Athar.Web.Features.Participation;

[Authorize(Policy = Policies.OrganizationWork)]
public sealed class ApplicantsModel(StaffAccess access, ParticipationQueries queries, AtharDbContext db, DecideApplication decide, MessageVolunteers messages, PersonalDataAccessLog accessLog, IStringLocalizer<ParticipationText> t)
    : StaffPageModel(access, t)
{
    public IReadOnlyList<ParticipationQueries.Applicant> Applicants { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await CanOperateAsync(cancellationToken))
            return NotFound();
        Applicants = await queries.ApplicantsAsync(OrganizationId, [ApplicationStatus.Pending, ApplicationStatus.Waitlisted, ApplicationStatus.Accepted], cancellationToken);
        await accessLog.RecordAsync(User.RequiredUserId(), OrganizationId, PersonalDataPurposes.Applicants, Applicants.Select(a => a.VolunteerId), cancellationToken);
        return Page();
    }

    public string? Sent { get; private set; }

    /// <summary>Writes to the accepted volunteers of one opportunity.</summary>
    public async Task<IActionResult> OnPostMessageAsync(Guid opportunityId, string? text, CancellationToken cancellationToken)
    {
        if (!await CanOperateAsync(cancellationToken) || !await db.Opportunities.AnyAsync(o => o.Id == opportunityId && o.OrganizationId == OrganizationId, cancellationToken))
            return NotFound();
        var (sent, refusal) = await messages.SendAsync(opportunityId, null, text, cancellationToken);
        if (refusal is not null)
            Refuse(refusal);
        else
            Sent = T["Staff.MessageSent", sent];
        return await OnGetAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(Guid applicationId, string decision, string? reason, CancellationToken cancellationToken)
    {
        if (!await CanOperateAsync(cancellationToken))
            return NotFound();
        var application = await (
                from a in db.Applications.AsNoTracking()
                join o in db.Opportunities on a.OpportunityId equals o.Id
                where a.Id == applicationId && o.OrganizationId == OrganizationId
                select a)
            .FirstOrDefaultAsync(cancellationToken);
        if (application is null)
            return NotFound();
        DecideApplication.Decision? kind = decision switch
        {
            "accept" => DecideApplication.Decision.Accept,
            "reject" => DecideApplication.Decision.Reject,
            "waitlist" => DecideApplication.Decision.Waitlist,
            "cancel" => DecideApplication.Decision.Cancel,
            _ => null,
        };
        if (kind is null)
            return BadRequest();
        if (await decide.DecideAsync(application, kind.Value, reason, User.RequiredUserId(), cancellationToken) is { } refusal)
        {
            Refuse(refusal);
            return await OnGetAsync(cancellationToken);
        }
        TempData["Status"] = "Participation.Saved";
        return RedirectToPage();
    }
}
