using Athar.Core.Applications;
using Athar.Core.Common;
using Athar.Core.Opportunities;
using Athar.Data;
using Athar.Data.Infrastructure;
using Athar.Data.Notifications;
using Athar.Data.Organizations;
using Athar.Web.Infrastructure;
using Athar.Web.Infrastructure.Messaging;
using Athar.Web.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Athar.Web.Features.Opportunities;

/// <summary>
/// Moves an opportunity through its lifecycle (<see cref="OpportunityLifecycle"/>, refusals from
/// <see cref="OpportunityTransitions"/>). Each move is a conditional update on the status that was read,
/// so two clicks or two staff members cannot apply it twice. Cancelling also cancels the volunteers'
/// applications and tells each of them, in the same transaction.
/// </summary>
public sealed class ChangeOpportunityStatus(
    AtharDbContext db,
    Outbox outbox,
    PublicUrls urls,
    IStringLocalizer<OpportunitiesText> l,
    OpportunitySearchCache searchCache,
    TimeProvider clock)
{
    public const string CancelledNotification = "OpportunityCancelled";

    public Task<OpportunityOutcome> PublishAsync(Organization organization, Guid opportunityId, CancellationToken cancellationToken = default) =>
        MoveAsync(organization, opportunityId, OpportunityStatus.Published, null, null, cancellationToken);

    public Task<OpportunityOutcome> CloseAsync(Organization organization, Guid opportunityId, CancellationToken cancellationToken = default) =>
        MoveAsync(organization, opportunityId, OpportunityStatus.Closed, null, null, cancellationToken);

    public Task<OpportunityOutcome> CompleteAsync(Organization organization, Guid opportunityId, CancellationToken cancellationToken = default) =>
        MoveAsync(organization, opportunityId, OpportunityStatus.Completed, null, null, cancellationToken);

    public async Task<OpportunityOutcome> CancelAsync(Organization organization, Guid opportunityId, string? reason, Guid actorId, CancellationToken cancellationToken = default)
    {
        var (text, errors) = OpportunityTransitions.CheckCancellationReason(reason);
        if (text is null)
            return OpportunityOutcome.Invalid(errors);
        return await MoveAsync(organization, opportunityId, OpportunityStatus.Cancelled, text, actorId, cancellationToken);
    }

    private async Task<OpportunityOutcome> MoveAsync(
        Organization organization, Guid opportunityId, OpportunityStatus to, string? reason, Guid? actorId, CancellationToken cancellationToken)
    {
        var outcome = await TryMoveAsync(organization, opportunityId, to, reason, actorId, cancellationToken);
        // After the commit, so no search caches the old status again; other nodes follow within their cache's time.
        if (outcome.Succeeded)
            await searchCache.EvictAsync(cancellationToken);
        return outcome;
    }

    private async Task<OpportunityOutcome> TryMoveAsync(
        Organization organization, Guid opportunityId, OpportunityStatus to, string? reason, Guid? actorId, CancellationToken cancellationToken)
    {
        return await db.ExecuteOnceAsync(AttemptStart.ClearTracker, async _ =>
        {
            var current = await db.Opportunities.AsNoTracking()
                .Where(o => o.Id == opportunityId && o.OrganizationId == organization.Id)
                .Select(o => new { o.Status, o.Title })
                .FirstOrDefaultAsync(cancellationToken);
            if (current is null)
                return OpportunityOutcome.Missing;

            var now = clock.GetUtcNow();
            var verified = await db.Organizations.AnyAsync(o => o.Id == organization.Id && o.Status == OrganizationStatus.Verified, cancellationToken);
            var upcomingShift = await db.Shifts.AnyAsync(s => s.OpportunityId == opportunityId && s.StartsAt > now, cancellationToken);
            var upcomingVolunteers = to == OpportunityStatus.Completed
                && await db.Shifts.AnyAsync(s => s.OpportunityId == opportunityId && s.EndsAt > now && s.Accepted > 0, cancellationToken);
            if (OpportunityTransitions.Check(current.Status, to, verified, upcomingShift, upcomingVolunteers) is { } refusal)
                return OpportunityOutcome.Refused(refusal);
            if (current.Status == to)
                return OpportunityOutcome.Done(opportunityId);

            var from = current.Status;
            var next = await db.Shifts.Where(s => s.OpportunityId == opportunityId && s.StartsAt > now)
                .OrderBy(s => s.StartsAt).Select(s => (DateTimeOffset?)s.StartsAt).FirstOrDefaultAsync(cancellationToken);
            var changed = to switch
            {
                OpportunityStatus.Published => await db.Opportunities
                    .Where(o => o.Id == opportunityId && o.Status == from)
                    .ExecuteUpdateAsync(s => s
                        .SetProperty(o => o.Status, to)
                        .SetProperty(o => o.PublishedAt, o => o.PublishedAt ?? now)
                        .SetProperty(o => o.NextShiftStartsAt, next), cancellationToken),
                OpportunityStatus.Cancelled => await db.Opportunities
                    .Where(o => o.Id == opportunityId && o.Status == from)
                    .ExecuteUpdateAsync(s => s
                        .SetProperty(o => o.Status, to)
                        .SetProperty(o => o.CancellationReason, reason), cancellationToken),
                _ => await db.Opportunities
                    .Where(o => o.Id == opportunityId && o.Status == from)
                    .ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, to), cancellationToken),
            };
            if (changed == 0)
                return OpportunityOutcome.Refused(new Refusal(OpportunityTransitions.InvalidTransition));

            if (to == OpportunityStatus.Cancelled)
                await CancelApplicationsAsync(opportunityId, current.Title, reason!, actorId, now, cancellationToken);

            await db.SaveChangesAsync(cancellationToken);
            return OpportunityOutcome.Done(opportunityId);
        }, cancellationToken);
    }

    private async Task CancelApplicationsAsync(Guid opportunityId, Core.Localization.LocalizedText title, string reason, Guid? actorId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var active = db.Applications.Where(a =>
            db.Shifts.Any(s => s.Id == a.ShiftId && s.OpportunityId == opportunityId)
            && (a.Status == ApplicationStatus.Accepted || a.Status == ApplicationStatus.Pending || a.Status == ApplicationStatus.Waitlisted));
        var volunteers = await active.Select(a => a.VolunteerId).Distinct().ToListAsync(cancellationToken);
        if (volunteers.Count == 0)
            return;
        await active.ExecuteUpdateAsync(s => s
            .SetProperty(a => a.Status, ApplicationStatus.Cancelled)
            .SetProperty(a => a.Reason, reason)
            .SetProperty(a => a.DecidedAt, now)
            .SetProperty(a => a.DecidedBy, actorId), cancellationToken);

        var link = $"/opportunities/{opportunityId}";
        // The notification is rendered in the reader's language when read: both titles travel with it.
        var arguments = $"{title.Ar.Replace('|', '/')}|{(title.En ?? title.Ar).Replace('|', '/')}";
        var people = await db.Users.AsNoTracking()
            .Where(u => volunteers.Contains(u.Id))
            .Select(u => new { u.Id, u.Email, u.PreferredLanguage })
            .ToListAsync(cancellationToken);
        foreach (var person in people)
        {
            db.Notifications.Add(new Notification
            {
                UserId = person.Id,
                Kind = CancelledNotification,
                Arguments = arguments,
                Link = link,
                CreatedAt = now,
            });
            if (string.IsNullOrEmpty(person.Email))
                continue;
            using var _ = CultureScope.For(person.PreferredLanguage);
            var body = l["Email.Cancelled.Body", title.Current, reason].Value + "\n\n" + urls.Absolute(link);
            outbox.Email(person.Email, l["Email.Cancelled.Subject", title.Current], body, person.Id);
        }
    }
}
