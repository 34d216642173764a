using Athar.Core.Statistics;

namespace Athar.Data.Statistics;

/// <summary>
/// How a cut (and optionally a breakdown) reads from the rollups: the one <see cref="RollupDim"/> whose values
/// hold exactly the cut's dimensions plus the breakdown's, the range or remainder of packed values that matches
/// the cut, and how a packed value turns back into the breakdown's key. Null from <see cref="For"/> when no
/// rollup holds the cut (organisation, program and volunteer cuts, or two dimensions other than a region and
/// one more): those read StatsActivity directly, where they are narrow and indexed.
/// </summary>
public sealed record RollupCut(RollupDim Dim, long? From, long? To, long? Remainder, Func<long, int> KeyOf)
{
    private const long B = StatsRollupSql.PairBase;

    public static RollupCut? For(StatsFilter f, Breakdown? by = null)
    {
        if ((f.Used & (Dimensions.Organization | Dimensions.Program | Dimensions.Volunteer)) != Dimensions.None)
            return null;
        var fixedValues = new Dictionary<RollupDim, long>();
        if (f.RegionId is { } region) fixedValues[RollupDim.Region] = region;
        if (f.CityId is { } city) fixedValues[RollupDim.City] = city;
        if (f.FieldId is { } field) fixedValues[RollupDim.Field] = field;
        if (f.Gender is { } gender) fixedValues[RollupDim.Gender] = gender;
        if (f.AgeBand is { } band) fixedValues[RollupDim.AgeBand] = (int)band;
        if (f.OrganizationType is { } type) fixedValues[RollupDim.OrganizationType] = type;

        var grouped = by is { } b && b != Breakdown.Month ? Single(b) : (RollupDim?)null;
        var singles = fixedValues.Keys.Concat(grouped is { } g ? [g] : []).Distinct().OrderBy(d => d).ToList();
        switch (singles.Count)
        {
            case 0:
                return new RollupCut(RollupDim.None, 0, 0, null, _ => 0);
            case 1:
            {
                var dim = singles[0];
                return fixedValues.TryGetValue(dim, out var value)
                    ? new RollupCut(dim, value, value, null, v => (int)v)
                    : new RollupCut(dim, null, null, null, v => (int)v);
            }
            case 2 when singles[0] == RollupDim.Region:
            {
                var other = singles[1];
                long? from = null, to = null, remainder = null;
                if (fixedValues.TryGetValue(RollupDim.Region, out var r))
                    (from, to) = (r * B, r * B + B - 1);
                if (fixedValues.TryGetValue(other, out var o))
                    remainder = o;
                Func<long, int> key = grouped == RollupDim.Region ? v => (int)(v / B) : v => (int)(v % B);
                return new RollupCut(other + 10, from, to, remainder, key);
            }
            default:
                return null;
        }
    }

    private static RollupDim Single(Breakdown by) => by switch
    {
        Breakdown.Region => RollupDim.Region,
        Breakdown.City => RollupDim.City,
        Breakdown.Field => RollupDim.Field,
        Breakdown.Gender => RollupDim.Gender,
        Breakdown.AgeBand => RollupDim.AgeBand,
        Breakdown.OrganizationType => RollupDim.OrganizationType,
        _ => RollupDim.VolunteeringType,
    };

    /// <summary>The reach row kind and key of a reporting period (the same keys the trigger computes in SQL).</summary>
    public static (ReachPeriod Kind, int Key) PeriodKey(StatsPeriod period) => period.Kind switch
    {
        PeriodKind.Month => (ReachPeriod.Month, period.Year * 100 + period.Number),
        PeriodKind.Quarter => (ReachPeriod.Quarter, period.Year * 10 + period.Number),
        PeriodKind.Year => (ReachPeriod.Year, period.Year),
        _ => (ReachPeriod.HijriYear, period.Year),
    };

    public IQueryable<StatsTotals> Apply(IQueryable<StatsTotals> q)
    {
        q = q.Where(t => t.Dim == Dim);
        if (From is { } from && To is { } to) q = from == to ? q.Where(t => t.DimValue == from) : q.Where(t => t.DimValue >= from && t.DimValue <= to);
        if (Remainder is { } remainder) q = q.Where(t => t.DimValue % B == remainder);
        return q;
    }

    public IQueryable<StatsReach> Apply(IQueryable<StatsReach> q)
    {
        q = q.Where(t => t.Dim == Dim);
        if (From is { } from && To is { } to) q = from == to ? q.Where(t => t.DimValue == from) : q.Where(t => t.DimValue >= from && t.DimValue <= to);
        if (Remainder is { } remainder) q = q.Where(t => t.DimValue % B == remainder);
        return q;
    }
}
