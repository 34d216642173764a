using Athar.Core.Attendance;
using Athar.Core.Audit;
using Athar.Core.Calendar;
using Athar.Core.Common;
using Athar.Data;
using Athar.Data.Audit;
using Athar.Data.Infrastructure;
using Athar.Data.Participation;
using Athar.Web.Features.Licensing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Athar.Web.Features.Participation;

/// <summary>
/// The organisation's supervisor approves, adjusts (down, with a reason) or rejects computed hours.
/// Only approved hours are verified. Each decision is conditional on the state read, so a double
/// click or a retry changes nothing the second time; every change is audited. Newly verified hours
/// may complete a licence's rules (team leadership needs a minimum of them), so approval re-evaluates.
/// </summary>
public sealed class ReviewHours(AtharDbContext db, AuditTrail audit, Notifier notifier, LicenseIssuer licenses, Recognition.Recognizer recognition, IOptions<HoursPolicy> policy, TimeProvider clock, ILogger<ReviewHours> logger)
{
    public enum Decision
    {
        Approve,
        Adjust,
        Reject,
    }

    /// <param name="platformReview">True when a platform admin reviews hours outside the approval window.</param>
    public async Task<Refusal?> DecideAsync(Guid hoursId, Decision decision, int? minutes, string? reason, Guid actorId, bool platformReview, CancellationToken cancellationToken = default)
    {
        var hours = await db.VolunteerHours.AsNoTracking().FirstOrDefaultAsync(h => h.Id == hoursId, cancellationToken);
        if (hours is null)
            return new Refusal("not-found");
        var target = decision == Decision.Reject ? HoursStatus.Rejected : HoursStatus.Approved;
        var newMinutes = decision == Decision.Adjust ? minutes ?? -1 : hours.CreditedMinutes;

        // A repeated decision (double click, retry) is a no-op, not an error.
        if (hours.Status == target && (decision != Decision.Adjust || hours.CreditedMinutes == newMinutes))
            return null;
        if (hours.Status == HoursStatus.Rejected || (hours.Status == HoursStatus.Approved && decision != Decision.Adjust))
            return new Refusal("hours-already-decided");
        if (hours.Status == HoursStatus.UnderReview && !platformReview)
            return new Refusal("hours-need-platform-review");

        var now = clock.GetUtcNow();
        if (!platformReview && HoursRules.IsOutsideApprovalWindow(hours.Date, DualDate.ToSaudiDate(now), policy.Value))
            return new Refusal("approval-window-passed");

        reason = reason?.Trim();
        if (reason is { Length: > 500 } || (reason is not null && TextRules.HasMarkupOrControl(reason)))
            return new Refusal("reason-invalid");
        if (decision == Decision.Reject && string.IsNullOrEmpty(reason))
            return new Refusal("reason-required");
        if (decision == Decision.Adjust && HoursRules.CheckAdjustment(hours.AttendedMinutes, newMinutes, reason) is { } adjustmentRefusal)
            return new Refusal(adjustmentRefusal);

        var concerns = hours.Concerns;
        if (target == HoursStatus.Approved)
        {
            var hourAgo = now.AddHours(-1);
            var recentApprovals = await db.HoursAudit.CountAsync(a => a.ActorId == actorId && a.Action == "approved" && a.At >= hourAgo, cancellationToken);
            if (recentApprovals >= policy.Value.MassApprovalPerHour)
                concerns |= HoursConcerns.MassApproval;
            if (newMinutes > hours.AttendedMinutes)
                concerns |= HoursConcerns.ApprovedExceedsAttendance;
        }

        // A retried attempt starts clean: the audit rows and notification a failed attempt added are not added twice.
        var decided = await db.ExecuteOnceAsync(AttemptStart.ClearTracker, async _ =>
        {
            var changed = await db.VolunteerHours
                .Where(h => h.Id == hoursId && h.Status == hours.Status && h.CreditedMinutes == hours.CreditedMinutes)
                .ExecuteUpdateAsync(h => h
                    .SetProperty(x => x.Status, target)
                    .SetProperty(x => x.CreditedMinutes, newMinutes)
                    .SetProperty(x => x.Concerns, concerns)
                    .SetProperty(x => x.Reason, reason)
                    .SetProperty(x => x.DecidedAt, now)
                    .SetProperty(x => x.DecidedBy, actorId), cancellationToken);
            if (changed == 0)
                return false; // Someone made the same decision a moment earlier.
            db.HoursAudit.Add(new HoursAuditEntry
            {
                HoursId = hoursId,
                ActorId = actorId,
                At = now,
                Action = decision switch { Decision.Approve => "approved", Decision.Adjust => "adjusted", _ => "rejected" },
                StatusBefore = hours.Status,
                StatusAfter = target,
                MinutesBefore = hours.CreditedMinutes,
                MinutesAfter = newMinutes,
                Reason = reason,
            });
            audit.Record(decision switch { Decision.Approve => AuditActions.HoursApproved, Decision.Adjust => AuditActions.HoursAdjusted, _ => AuditActions.HoursRejected },
                "VolunteerHours", hoursId, actorId, hours.OrganizationId, hours.VolunteerId,
                AuditTrail.Detail(("from", hours.Status), ("to", target), ("minutesBefore", hours.CreditedMinutes), ("minutesAfter", newMinutes), ("platform", platformReview ? "yes" : null)));
            if (target == HoursStatus.Approved)
            {
                var title = await db.Opportunities.Where(o => o.Id == hours.OpportunityId).Select(o => o.Title).FirstAsync(cancellationToken);
                await notifier.NotifyAsync(hours.VolunteerId, "HoursApproved", "/record", Notifier.Bilingual(title), (newMinutes / 60m).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture));
            }
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }, cancellationToken);
        if (decided)
            await EvaluateAfterDecisionAsync(hours.VolunteerId, target == HoursStatus.Approved, cancellationToken);
        return null;
    }

    // After the commit, not inside the decision's transaction: the issuer counts the hours just
    // verified, and it settles a racing issuance by catching the unique (holder, level) violation,
    // which in PostgreSQL would abort an enclosing transaction and take the approval with it. The
    // approval is the record that matters; a licence missed here is issued the next time the holder
    // opens their licences, since evaluation is idempotent.
    // Badges follow the licences (a licence issued here earns the first-licence badge); both are idempotent.
    private async Task EvaluateAfterDecisionAsync(Guid volunteerId, bool approved, CancellationToken cancellationToken)
    {
        try
        {
            if (approved)
                await licenses.EvaluateAsync(volunteerId, cancellationToken);
            await recognition.EvaluateAsync(volunteerId, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            db.ChangeTracker.Clear();
            logger.LogError(ex, "Licence or badge evaluation after a hours decision failed for {VolunteerId}", volunteerId);
        }
    }
}
