using Athar.Core.Applications;

namespace Athar.Data.Participation;

/// <summary>A volunteer's application to one shift. One per volunteer and shift (unique index).</summary>
public sealed class Application
{
    public Guid Id { get; set; }
    public Guid OpportunityId { get; set; }
    public Guid ShiftId { get; set; }
    public Guid VolunteerId { get; set; }
    public ApplicationStatus Status { get; set; }
    public string? Reason { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public Guid? DecidedBy { get; set; }
    public Guid? TeamId { get; set; }

    /// <summary>When the day-before reminder went out; set once so a restarted job never sends it twice.</summary>
    public DateTimeOffset? ReminderSentAt { get; set; }
}
