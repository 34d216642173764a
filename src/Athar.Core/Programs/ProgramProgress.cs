using Athar.Core.Statistics;

namespace Athar.Core.Programs;

/// <summary>The four indicators a program or an initiative is measured by. Keys appear in the API: never rename.</summary>
public enum ProgressIndicator
{
    UniqueVolunteers = 1,
    Opportunities = 2,
    VerifiedHours = 3,
    Beneficiaries = 4,
}

/// <summary>Optional targets; a missing target shows the actual figure without a percentage.</summary>
public sealed record IndicatorTargets(long? Volunteers = null, long? Opportunities = null, long? Hours = null, long? Beneficiaries = null)
{
    public long? For(ProgressIndicator indicator) => indicator switch
    {
        ProgressIndicator.UniqueVolunteers => Volunteers,
        ProgressIndicator.Opportunities => Opportunities,
        ProgressIndicator.VerifiedHours => Hours,
        _ => Beneficiaries,
    };
}

/// <summary>The figures of one window: distinct volunteers, published opportunities, verified hours, expected beneficiaries.</summary>
public sealed record ScopeFigures(long Volunteers, long Opportunities, decimal Hours, long Beneficiaries)
{
    public static ScopeFigures Zero { get; } = new(0, 0, 0, 0);

    public decimal For(ProgressIndicator indicator) => indicator switch
    {
        ProgressIndicator.UniqueVolunteers => Volunteers,
        ProgressIndicator.Opportunities => Opportunities,
        ProgressIndicator.VerifiedHours => Hours,
        _ => Beneficiaries,
    };
}

/// <summary>
/// Where a period stands on a day. The counted window runs from the first day to today (or the last day,
/// once it has passed); the previous window is the same number of days immediately before the first day.
/// Days are Saudi calendar days, both ends inclusive.
/// </summary>
public sealed record ProgressWindow(DateOnly StartsOn, DateOnly EndsOn, int TotalDays, int ElapsedDays)
{
    public bool HasStarted => ElapsedDays > 0;

    /// <summary>The last day counted so far (the day before the start when nothing has elapsed).</summary>
    public DateOnly CountedTo => StartsOn.AddDays(ElapsedDays - 1);

    public DateOnly PreviousFrom => StartsOn.AddDays(-ElapsedDays);

    public DateOnly PreviousTo => StartsOn.AddDays(-1);

    public static ProgressWindow On(DateOnly startsOn, DateOnly endsOn, DateOnly today)
    {
        if (endsOn < startsOn)
            throw new ArgumentException("The period ends before it starts.", nameof(endsOn));
        var total = endsOn.DayNumber - startsOn.DayNumber + 1;
        var elapsed = Math.Clamp(today.DayNumber - startsOn.DayNumber + 1, 0, total);
        return new ProgressWindow(startsOn, endsOn, total, elapsed);
    }
}

/// <summary>One indicator's line: actual against target, growth against the previous window, and the projection to the period's end.</summary>
public sealed record ProgressLine(ProgressIndicator Indicator, decimal Actual, long? Target, decimal? Percent, decimal? Previous, decimal? Growth, decimal? Projected, bool? OnTrack);

/// <summary>
/// The arithmetic of program progress, pure: percentage of target (two decimals, as the national target's
/// progress), growth against the previous window of equal length (one decimal, as the dashboards' growth),
/// and a straight-line projection by elapsed days (actual ÷ elapsed days × total days). A distinct count
/// projected this way is an upper estimate: returning volunteers are not new ones.
/// </summary>
public static class ProgressArithmetic
{
    public static IReadOnlyList<ProgressIndicator> Indicators { get; } =
        [ProgressIndicator.UniqueVolunteers, ProgressIndicator.Opportunities, ProgressIndicator.VerifiedHours, ProgressIndicator.Beneficiaries];

    public static decimal? Percent(decimal actual, long? target) =>
        target is > 0 ? Math.Round(actual * 100m / target.Value, 2, MidpointRounding.AwayFromZero) : null;

    /// <summary>Null before the period starts (no trend yet); the actual figure once it has ended.</summary>
    public static decimal? Project(decimal actual, ProgressWindow window) =>
        !window.HasStarted ? null
        : window.ElapsedDays >= window.TotalDays ? actual
        : Math.Round(actual / window.ElapsedDays * window.TotalDays, 2, MidpointRounding.AwayFromZero);

    public static IReadOnlyList<ProgressLine> Lines(ScopeFigures actual, ScopeFigures? previous, IndicatorTargets targets, ProgressWindow window) =>
        Indicators.Select(indicator =>
        {
            var value = actual.For(indicator);
            var before = previous?.For(indicator);
            var target = targets.For(indicator);
            var projected = Project(value, window);
            return new ProgressLine(indicator, value, target, Percent(value, target), before, IndicatorValue.GrowthOf(value, before), projected,
                target is > 0 && projected is { } p ? p >= target.Value : null);
        }).ToList();
}
