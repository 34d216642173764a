namespace Athar.Core.Training;

/// <summary>What the enrolment rules need to know, gathered by the caller.</summary>
public sealed record EnrollmentFacts(
    CourseStatus CourseStatus,
    DateTimeOffset SessionStartsAt,
    bool HasOpenEnrollmentInCourse,
    bool AlreadyPassedWithValidLicense,
    bool PrerequisitesPassed,
    bool IsVolunteer,
    bool RepresentsAnOrganization,
    Licensing.LicenseLevel Track);

/// <summary>The enrolment and result rules of training. Seats are claimed atomically in the database, not here.</summary>
public static class TrainingRules
{
    public static string? EnrollmentBlocker(EnrollmentFacts facts, DateTimeOffset now)
    {
        if (facts.CourseStatus != CourseStatus.Published)
            return "course-not-open";
        if (facts.SessionStartsAt <= now)
            return "session-started";
        // The management course qualifies an organisation, so its trainee must act for one; the others qualify a volunteer.
        if (facts.Track == Licensing.LicenseLevel.Management ? !facts.RepresentsAnOrganization : !facts.IsVolunteer)
            return facts.Track == Licensing.LicenseLevel.Management ? "organization-required" : "not-a-volunteer";
        if (facts.HasOpenEnrollmentInCourse)
            return "already-enrolled";
        if (facts.AlreadyPassedWithValidLicense)
            return "already-passed";
        if (!facts.PrerequisitesPassed)
            return "prerequisites-missing";
        return null;
    }

    /// <summary>The trainer records attendance and a score; the passing score decides.</summary>
    public static (EnrollmentStatus Status, string? Error) Result(bool attended, int? score, int passingScore, DateTimeOffset sessionStartsAt, DateTimeOffset now)
    {
        if (sessionStartsAt > now)
            return (EnrollmentStatus.Enrolled, "session-not-started");
        if (!attended)
            return score is null ? (EnrollmentStatus.Absent, null) : (EnrollmentStatus.Enrolled, "score-without-attendance");
        if (score is not { } value)
            return (EnrollmentStatus.Enrolled, "score-required");
        if (value is < 0 or > 100)
            return (EnrollmentStatus.Enrolled, "score-range");
        return (value >= passingScore ? EnrollmentStatus.Passed : EnrollmentStatus.Failed, null);
    }

    /// <summary>Attended training counts as training hours whatever the score: the time was spent learning.</summary>
    public static bool CountsTrainingHours(EnrollmentStatus status) => status is EnrollmentStatus.Passed or EnrollmentStatus.Failed;
}
