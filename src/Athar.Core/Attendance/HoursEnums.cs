namespace Athar.Core.Attendance;

public enum HoursStatus
{
    /// <summary>Computed from attendance, waiting for the organisation's supervisor.</summary>
    Pending = 1,
    /// <summary>Verified: only these count anywhere.</summary>
    Approved = 2,
    Rejected = 3,
    /// <summary>Outside the approval window or flagged: needs a platform-level review.</summary>
    UnderReview = 4,
}

public enum CheckMethod
{
    Supervisor = 1,
    QrCode = 2,
    /// <summary>A forgotten check-out closed at the shift's end.</summary>
    Automatic = 3,
}

/// <summary>Why a record of hours deserves a second look by a regional supervisor.</summary>
[Flags]
public enum HoursConcerns
{
    None = 0,
    AutoClosed = 1,
    OverlapsAnotherOrganization = 2,
    ImplausibleDailyTotal = 4,
    ImplausibleWeeklyTotal = 8,
    ApprovedExceedsAttendance = 16,
    MassApproval = 32,
    LateEntry = 64,
}
