namespace Athar.Core.Statistics;

/// <summary>
/// A cut of the indicators: a period and any of the dimensions. Values are the stored ids
/// (regions, cities and fields from the reference data; organisation type and gender as their enum values).
/// </summary>
public sealed record StatsFilter(StatsPeriod Period)
{
    public int? RegionId { get; init; }
    public int? CityId { get; init; }
    public int? FieldId { get; init; }
    public int? Gender { get; init; }
    public AgeBand? AgeBand { get; init; }
    public int? OrganizationType { get; init; }
    public Guid? OrganizationId { get; init; }
    public Guid? ProgramId { get; init; }

    /// <summary>One volunteer's own numbers; set only by the scope, never from a query string.</summary>
    public Guid? VolunteerId { get; init; }

    public Dimensions Used =>
        (RegionId is null ? 0 : Dimensions.Region) | (CityId is null ? 0 : Dimensions.City) | (FieldId is null ? 0 : Dimensions.Field)
        | (Gender is null ? 0 : Dimensions.Gender) | (AgeBand is null ? 0 : Dimensions.AgeBand)
        | (OrganizationType is null ? 0 : Dimensions.OrganizationType) | (OrganizationId is null ? 0 : Dimensions.Organization)
        | (ProgramId is null ? 0 : Dimensions.Program) | (VolunteerId is null ? 0 : Dimensions.Volunteer);

    public StatsFilter WithPeriod(StatsPeriod period) => this with { Period = period };
}

/// <summary>The ways an indicator can be cut (besides the period).</summary>
[Flags]
public enum Dimensions
{
    None = 0,
    Region = 1,
    City = 2,
    Field = 4,
    Gender = 8,
    AgeBand = 16,
    OrganizationType = 32,
    Organization = 64,
    Program = 128,
    Volunteer = 256,
    All = Region | City | Field | Gender | AgeBand | OrganizationType | Organization | Program | Volunteer,
}
