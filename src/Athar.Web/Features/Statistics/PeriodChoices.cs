using Athar.Core.Calendar;
using Athar.Core.Statistics;

namespace Athar.Web.Features.Statistics;

/// <summary>The periods offered in the filter: recent years, quarters and months, and recent Hijri years.</summary>
public static class PeriodChoices
{
    public static IReadOnlyList<StatsPeriod> Recent(TimeProvider clock, StatsPeriod selected)
    {
        var today = DualDate.ToSaudiDate(clock.GetUtcNow());
        var hijri = DualDate.ToHijri(today).Year;
        var list = new List<StatsPeriod>();
        for (var y = today.Year; y > today.Year - 5; y--)
            list.Add(StatsPeriod.GregorianYear(y));
        for (var y = hijri; y > hijri - 3; y--)
            list.Add(StatsPeriod.Hijri(y));
        for (var q = 4; q >= 1; q--)
            list.Add(StatsPeriod.ForQuarter(today.Year, q));
        for (var m = 12; m >= 1; m--)
            list.Add(StatsPeriod.ForMonth(today.Year, m));
        if (!list.Contains(selected))
            list.Insert(0, selected);
        return list;
    }
}
