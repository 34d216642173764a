namespace Athar.Core.Applications;

public enum ApplicationStatus
{
    Pending = 1,
    Accepted = 2,
    Rejected = 3,
    Waitlisted = 4,
    /// <summary>Withdrawn by the volunteer.</summary>
    Withdrawn = 5,
    /// <summary>Cancelled by the organisation (or with the opportunity).</summary>
    Cancelled = 6,
}

public static class ApplicationStates
{
    /// <summary>States that hold (or wait for) a seat and so block another application to the same shift.</summary>
    public static bool IsActive(ApplicationStatus status) =>
        status is ApplicationStatus.Pending or ApplicationStatus.Accepted or ApplicationStatus.Waitlisted;
}
