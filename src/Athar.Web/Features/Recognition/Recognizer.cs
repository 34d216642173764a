using Athar.Core.Attendance;
using Athar.Core.Licensing;
using Athar.Core.Recognition;
using Athar.Data;
using Athar.Data.Recognition;
using Athar.Web.Features.Participation;
using Athar.Web.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Athar.Web.Features.Recognition;

/// <summary>
/// Awards the milestone badges a volunteer has earned and not yet received, each with one notification.
/// Called after hours are approved or adjusted and after a licence is issued; idempotent, and safe when two
/// approvals race: the (volunteer, badge) key lets only one insert win, and the loser's notification rolls
/// back with it. Must run outside the caller's transaction (after its commit).
/// </summary>
public sealed class Recognizer(AtharDbContext db, Notifier notifier, IStringLocalizer<RecognitionText> t, TimeProvider clock, ILogger<Recognizer> logger)
{
    public async Task<IReadOnlyList<Badge>> EvaluateAsync(Guid volunteerId, CancellationToken cancellationToken = default)
    {
        var facts = await FactsAsync(volunteerId, cancellationToken);
        var held = await db.VolunteerBadges.AsNoTracking().Where(b => b.UserId == volunteerId).Select(b => b.Badge).ToListAsync(cancellationToken);
        var awarded = new List<Badge>();
        foreach (var badge in BadgeRules.Earned(facts).Except(held))
        {
            db.VolunteerBadges.Add(new VolunteerBadge { UserId = volunteerId, Badge = badge, AwardedAt = clock.GetUtcNow() });
            await notifier.NotifyAsync(volunteerId, "BadgeAwarded", "/me/recognition", BothLanguages.ForNotification(t, $"Badge.{badge}"));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                awarded.Add(badge);
            }
            catch (DbUpdateException)
            {
                // A concurrent evaluation awarded it a moment earlier (and told the volunteer).
                db.ChangeTracker.Clear();
                logger.LogDebug("Badge {Badge} already awarded to {Volunteer}", badge, volunteerId);
            }
        }
        return awarded;
    }

    /// <summary>Lifetime verified hours, opportunities with verified hours, and individual licences ever issued.</summary>
    public async Task<RecognitionFacts> FactsAsync(Guid volunteerId, CancellationToken cancellationToken)
    {
        var approved = db.VolunteerHours.AsNoTracking().Where(h => h.VolunteerId == volunteerId && h.Status == HoursStatus.Approved);
        var minutes = await approved.SumAsync(h => (long?)h.CreditedMinutes, cancellationToken) ?? 0;
        var opportunities = await approved.Where(h => h.CreditedMinutes > 0).Select(h => h.OpportunityId).Distinct().CountAsync(cancellationToken);
        var licences = await db.Licenses.AsNoTracking().CountAsync(l => l.HolderUserId == volunteerId && l.Level != LicenseLevel.Management, cancellationToken);
        return new RecognitionFacts(minutes / 60m, opportunities, licences);
    }
}
