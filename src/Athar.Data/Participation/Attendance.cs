using Athar.Core.Attendance;

namespace Athar.Data.Participation;

/// <summary>Presence at a shift: one per accepted application (unique), so a repeated check-in changes nothing.</summary>
public sealed class AttendanceRecord
{
    public Guid Id { get; set; }
    public Guid ApplicationId { get; set; }
    public Guid ShiftId { get; set; }
    public Guid VolunteerId { get; set; }
    public DateTimeOffset CheckInAt { get; set; }
    public CheckMethod CheckInMethod { get; set; }
    public Guid? CheckedInBy { get; set; }
    public DateTimeOffset? CheckOutAt { get; set; }
    public CheckMethod? CheckOutMethod { get; set; }
    public Guid? CheckedOutBy { get; set; }
}

/// <summary>
/// Hours computed from one attendance record (unique), approved, adjusted or rejected by the organisation.
/// Only <see cref="HoursStatus.Approved"/> hours are verified and count anywhere. The organisation, field,
/// region and date are copied at creation so statistics never need to join back through opportunities.
/// </summary>
public sealed class VolunteerHours
{
    public Guid Id { get; set; }
    public Guid AttendanceId { get; set; }
    public Guid VolunteerId { get; set; }
    public Guid OrganizationId { get; set; }
    public Guid OpportunityId { get; set; }
    public Guid ShiftId { get; set; }
    public int FieldId { get; set; }
    public int RegionId { get; set; }
    public DateOnly Date { get; set; }
    public int AttendedMinutes { get; set; }
    public int CreditedMinutes { get; set; }
    public HoursStatus Status { get; set; }
    public HoursConcerns Concerns { get; set; }
    public string? Reason { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public Guid? DecidedBy { get; set; }
}

/// <summary>Every change to hours: who, when, before, after and why. Append-only.</summary>
public sealed class HoursAuditEntry
{
    public long Id { get; set; }
    public Guid HoursId { get; set; }
    public Guid? ActorId { get; set; }
    public DateTimeOffset At { get; set; }
    public required string Action { get; set; }
    public HoursStatus? StatusBefore { get; set; }
    public HoursStatus? StatusAfter { get; set; }
    public int? MinutesBefore { get; set; }
    public int? MinutesAfter { get; set; }
    public string? Reason { get; set; }
}
