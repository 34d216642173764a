using Athar.Core.Audit;

namespace Athar.Data.Audit;

/// <summary>
/// One line of the append-only audit trail. Written in the same transaction as the change it records
/// (so a change is never committed without its entry); sealed into the hash chain moments later by
/// <see cref="AuditSealer"/>, which sets <see cref="Sequence"/>, <see cref="PreviousHash"/> and <see cref="Hash"/>.
/// Database triggers refuse deletes and any update other than that one-time sealing.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public Guid? ActorId { get; set; }
    public required string Action { get; set; }
    public required string SubjectType { get; set; }
    public required string SubjectId { get; set; }
    public Guid? OrganizationId { get; set; }

    /// <summary>The person whose record the action concerns (a volunteer's hours, a holder's licence).</summary>
    public Guid? PersonId { get; set; }

    /// <summary>Short structured detail ("from=Pending;to=Approved;minutes=120"); never personal data.</summary>
    public string? Detail { get; set; }

    public long? Sequence { get; set; }
    public string? PreviousHash { get; set; }
    public string? Hash { get; set; }

    public AuditFacts FactsAt(long sequence) => new(sequence, At, ActorId, Action, SubjectType, SubjectId, OrganizationId, PersonId, Detail);
}
