using Athar.Core.Applications;
using Athar.Data;
using Athar.Data.Opportunities;
using Microsoft.EntityFrameworkCore;

namespace Athar.Web.Features.Participation;

/// <summary>
/// Seats are claimed and released only through guarded single-statement UPDATEs, inside the caller's
/// transaction, so concurrent requests can never oversell a shift on either database (a check
/// constraint backs this up).
/// </summary>
public sealed class Seats(AtharDbContext db, Notifier notifier, TimeProvider clock)
{
    /// <summary>
    /// Claims a seat of the shift. Only the shift's row is written: the opportunity's seats taken follow from a trigger's
    /// queue (<see cref="SeatCountFold"/>), so claims on different shifts of one opportunity do not wait for each other.
    /// </summary>
    public async Task<bool> TryClaimAsync(Guid shiftId, CancellationToken cancellationToken) =>
        await db.Shifts
            .Where(s => s.Id == shiftId && s.Accepted < s.Seats)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Accepted, x => x.Accepted + 1), cancellationToken) == 1;

    public async Task ReleaseAsync(Guid shiftId, CancellationToken cancellationToken) =>
        await db.Shifts
            .Where(s => s.Id == shiftId && s.Accepted > 0)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Accepted, x => x.Accepted - 1), cancellationToken);

    /// <summary>
    /// Gives a freed seat to the first waitlisted volunteer (earliest application), if the shift has not
    /// started. The status change is conditional too, so two promotions never pick the same person.
    /// </summary>
    public async Task PromoteFromWaitlistAsync(Guid shiftId, Guid opportunityId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (!await db.Shifts.AnyAsync(s => s.Id == shiftId && s.StartsAt > now, cancellationToken))
            return;
        var candidates = await db.Applications.AsNoTracking()
            .Where(a => a.ShiftId == shiftId && a.Status == ApplicationStatus.Waitlisted)
            .OrderBy(a => a.CreatedAt).ThenBy(a => a.Id)
            .Select(a => new { a.Id, a.VolunteerId })
            .Take(5)
            .ToListAsync(cancellationToken);
        foreach (var candidate in candidates)
        {
            if (!await TryClaimAsync(shiftId, cancellationToken))
                return;
            var promoted = await db.Applications
                .Where(a => a.Id == candidate.Id && a.Status == ApplicationStatus.Waitlisted)
                .ExecuteUpdateAsync(a => a.SetProperty(x => x.Status, ApplicationStatus.Accepted).SetProperty(x => x.DecidedAt, now), cancellationToken);
            if (promoted == 1)
            {
                var title = await db.Opportunities.Where(o => o.Id == opportunityId).Select(o => o.Title).FirstAsync(cancellationToken);
                await notifier.NotifyAsync(candidate.VolunteerId, "ApplicationPromoted", "/me/applications", Notifier.Bilingual(title));
                return;
            }
            await ReleaseAsync(shiftId, cancellationToken);
        }
    }
}
