namespace Athar.Core.Statistics;

/// <summary>The national indicators. Keys appear in the API, the exports and the resource files: never rename.</summary>
public enum IndicatorKey
{
    RegisteredVolunteers = 1,
    UniqueActiveVolunteers,
    VerifiedHours,
    EconomicValue,
    TrainingHours,
    OpportunitiesPublished,
    SeatsOffered,
    SeatsFilled,
    Applications,
    AcceptanceRate,
    OrganizationsRegistered,
    OrganizationsVerified,
    Beneficiaries,
    LicensesActive,
    Teams,
    ProfessionalVolunteeringIndex,
    NoShowRate,
    FlaggedHoursRate,
    LicensesPractitioner,
    LicensesTeamLeadership,
    LicensesManagement,
}

public enum IndicatorUnit
{
    Count,
    Hours,
    Sar,
    Percent,
}

/// <summary>
/// One indicator, defined once: its unit, the dimensions it can be cut by, whether it is additive
/// across regions (sums) or a distinct count or ratio (never summed), and whether its data exists yet.
/// The definitions in words are on the methodology page (<c>docs/statistics-methodology.md</c>).
/// </summary>
public sealed record Indicator(IndicatorKey Key, IndicatorUnit Unit, Dimensions Cuts, bool Available = true, bool HigherIsBetter = true)
{
    public bool Supports(Dimensions used) => (used & ~Cuts) == Dimensions.None;
}

public static class Indicators
{
    private const Dimensions Activity = Dimensions.All;
    private const Dimensions Opportunity = Dimensions.Region | Dimensions.City | Dimensions.Field | Dimensions.OrganizationType | Dimensions.Organization | Dimensions.Program;
    private const Dimensions People = Dimensions.Region | Dimensions.City | Dimensions.Gender | Dimensions.AgeBand;
    private const Dimensions Organizations = Dimensions.Region | Dimensions.City | Dimensions.OrganizationType | Dimensions.Organization;
    // Individual licences follow the holder's home region; management licences the organisation's.
    private const Dimensions Licences = Dimensions.Region | Dimensions.City | Dimensions.Volunteer;

    public static IReadOnlyList<Indicator> All { get; } =
    [
        new(IndicatorKey.RegisteredVolunteers, IndicatorUnit.Count, People),
        new(IndicatorKey.UniqueActiveVolunteers, IndicatorUnit.Count, Activity),
        new(IndicatorKey.VerifiedHours, IndicatorUnit.Hours, Activity),
        new(IndicatorKey.EconomicValue, IndicatorUnit.Sar, Activity),
        new(IndicatorKey.TrainingHours, IndicatorUnit.Hours, People | Dimensions.Volunteer),
        new(IndicatorKey.OpportunitiesPublished, IndicatorUnit.Count, Opportunity),
        new(IndicatorKey.SeatsOffered, IndicatorUnit.Count, Opportunity),
        new(IndicatorKey.SeatsFilled, IndicatorUnit.Count, Opportunity),
        new(IndicatorKey.Applications, IndicatorUnit.Count, Opportunity | Dimensions.Gender | Dimensions.Volunteer),
        new(IndicatorKey.AcceptanceRate, IndicatorUnit.Percent, Opportunity | Dimensions.Gender | Dimensions.Volunteer),
        new(IndicatorKey.OrganizationsRegistered, IndicatorUnit.Count, Organizations),
        new(IndicatorKey.OrganizationsVerified, IndicatorUnit.Count, Organizations),
        new(IndicatorKey.Beneficiaries, IndicatorUnit.Count, Opportunity),
        new(IndicatorKey.LicensesActive, IndicatorUnit.Count, Licences),
        new(IndicatorKey.LicensesPractitioner, IndicatorUnit.Count, Licences),
        new(IndicatorKey.LicensesTeamLeadership, IndicatorUnit.Count, Licences),
        new(IndicatorKey.LicensesManagement, IndicatorUnit.Count, Licences),
        new(IndicatorKey.Teams, IndicatorUnit.Count, Organizations),
        new(IndicatorKey.ProfessionalVolunteeringIndex, IndicatorUnit.Percent, Activity),
        new(IndicatorKey.NoShowRate, IndicatorUnit.Percent, Opportunity | Dimensions.Gender | Dimensions.Volunteer, HigherIsBetter: false),
        new(IndicatorKey.FlaggedHoursRate, IndicatorUnit.Percent, Opportunity | Dimensions.Volunteer, HigherIsBetter: false),
    ];

    public static Indicator Get(IndicatorKey key) => All.First(i => i.Key == key);
}

/// <summary>
/// An indicator's figure for one cut. <see cref="Value"/> is null when the indicator does not apply to the
/// cut (<see cref="Applies"/> false) or its data does not exist yet (<see cref="Indicator.Available"/> false).
/// Rates are percentages with two decimals; hours have two decimals; money is SAR with two decimals.
/// </summary>
public sealed record IndicatorValue(Indicator Indicator, decimal? Value, decimal? Previous, bool Applies)
{
    /// <summary>Growth against the previous period in percent; null when there is nothing to compare with.</summary>
    public decimal? Growth => GrowthOf(Value, Previous);

    public static decimal? GrowthOf(decimal? current, decimal? previous) =>
        current is { } c && previous is { } p && p != 0 ? Math.Round((c - p) / p * 100m, 1, MidpointRounding.AwayFromZero) : null;
}

public static class Ratios
{
    public static decimal? Percent(long part, long whole) =>
        whole == 0 ? null : Math.Round(part * 100m / whole, 2, MidpointRounding.AwayFromZero);

    public static decimal Hours(long minutes) => Math.Round(minutes / 60m, 2, MidpointRounding.AwayFromZero);
}
