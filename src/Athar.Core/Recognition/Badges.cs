namespace Athar.Core.Recognition;

/// <summary>
/// Milestone badges. Values are stored and never renumbered; each is awarded at most once per volunteer
/// (a unique index), and never taken back: a badge marks a moment that happened.
/// </summary>
public enum Badge
{
    FirstOpportunity = 1,
    FirstLicense = 2,
    Hours50 = 50,
    Hours100 = 100,
    Hours250 = 250,
    Hours500 = 500,
    Hours1000 = 1000,
}

/// <summary>A volunteer's facts that badges are earned from: lifetime verified hours, opportunities with verified hours, individual licences ever held.</summary>
public sealed record RecognitionFacts(decimal VerifiedHours, int Opportunities, int Licenses);

public static class BadgeRules
{
    public static IReadOnlyList<Badge> HourBadges { get; } = [Badge.Hours50, Badge.Hours100, Badge.Hours250, Badge.Hours500, Badge.Hours1000];

    /// <summary>The hours a milestone badge needs, or null for the badges that are not about hours.</summary>
    public static int? HoursFor(Badge badge) => HourBadges.Contains(badge) ? (int)badge : null;

    /// <summary>Every badge the facts earn, in a stable order (the order they are shown in).</summary>
    public static IReadOnlyList<Badge> Earned(RecognitionFacts facts)
    {
        var earned = new List<Badge>();
        if (facts.Opportunities > 0)
            earned.Add(Badge.FirstOpportunity);
        if (facts.Licenses > 0)
            earned.Add(Badge.FirstLicense);
        earned.AddRange(HourBadges.Where(b => facts.VerifiedHours >= (int)b));
        return earned;
    }
}
