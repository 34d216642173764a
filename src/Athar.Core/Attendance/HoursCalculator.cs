namespace Athar.Core.Attendance;

/// <summary>
/// Hours from attendance: the time present, clipped to the shift (no hours before it starts or after
/// it ends), never in the future, and never counting a minute twice when attendance records overlap.
/// </summary>
public static class HoursCalculator
{
    public const int MaxMinutesPerDay = 24 * 60;

    public static int CreditedMinutes(DateTimeOffset checkIn, DateTimeOffset checkOut, DateTimeOffset shiftStart, DateTimeOffset shiftEnd, DateTimeOffset now)
    {
        var start = Max(checkIn, shiftStart);
        var end = Min(Min(checkOut, shiftEnd), now);
        if (end <= start)
            return 0;
        return (int)Math.Min(Math.Floor((end - start).TotalMinutes), MaxMinutesPerDay);
    }

    /// <summary>Minutes of [start, end) not already covered by other credited intervals of the same volunteer.</summary>
    public static int WithoutOverlap(DateTimeOffset start, DateTimeOffset end, IEnumerable<(DateTimeOffset Start, DateTimeOffset End)> others)
    {
        if (end <= start)
            return 0;
        var covered = others
            .Select(o => (Start: Max(o.Start, start), End: Min(o.End, end)))
            .Where(o => o.End > o.Start)
            .OrderBy(o => o.Start)
            .ToList();
        var total = (end - start).TotalMinutes;
        var cursor = start;
        foreach (var (s, e) in covered)
        {
            if (e <= cursor) continue;
            total -= (e - Max(s, cursor)).TotalMinutes;
            cursor = e;
        }
        return (int)Math.Floor(Math.Max(0, total));
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
