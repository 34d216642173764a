using Athar.Core.Licensing;
using Athar.Core.Localization;
using Athar.Core.Training;

namespace Athar.Data.Training;

/// <summary>
/// A training course that qualifies for a licence track. Run by the platform (no organisation) or by an
/// organisation holding the management licence.
/// </summary>
public sealed class Course
{
    public Guid Id { get; set; }
    public Guid? OrganizationId { get; set; }
    public required LocalizedText Title { get; set; }
    public required LocalizedText Description { get; set; }
    public LicenseLevel Track { get; set; }
    public CourseDelivery Delivery { get; set; }
    public decimal DurationHours { get; set; }
    public int PassingScore { get; set; }
    public CourseStatus Status { get; set; }

    /// <summary>The person who records attendance and scores, besides the course's managers.</summary>
    public Guid? TrainerId { get; set; }
    public Guid CreatedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

public sealed class CoursePrerequisite
{
    public Guid CourseId { get; set; }
    public Guid RequiredCourseId { get; set; }
}

/// <summary>A dated session with limited seats. <see cref="Enrolled"/> moves only through guarded single-statement updates.</summary>
public sealed class CourseSession
{
    public Guid Id { get; set; }
    public Guid CourseId { get; set; }
    public DateTimeOffset StartsAt { get; set; }
    public DateTimeOffset EndsAt { get; set; }
    public int Seats { get; set; }
    public int Enrolled { get; set; }
    public string? Location { get; set; }
}

/// <summary>
/// A person's place in a session and its result. For the management course, the organisation the
/// trainee acts for, which receives the licence.
/// </summary>
public sealed class CourseEnrollment
{
    public Guid Id { get; set; }
    public Guid CourseId { get; set; }
    public Guid SessionId { get; set; }
    public Guid UserId { get; set; }
    public Guid? OrganizationId { get; set; }
    public EnrollmentStatus Status { get; set; }
    public int? Score { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ResultAt { get; set; }
    public Guid? ResultBy { get; set; }
}
