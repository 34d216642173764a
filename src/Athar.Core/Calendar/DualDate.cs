using System.Globalization;

namespace Athar.Core.Calendar;

/// <summary>
/// Dates shown the way Saudi readers expect: Gregorian and Hijri (Umm al-Qura) side by side.
/// The app's Arabic culture uses the Gregorian calendar for its default formats; the Hijri
/// date is always produced here, explicitly, from <see cref="UmAlQuraCalendar"/>.
/// </summary>
public static class DualDate
{
    private static readonly UmAlQuraCalendar UmAlQura = new();

    private static readonly string[] HijriMonthsEn =
    [
        "Muharram", "Safar", "Rabi al-Awwal", "Rabi al-Thani", "Jumada al-Ula", "Jumada al-Akhirah",
        "Rajab", "Shaban", "Ramadan", "Shawwal", "Dhu al-Qadah", "Dhu al-Hijjah",
    ];

    private static readonly string[] HijriMonthsAr =
    [
        "محرم", "صفر", "ربيع الأول", "ربيع الآخر", "جمادى الأولى", "جمادى الآخرة",
        "رجب", "شعبان", "رمضان", "شوال", "ذو القعدة", "ذو الحجة",
    ];

    private static readonly string[] GregorianMonthsAr =
    [
        "يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو",
        "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر",
    ];

    /// <summary>The Saudi time zone (UTC+3, no daylight saving); a display concern only.</summary>
    public static TimeZoneInfo SaudiTimeZone { get; } = FindSaudiZone();

    public static HijriDate ToHijri(DateOnly date)
    {
        var dt = date.ToDateTime(TimeOnly.MinValue);
        if (dt < UmAlQura.MinSupportedDateTime || dt > UmAlQura.MaxSupportedDateTime)
            throw new ArgumentOutOfRangeException(nameof(date), "Outside the Umm al-Qura calendar's range (1900-2077).");
        return new HijriDate(UmAlQura.GetYear(dt), UmAlQura.GetMonth(dt), UmAlQura.GetDayOfMonth(dt));
    }

    public static DateOnly FromHijri(int year, int month, int day) =>
        DateOnly.FromDateTime(UmAlQura.ToDateTime(year, month, day, 0, 0, 0, 0));

    public static int DaysInHijriYear(int year) => UmAlQura.GetDaysInYear(year);

    public static string FormatGregorian(DateOnly date, CultureInfo culture)
    {
        if (IsArabic(culture))
            return string.Create(culture, $"{date.Day} {GregorianMonthsAr[date.Month - 1]} {date.Year} م");
        return date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
    }

    public static string FormatHijri(DateOnly date, CultureInfo culture)
    {
        var h = ToHijri(date);
        return IsArabic(culture)
            ? string.Create(culture, $"{h.Day} {HijriMonthsAr[h.Month - 1]} {h.Year} هـ")
            : string.Create(CultureInfo.InvariantCulture, $"{h.Day} {HijriMonthsEn[h.Month - 1]} {h.Year} AH");
    }

    /// <summary>"23 نوفمبر 2026 م (13 جمادى الآخرة 1448 هـ)" or "23 November 2026 (13 Jumada al-Akhirah 1448 AH)".</summary>
    public static string Format(DateOnly date, CultureInfo culture) =>
        $"{FormatGregorian(date, culture)} ({FormatHijri(date, culture)})";

    public static DateOnly ToSaudiDate(DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, SaudiTimeZone).DateTime);

    public static DateTime ToSaudiTime(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, SaudiTimeZone).DateTime;

    private static bool IsArabic(CultureInfo culture) => culture.TwoLetterISOLanguageName == "ar";

    private static TimeZoneInfo FindSaudiZone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Asia/Riyadh");
        }
        catch (TimeZoneNotFoundException)
        {
            // Saudi Arabia has kept UTC+3 without daylight saving since 1947.
            return TimeZoneInfo.CreateCustomTimeZone("Asia/Riyadh", TimeSpan.FromHours(3), "Arabia Standard Time", "Arabia Standard Time");
        }
    }
}

public readonly record struct HijriDate(int Year, int Month, int Day);
