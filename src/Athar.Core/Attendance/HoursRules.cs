namespace Athar.Core.Attendance;

/// <summary>Configurable thresholds for trustworthy hours (section "Athar:Hours").</summary>
public sealed class HoursPolicy
{
    /// <summary>Hours not approved within this many days of the shift need a platform-level review.</summary>
    public int ApprovalWindowDays { get; set; } = 30;

    public int MaxDailyMinutes { get; set; } = 12 * 60;

    public int MaxWeeklyMinutes { get; set; } = 60 * 60;

    /// <summary>More approvals than this by one account within an hour are flagged.</summary>
    public int MassApprovalPerHour { get; set; } = 200;

    /// <summary>Lifetime of a shift's QR check-in code.</summary>
    public int CheckInCodeSeconds { get; set; } = 120;
}

/// <summary>The pure checks behind hours flags and approvals.</summary>
public static class HoursRules
{
    public static HoursConcerns ConcernsFromTotals(int dayMinutes, int weekMinutes, HoursPolicy policy)
    {
        var flags = HoursConcerns.None;
        if (dayMinutes > policy.MaxDailyMinutes) flags |= HoursConcerns.ImplausibleDailyTotal;
        if (weekMinutes > policy.MaxWeeklyMinutes) flags |= HoursConcerns.ImplausibleWeeklyTotal;
        return flags;
    }

    public static bool IsOutsideApprovalWindow(DateOnly shiftDate, DateOnly today, HoursPolicy policy) =>
        today.DayNumber - shiftDate.DayNumber > policy.ApprovalWindowDays;

    /// <summary>An adjustment may lower the attended minutes with a reason; raising them above attendance is refused.</summary>
    public static string? CheckAdjustment(int attendedMinutes, int newMinutes, string? reason)
    {
        if (newMinutes < 0) return "hours-negative";
        if (newMinutes > attendedMinutes) return "hours-exceed-attendance";
        if (string.IsNullOrWhiteSpace(reason)) return "reason-required";
        return null;
    }
}
