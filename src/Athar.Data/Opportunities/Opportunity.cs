using Athar.Core.Localization;
using Athar.Core.Opportunities;

namespace Athar.Data.Opportunities;

/// <summary>A volunteer opportunity (فرصة تطوعية) posted by an organisation, with one or more shifts.</summary>
public sealed class Opportunity
{
    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }
    public required LocalizedText Title { get; set; }
    public required LocalizedText Description { get; set; }
    public int FieldId { get; set; }
    public int RegionId { get; set; }
    public int CityId { get; set; }
    public string? Address { get; set; }
    public bool IsRemote { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly EndDate { get; set; }
    public GenderRequirement Gender { get; set; }
    public int? MinimumAge { get; set; }
    public bool AllowsMinors { get; set; }
    public string? RequiredSkills { get; set; }
    public LicenseRequirement RequiredLicense { get; set; }
    public VolunteeringType Type { get; set; } = VolunteeringType.General;
    public int? ExpectedBeneficiaries { get; set; }
    public Guid? ProgramId { get; set; }
    public bool AutoAccept { get; set; }
    public OpportunityStatus Status { get; set; } = OpportunityStatus.Draft;
    public string? CancellationReason { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }

    /// <summary>Normalised search tokens of both titles, descriptions, skills and the organisation's names (one normaliser for indexing and querying).</summary>
    public string SearchText { get; set; } = string.Empty;

    /// <summary>Seats over all shifts, kept with the shifts for search filters and sorting.</summary>
    public int SeatsTotal { get; set; }

    /// <summary>
    /// Seats taken by accepted volunteers over all shifts, for search filters and sorting: folded from the shifts'
    /// accepted counts a moment after they change (<see cref="SeatCountFold"/>). Pages that show one opportunity's
    /// seats read its shifts.
    /// </summary>
    public int SeatsTaken { get; set; }

    /// <summary>Start of the next shift that has not started; null when none is left. Drives "soonest" sorting.</summary>
    public DateTimeOffset? NextShiftStartsAt { get; set; }

    public List<Shift> Shifts { get; set; } = [];
}

/// <summary>A dated slot of an opportunity with its own seats. Local times are Saudi time; instants are UTC.</summary>
public sealed class Shift
{
    public Guid Id { get; set; }
    public Guid OpportunityId { get; set; }
    public DateOnly Date { get; set; }
    public TimeOnly StartTime { get; set; }
    public TimeOnly EndTime { get; set; }
    public DateTimeOffset StartsAt { get; set; }
    public DateTimeOffset EndsAt { get; set; }
    public int Seats { get; set; }

    /// <summary>Accepted applications; only ever changed by a guarded UPDATE (Accepted &lt; Seats), so seats are never oversold.</summary>
    public int Accepted { get; set; }
}
