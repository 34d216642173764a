using System.Globalization;
using Athar.Core.Calendar;
using Athar.Core.Reference;
using Athar.Core.Statistics;
using Athar.Data.Statistics;
using Athar.Web.Localization;
using Microsoft.Extensions.Localization;

namespace Athar.Web.Features.Statistics;

/// <summary>Names and formatted figures in the reader's language and digits.</summary>
public sealed class StatsLabels(IStringLocalizer<StatisticsText> l, Display show)
{
    private static bool Arabic => AtharCultures.IsArabic(CultureInfo.CurrentCulture);

    public IStringLocalizer<StatisticsText> L => l;

    public string Region(int id) => ReferenceData.FindRegion(id) is { } r ? (Arabic ? r.NameAr : r.NameEn) : Display.Digits(id.ToString(CultureInfo.InvariantCulture));

    public string City(int id) => ReferenceData.FindCity(id) is { } c ? (Arabic ? c.NameAr : c.NameEn) : Display.Digits(id.ToString(CultureInfo.InvariantCulture));

    public string Field(int id) => ReferenceData.Fields.FirstOrDefault(f => f.Id == id) is { } f ? (Arabic ? f.NameAr : f.NameEn) : Display.Digits(id.ToString(CultureInfo.InvariantCulture));

    public string Indicator(IndicatorKey key) => l["Indicator." + key];

    public string Period(StatsPeriod p) => p.Kind switch
    {
        PeriodKind.Month => Month(p.Year * 100 + p.Number, hijri: false),
        PeriodKind.Quarter => l["Period.QuarterOf", show.Number(p.Number), Year(p.Year)],
        PeriodKind.Year => Year(p.Year),
        _ => l["Period.HijriYear", Year(p.Year)],
    };

    public static string Year(int year) => Display.Digits(year.ToString(CultureInfo.InvariantCulture));

    public string Month(int key, bool hijri)
    {
        var (year, month) = (key / 100, key % 100);
        if (hijri)
        {
            var text = DualDate.FormatHijri(DualDate.FromHijri(year, month, 1), CultureInfo.CurrentCulture);
            return Display.Digits(text[(text.IndexOf(' ', StringComparison.Ordinal) + 1)..]);
        }
        var gregorian = DualDate.FormatGregorian(new DateOnly(year, month, 1), CultureInfo.CurrentCulture);
        return Display.Digits(gregorian[(gregorian.IndexOf(' ', StringComparison.Ordinal) + 1)..]);
    }

    public string Key(Breakdown by, int key, bool hijri) => by switch
    {
        Breakdown.Month => Month(key, hijri),
        Breakdown.Region => Region(key),
        Breakdown.City => City(key),
        Breakdown.Field => Field(key),
        Breakdown.Gender => l["Gender." + key.ToString(CultureInfo.InvariantCulture)],
        Breakdown.AgeBand => l["AgeBand." + (AgeBand)key],
        Breakdown.OrganizationType => l["OrganizationType." + key.ToString(CultureInfo.InvariantCulture)],
        _ => l["VolunteeringType." + key.ToString(CultureInfo.InvariantCulture)],
    };

    public StatsCell Count(long value) => new(show.Number(value), value);

    public StatsCell Hours(decimal hours) => new(show.Number(hours, hours == decimal.Truncate(hours) ? 0 : 2), hours);

    public StatsCell Sar(decimal amount) => new(show.Number(amount, 2), amount);

    public StatsCell Percent(decimal? value) => value is { } v ? new(l["Unit.Percent", show.Number(v, 2)], v) : new("—");

    public StatsCell Hidden() => new(l["Suppressed"], null, Hidden: true);

    public StatsCell Value(Indicator indicator, decimal? value, bool applies)
    {
        if (!indicator.Available)
            return new(l["NotYetAvailable"]);
        if (!applies)
            return new(l["NotApplicable"]);
        if (value is not { } v)
            return new("—");
        return indicator.Unit switch
        {
            IndicatorUnit.Count => Count((long)v),
            IndicatorUnit.Hours => Hours(v),
            IndicatorUnit.Sar => Sar(v),
            _ => Percent(v),
        };
    }

    public StatsCell Growth(decimal? growth) => growth is { } g
        ? new(Display.Digits((g > 0 ? "+" : "")) + l["Unit.Percent", show.Number(g, 1)], g)
        : new("—");
}
