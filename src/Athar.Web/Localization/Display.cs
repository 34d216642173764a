using System.Globalization;
using Athar.Core.Calendar;
using Microsoft.Extensions.Localization;

namespace Athar.Web.Localization;

/// <summary>
/// Formats numbers, amounts and dates for the current culture. Arabic pages use Arabic-Indic
/// digits (٠١٢٣) as ar-SA's native digits; .NET always emits ASCII digits, so they are substituted here.
/// </summary>
public sealed class Display(IStringLocalizer<SharedResource> t)
{
    private static CultureInfo Culture => CultureInfo.CurrentCulture;

    public string Number(long value) => Digits(value.ToString("N0", Culture));

    public string Number(decimal value, int decimals = 0) => Digits(value.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), Culture));

    public string Hours(decimal hours) => t["Unit.Hours", Number(hours, hours == decimal.Truncate(hours) ? 0 : 1)];

    /// <summary>"1,234.50 ر.س" / "SAR 1,234.50".</summary>
    public string Sar(decimal amount) => t["Unit.Sar", Number(amount, 2)];

    public string Date(DateOnly date) => Digits(DualDate.Format(date, Culture));

    public string Gregorian(DateOnly date) => Digits(DualDate.FormatGregorian(date, Culture));

    public string Hijri(DateOnly date) => Digits(DualDate.FormatHijri(date, Culture));

    public string Date(DateTimeOffset instant) => Date(DualDate.ToSaudiDate(instant));

    public string DateTime(DateTimeOffset instant) => $"{Date(instant)} {Time(instant)}";

    /// <summary>A wall-clock time, 24-hour "HH:mm" in both languages (Saudi usage on forms and signs).</summary>
    public string Time(TimeOnly time) => Digits(time.ToString("HH:mm", CultureInfo.InvariantCulture));

    /// <summary>An instant's time of day in Saudi Arabia.</summary>
    public string Time(DateTimeOffset instant) => Time(TimeOnly.FromDateTime(DualDate.ToSaudiTime(instant)));

    public static string Digits(string text)
    {
        if (!AtharCultures.IsArabic(Culture))
            return text;
        return string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
                span[i] = source[i] is >= '0' and <= '9' ? (char)('\u0660' + (source[i] - '0')) : source[i];
        });
    }
}
