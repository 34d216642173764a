using Athar.Core.Statistics;

namespace Athar.Data.Statistics;

/// <summary>
/// How a cut reads from the counters (<see cref="StatsCounterSql"/>): national, one dimension, a region and one more
/// (the <see cref="RollupCut"/> packing), or one organisation or program alone. Null from <see cref="For"/> when the
/// counter does not hold the cut (a volunteer, an organisation together with another dimension…): those read the raw
/// tables, where such narrow cuts are indexed.
/// </summary>
public sealed record CounterCut(RollupDim Dim, long? From, long? To, long? Remainder, Guid ScopeId)
{
    public static CounterCut? For(StatsFilter f, IReadOnlyList<RollupDim> kept)
    {
        if (f.VolunteerId is not null)
            return null;
        var scoped = f.Used & (Dimensions.Organization | Dimensions.Program);
        if (scoped != Dimensions.None)
        {
            // An organisation or a program alone; with anything else the raw tables answer.
            if (f.Used == Dimensions.Organization && f.OrganizationId is { } organization)
                return new CounterCut(RollupDim.Organization, 0, 0, null, organization);
            if (f.Used == Dimensions.Program && f.ProgramId is { } program)
                return new CounterCut(RollupDim.Program, 0, 0, null, program);
            return null;
        }
        return RollupCut.For(f) is { } cut && kept.Contains(cut.Dim)
            ? new CounterCut(cut.Dim, cut.From, cut.To, cut.Remainder, Guid.Empty)
            : null;
    }

    /// <summary>yyyymmdd of a day, the counters' day key.</summary>
    public static int DayKey(DateOnly day) => day.Year * 10000 + day.Month * 100 + day.Day;

    public IQueryable<T> Apply<T>(IQueryable<T> q, DateOnly start, DateOnly end) where T : class, IStatsCounter
    {
        var (from, to) = (DayKey(start), DayKey(end));
        q = q.Where(c => c.Dim == Dim && c.ScopeId == ScopeId && c.Day >= from && c.Day < to);
        if (From is { } low && To is { } high) q = low == high ? q.Where(c => c.DimValue == low) : q.Where(c => c.DimValue >= low && c.DimValue <= high);
        if (Remainder is { } remainder) q = q.Where(c => c.DimValue % StatsRollupSql.PairBase == remainder);
        return q;
    }
}
