namespace Athar.Core.Statistics;

/// <summary>The national target: unique active volunteers in one year (Vision 2030: one million by 2030). Athar:Statistics:Target.</summary>
public sealed class TargetOptions
{
    public long Volunteers { get; set; } = 1_000_000;
    public int Year { get; set; } = 2030;
}

/// <summary>
/// Progress toward the target and a straight-line projection: the least-squares line through the
/// complete years' unique active volunteers, read at the target year. Fewer than two complete years
/// give no projection (one point has no trend).
/// </summary>
public static class TargetProjection
{
    public static long? Project(IReadOnlyList<(int Year, long Value)> completeYears, int targetYear)
    {
        if (completeYears.Count < 2)
            return null;
        var meanX = completeYears.Average(p => (double)p.Year);
        var meanY = completeYears.Average(p => (double)p.Value);
        var sxx = completeYears.Sum(p => (p.Year - meanX) * (p.Year - meanX));
        var sxy = completeYears.Sum(p => (p.Year - meanX) * (p.Value - meanY));
        var slope = sxx == 0 ? 0 : sxy / sxx;
        var projected = meanY + slope * (targetYear - meanX);
        return (long)Math.Max(0, Math.Round(projected, MidpointRounding.AwayFromZero));
    }

    public static decimal Progress(long current, long target) =>
        target <= 0 ? 0 : Math.Round(current * 100m / target, 2, MidpointRounding.AwayFromZero);
}
