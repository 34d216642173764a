using Athar.Core.Licensing;

namespace Athar.Data.Licensing;

/// <summary>
/// A licence in the national register: held by a person (practitioner, team leadership) or by an
/// organisation (management, through a named staff member who passed the course). One per holder and
/// level; renewal and reissue update it and leave a <see cref="LicenseEvent"/>.
/// </summary>
public sealed class License
{
    public Guid Id { get; set; }
    public required string Number { get; set; }
    public LicenseLevel Level { get; set; }
    public Guid? HolderUserId { get; set; }
    public Guid? OrganizationId { get; set; }

    /// <summary>For a management licence: the staff member whose passed course qualified the organisation.</summary>
    public Guid? NamedMemberId { get; set; }
    public Guid? QualifyingEnrollmentId { get; set; }
    public DateOnly IssuedOn { get; set; }
    public DateOnly ExpiresOn { get; set; }
    public LicenseState State { get; set; }
    public string? StateReason { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public LicenseFacts Facts => new(Level, State, IssuedOn, ExpiresOn);
}

/// <summary>The licence's history. Append-only.</summary>
public sealed class LicenseEvent
{
    public long Id { get; set; }
    public Guid LicenseId { get; set; }
    public LicenseAction Action { get; set; }
    public DateTimeOffset At { get; set; }
    public Guid? ActorId { get; set; }
    public string? Reason { get; set; }
    public DateOnly? ExpiresOnBefore { get; set; }
    public DateOnly? ExpiresOnAfter { get; set; }
}
