using Athar.Core.Accounts;

namespace Athar.Data.Accounts;

/// <summary>The national volunteer record: one per person, keyed by the account, unique by national ID.</summary>
public sealed class Volunteer
{
    public Guid UserId { get; set; }
    public AtharUser User { get; set; } = null!;

    /// <summary>The ten-digit national ID or iqama; personal data, shown masked to everyone but its owner.</summary>
    public required string NationalId { get; set; }
    public Gender Gender { get; set; }
    public DateOnly BirthDate { get; set; }
    public int RegionId { get; set; }
    public int CityId { get; set; }
    public string? Skills { get; set; }
    public string? Education { get; set; }
    public string? Profession { get; set; }

    /// <summary>False for a minor until a guardian confirms consent; a minor cannot apply before that.</summary>
    public bool GuardianConsentRequired { get; set; }
    public DateTimeOffset? GuardianConsentConfirmedAt { get; set; }

    public DateTimeOffset RegisteredAt { get; set; }

    public List<VolunteerField> Fields { get; set; } = [];

    public bool MayApply => !GuardianConsentRequired || GuardianConsentConfirmedAt is not null;
}

public sealed class VolunteerField
{
    public Guid VolunteerId { get; set; }
    public int FieldId { get; set; }
}
