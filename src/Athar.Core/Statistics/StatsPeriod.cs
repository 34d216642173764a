using System.Globalization;
using Athar.Core.Calendar;

namespace Athar.Core.Statistics;

public enum PeriodKind
{
    Month = 1,
    Quarter = 2,
    Year = 3,
    HijriYear = 4,
}

/// <summary>
/// A reporting period: a Gregorian month, quarter or year, or a Hijri (Umm al-Qura) year. Written as
/// "2026-11", "2026-Q4", "2026" or "1448H". Hours are aggregated per Gregorian month and per Hijri
/// month, so both calendars' periods are exact unions of aggregate months.
/// </summary>
public readonly record struct StatsPeriod(PeriodKind Kind, int Year, int Number)
{
    public static StatsPeriod GregorianYear(int year) => new(PeriodKind.Year, year, 0);

    public static StatsPeriod Hijri(int year) => new(PeriodKind.HijriYear, year, 0);

    public static StatsPeriod ForMonth(int year, int month) => new(PeriodKind.Month, year, month);

    public static StatsPeriod ForQuarter(int year, int quarter) => new(PeriodKind.Quarter, year, quarter);

    /// <summary>First day of the period (a Saudi calendar day).</summary>
    public DateOnly Start => Kind switch
    {
        PeriodKind.Month => new DateOnly(Year, Number, 1),
        PeriodKind.Quarter => new DateOnly(Year, (Number - 1) * 3 + 1, 1),
        PeriodKind.Year => new DateOnly(Year, 1, 1),
        _ => DualDate.FromHijri(Year, 1, 1),
    };

    /// <summary>The day after the period's last day.</summary>
    public DateOnly End => Kind switch
    {
        PeriodKind.Month => Start.AddMonths(1),
        PeriodKind.Quarter => Start.AddMonths(3),
        PeriodKind.Year => Start.AddYears(1),
        _ => DualDate.FromHijri(Year + 1, 1, 1),
    };

    public bool IsHijri => Kind == PeriodKind.HijriYear;

    /// <summary>The aggregate month keys (yyyymm; Hijri months when <see cref="IsHijri"/>) the period covers, inclusive.</summary>
    public (int From, int To) MonthKeys => Kind switch
    {
        PeriodKind.HijriYear => (Year * 100 + 1, Year * 100 + 12),
        _ => (MonthKey(Start), MonthKey(End.AddDays(-1))),
    };

    public StatsPeriod Previous() => Kind switch
    {
        PeriodKind.Month => Number == 1 ? ForMonth(Year - 1, 12) : ForMonth(Year, Number - 1),
        PeriodKind.Quarter => Number == 1 ? ForQuarter(Year - 1, 4) : ForQuarter(Year, Number - 1),
        PeriodKind.Year => GregorianYear(Year - 1),
        _ => Hijri(Year - 1),
    };

    /// <summary>The months of the period, in order, for monthly series (Hijri months for a Hijri year).</summary>
    public IReadOnlyList<int> Months()
    {
        var (from, to) = MonthKeys;
        var months = new List<int>();
        for (var key = from; key <= to; key = key % 100 == 12 ? (key / 100 + 1) * 100 + 1 : key + 1)
            months.Add(key);
        return months;
    }

    public static int MonthKey(DateOnly date) => date.Year * 100 + date.Month;

    public static int HijriMonthKey(DateOnly date)
    {
        var h = DualDate.ToHijri(date);
        return h.Year * 100 + h.Month;
    }

    public override string ToString() => Kind switch
    {
        PeriodKind.Month => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Number:D2}"),
        PeriodKind.Quarter => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-Q{Number}"),
        PeriodKind.Year => Year.ToString("D4", CultureInfo.InvariantCulture),
        _ => string.Create(CultureInfo.InvariantCulture, $"{Year}H"),
    };

    public static bool TryParse(string? text, out StatsPeriod period)
    {
        period = default;
        if (string.IsNullOrWhiteSpace(text))
            return false;
        text = text.Trim();
        var inv = CultureInfo.InvariantCulture;
        if (text.EndsWith('H') || text.EndsWith('h'))
        {
            if (int.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.None, inv, out var hy) && hy is >= 1357 and <= 1499)
            {
                period = Hijri(hy);
                return true;
            }
            return false;
        }
        var parts = text.Split('-');
        if (!int.TryParse(parts[0], NumberStyles.None, inv, out var year) || year is < 1990 or > 2076)
            return false;
        if (parts.Length == 1)
        {
            period = GregorianYear(year);
            return true;
        }
        if (parts.Length != 2)
            return false;
        if (parts[1].Length == 2 && (parts[1][0] == 'Q' || parts[1][0] == 'q') && parts[1][1] is >= '1' and <= '4')
        {
            period = ForQuarter(year, parts[1][1] - '0');
            return true;
        }
        if (int.TryParse(parts[1], NumberStyles.None, inv, out var month) && month is >= 1 and <= 12)
        {
            period = ForMonth(year, month);
            return true;
        }
        return false;
    }
}
