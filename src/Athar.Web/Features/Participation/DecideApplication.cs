using Athar.Core.Applications;
using Athar.Core.Common;
using Athar.Data;
using Athar.Data.Infrastructure;
using Athar.Data.Participation;
using Athar.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Athar.Web.Features.Participation;

/// <summary>The organisation's decisions on an application, and the volunteer's withdrawal.</summary>
public sealed class DecideApplication(AtharDbContext db, Seats seats, Notifier notifier, TimeProvider clock)
{
    public enum Decision
    {
        Accept,
        Reject,
        Waitlist,
        Cancel,
    }

    public async Task<Refusal?> DecideAsync(Application application, Decision decision, string? reason, Guid actorId, CancellationToken cancellationToken = default)
    {
        var from = application.Status;
        var allowed = (decision, from) switch
        {
            (Decision.Accept, ApplicationStatus.Pending or ApplicationStatus.Waitlisted) => true,
            (Decision.Reject, ApplicationStatus.Pending or ApplicationStatus.Waitlisted) => true,
            (Decision.Waitlist, ApplicationStatus.Pending) => true,
            (Decision.Cancel, ApplicationStatus.Accepted) => true,
            _ => false,
        };
        if (!allowed)
            return from == Target(decision) ? null : new Refusal("application-state-changed");
        reason = reason?.Trim();
        if (decision is Decision.Reject or Decision.Cancel && string.IsNullOrEmpty(reason))
            return new Refusal("reason-required");
        if (reason is { Length: > 500 } || (reason is not null && TextRules.HasMarkupOrControl(reason)))
            return new Refusal("reason-invalid");

        var now = clock.GetUtcNow();
        return await db.ExecuteOnceAsync(AttemptStart.ForgetAdded, async _ =>
        {
            if (decision == Decision.Accept && !await seats.TryClaimAsync(application.ShiftId, cancellationToken))
                return new Refusal("no-seats-left");

            // Conditional on the state we read: a concurrent decision on the same application wins once.
            var changed = await db.Applications
                .Where(a => a.Id == application.Id && a.Status == from)
                .ExecuteUpdateAsync(a => a
                    .SetProperty(x => x.Status, Target(decision))
                    .SetProperty(x => x.Reason, reason)
                    .SetProperty(x => x.DecidedAt, now)
                    .SetProperty(x => x.DecidedBy, actorId), cancellationToken);
            if (changed == 0)
            {
                await db.Database.RollbackTransactionAsync(cancellationToken);
                return new Refusal("application-state-changed");
            }
            if (decision == Decision.Cancel)
            {
                await seats.ReleaseAsync(application.ShiftId, cancellationToken);
                await seats.PromoteFromWaitlistAsync(application.ShiftId, application.OpportunityId, cancellationToken);
            }

            var title = await db.Opportunities.Where(o => o.Id == application.OpportunityId).Select(o => o.Title).FirstAsync(cancellationToken);
            var kind = decision switch
            {
                Decision.Accept => "ApplicationAccepted",
                Decision.Reject => "ApplicationRejected",
                Decision.Waitlist => "ApplicationWaitlisted",
                _ => "ApplicationCancelled",
            };
            await notifier.NotifyAsync(application.VolunteerId, kind, "/me/applications", Notifier.Bilingual(title), reason ?? string.Empty);
            await db.SaveChangesAsync(cancellationToken);
            return (Refusal?)null;
        }, cancellationToken);
    }

    /// <summary>
    /// The volunteer's own application, for their withdrawal from the page or the API: someone else's answers null like
    /// an unknown id, and is logged (<see cref="OwnedObjectRefusals"/>).
    /// </summary>
    public async Task<Application?> OwnApplicationAsync(HttpContext http, Guid volunteerId, Guid applicationId, CancellationToken cancellationToken = default)
    {
        var application = await db.Applications.AsNoTracking().FirstOrDefaultAsync(a => a.Id == applicationId && a.VolunteerId == volunteerId, cancellationToken);
        if (application is null)
            await http.LogIfSomeoneElsesAsync(db.Applications.Where(a => a.Id == applicationId), nameof(Application), applicationId, "Withdraw", cancellationToken);
        return application;
    }

    /// <summary>The volunteer withdraws; a seat they held goes to the first on the waitlist.</summary>
    public async Task<Refusal?> WithdrawAsync(Application application, CancellationToken cancellationToken = default)
    {
        if (application.Status == ApplicationStatus.Withdrawn)
            return null;
        if (!ApplicationStates.IsActive(application.Status))
            return new Refusal("application-state-changed");
        var now = clock.GetUtcNow();
        if (application.Status == ApplicationStatus.Accepted && await db.Shifts.AnyAsync(s => s.Id == application.ShiftId && s.StartsAt <= now, cancellationToken))
            return new Refusal("shift-started");

        var from = application.Status;
        return await db.ExecuteOnceAsync(AttemptStart.ForgetAdded, async _ =>
        {
            var changed = await db.Applications
                .Where(a => a.Id == application.Id && a.Status == from)
                .ExecuteUpdateAsync(a => a.SetProperty(x => x.Status, ApplicationStatus.Withdrawn).SetProperty(x => x.DecidedAt, now), cancellationToken);
            if (changed == 0)
            {
                await db.Database.RollbackTransactionAsync(cancellationToken);
                return new Refusal("application-state-changed");
            }
            if (from == ApplicationStatus.Accepted)
            {
                await seats.ReleaseAsync(application.ShiftId, cancellationToken);
                await seats.PromoteFromWaitlistAsync(application.ShiftId, application.OpportunityId, cancellationToken);
            }
            await db.SaveChangesAsync(cancellationToken);
            return (Refusal?)null;
        }, cancellationToken);
    }

    private static ApplicationStatus Target(Decision decision) => decision switch
    {
        Decision.Accept => ApplicationStatus.Accepted,
        Decision.Reject => ApplicationStatus.Rejected,
        Decision.Waitlist => ApplicationStatus.Waitlisted,
        _ => ApplicationStatus.Cancelled,
    };
}
