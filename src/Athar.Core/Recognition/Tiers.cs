namespace Athar.Core.Recognition;

public enum Tier
{
    None = 0,
    Bronze = 1,
    Silver = 2,
    Gold = 3,
}

/// <summary>
/// Tier thresholds in lifetime verified hours (configuration: Athar:Recognition). A tier is reached by
/// going over its threshold: bronze over 0 (any verified hour), silver over 500, gold over 1,000.
/// </summary>
public sealed class TierOptions
{
    public decimal BronzeOver { get; set; }
    public decimal SilverOver { get; set; } = 500;
    public decimal GoldOver { get; set; } = 1000;
}

public static class TierRules
{
    /// <summary>Computed, never stored: the tier always agrees with the hours, even after an adjustment.</summary>
    public static Tier For(decimal lifetimeHours, TierOptions options) =>
        lifetimeHours > options.GoldOver ? Tier.Gold
        : lifetimeHours > options.SilverOver ? Tier.Silver
        : lifetimeHours > options.BronzeOver ? Tier.Bronze
        : Tier.None;

    /// <summary>The next tier and the hours still needed to pass its threshold, or null at the top.</summary>
    public static (Tier Tier, decimal HoursToGo)? Next(decimal lifetimeHours, TierOptions options)
    {
        var current = For(lifetimeHours, options);
        if (current == Tier.Gold)
            return null;
        var next = current + 1;
        var threshold = next switch { Tier.Bronze => options.BronzeOver, Tier.Silver => options.SilverOver, _ => options.GoldOver };
        return (next, Math.Max(0, threshold - lifetimeHours));
    }

    /// <summary>Thresholds must rise; a misconfiguration is refused at start-up, not discovered on a profile.</summary>
    public static bool AreValid(TierOptions o) => o.BronzeOver >= 0 && o.SilverOver > o.BronzeOver && o.GoldOver > o.SilverOver;
}
