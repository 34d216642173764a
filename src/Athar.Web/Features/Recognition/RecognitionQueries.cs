using Athar.Core.Recognition;
using Athar.Data;
using Athar.Data.Recognition;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Athar.Web.Features.Recognition;

/// <summary>A volunteer's own recognition: tier from lifetime verified hours, badges with their dates, and the rankings choice.</summary>
public sealed class RecognitionQueries(AtharDbContext db, Recognizer recognizer, IOptions<TierOptions> tiers, TimeProvider clock)
{
    public sealed record EarnedBadge(Badge Badge, DateTimeOffset AwardedAt);

    public sealed record Summary(decimal LifetimeHours, Tier Tier, Tier? NextTier, decimal HoursToNextTier, IReadOnlyList<EarnedBadge> Badges, bool ShowInRankings);

    public async Task<Summary> ForAsync(Guid userId, CancellationToken cancellationToken)
    {
        var facts = await recognizer.FactsAsync(userId, cancellationToken);
        var badges = await db.VolunteerBadges.AsNoTracking().Where(b => b.UserId == userId)
            .Select(b => new EarnedBadge(b.Badge, b.AwardedAt)).ToListAsync(cancellationToken);
        var consent = await db.RankingConsents.AsNoTracking().Where(c => c.UserId == userId).Select(c => c.ShowInRankings).FirstOrDefaultAsync(cancellationToken);
        var next = TierRules.Next(facts.VerifiedHours, tiers.Value);
        return new Summary(facts.VerifiedHours, TierRules.For(facts.VerifiedHours, tiers.Value), next?.Tier, next?.HoursToGo ?? 0,
            badges.OrderBy(b => b.AwardedAt).ThenBy(b => b.Badge).ToList(), consent);
    }

    /// <summary>Records the volunteer's choice; an upsert keyed by the person, so repeating it changes nothing.</summary>
    public async Task SetRankingConsentAsync(Guid userId, bool show, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var updated = await db.RankingConsents.Where(c => c.UserId == userId)
            .ExecuteUpdateAsync(c => c.SetProperty(x => x.ShowInRankings, show).SetProperty(x => x.ChangedAt, now), cancellationToken);
        if (updated > 0)
            return;
        db.RankingConsents.Add(new RankingConsent { UserId = userId, ShowInRankings = show, ChangedAt = now });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A concurrent first choice inserted the row; apply this one on top.
            db.ChangeTracker.Clear();
            await db.RankingConsents.Where(c => c.UserId == userId)
                .ExecuteUpdateAsync(c => c.SetProperty(x => x.ShowInRankings, show).SetProperty(x => x.ChangedAt, now), cancellationToken);
        }
    }
}
