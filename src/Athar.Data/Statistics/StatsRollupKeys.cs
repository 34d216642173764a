namespace Athar.Data.Statistics;

/// <summary>
/// The columns of one <see cref="StatsActivity"/> row that decide which rollup rows it falls in
/// (read by <see cref="ReachRollupBuilder"/>, which streams them without the rest of the entity).
/// </summary>
public readonly record struct RollupFacts(
    int Month, int HijriMonth, int RegionId, int CityId, int FieldId, int Gender, int AgeBand, int OrganizationType, int VolunteeringType);

/// <summary>
/// The rollup keys in C#: the period key and the packed dimension value of an activity row. They must give exactly
/// what <see cref="StatsRollupSql.PeriodKey"/> and <see cref="StatsRollupSql.DimValue"/> give in SQL (the trigger, the
/// migrations' rebuild): ReachRollupBuilderTests compare the two row for row over every period kind and dimension.
/// </summary>
public static class StatsRollupKeys
{
    /// <summary>yyyymm, yyyy×10+quarter, yyyy, Hijri yyyy or Hijri yyyymm. Integer division truncates in C# as in both databases.</summary>
    public static int PeriodKey(ReachPeriod kind, int month, int hijriMonth) => kind switch
    {
        ReachPeriod.Month => month,
        ReachPeriod.Quarter => month / 100 * 10 + (month % 100 + 2) / 3,
        ReachPeriod.Year => month / 100,
        ReachPeriod.HijriYear => hijriMonth / 100,
        _ => hijriMonth,
    };

    private static int Column(RollupDim single, in RollupFacts f) => single switch
    {
        RollupDim.Region => f.RegionId,
        RollupDim.City => f.CityId,
        RollupDim.Field => f.FieldId,
        RollupDim.Gender => f.Gender,
        RollupDim.AgeBand => f.AgeBand,
        RollupDim.OrganizationType => f.OrganizationType,
        RollupDim.VolunteeringType => f.VolunteeringType,
        _ => throw new ArgumentOutOfRangeException(nameof(single)),
    };

    /// <summary>0 for no dimension, the value of a single one, region × <see cref="StatsRollupSql.PairBase"/> + the other value of a pair.</summary>
    public static long DimValue(RollupDim dim, in RollupFacts f) => dim switch
    {
        RollupDim.None => 0,
        < RollupDim.RegionCity => Column(dim, f),
        _ => (long)f.RegionId * StatsRollupSql.PairBase + Column(dim - 10, f),
    };
}
