using System.Globalization;
using Athar.Core.Calendar;

namespace Athar.Core.Tests.Calendar;

public class DualDateTests
{
    private static readonly CultureInfo Arabic = CultureInfo.GetCultureInfo("ar-SA");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    // Expected Hijri dates were checked against ICU's islamic-umalqura calendar (a separate
    // implementation from .NET's UmAlQuraCalendar) and against the published Umm al-Qura dates.
    [Theory]
    [InlineData(2026, 11, 23, 1448, 6, 13)]
    [InlineData(2026, 2, 18, 1447, 9, 1)]   // 1 Ramadan 1447
    [InlineData(2026, 2, 17, 1447, 8, 29)]
    [InlineData(2026, 3, 20, 1447, 10, 1)]  // 1 Shawwal 1447
    [InlineData(2025, 6, 26, 1447, 1, 1)]   // 1 Muharram 1447
    [InlineData(2024, 3, 11, 1445, 9, 1)]   // 1 Ramadan 1445
    [InlineData(2026, 1, 1, 1447, 7, 12)]
    [InlineData(2000, 1, 1, 1420, 9, 24)]
    [InlineData(1990, 5, 15, 1410, 10, 20)]
    public void ToHijri_ForKnownDates_ReturnsUmmAlQuraDate(int y, int m, int d, int hy, int hm, int hd)
    {
        Assert.Equal(new HijriDate(hy, hm, hd), DualDate.ToHijri(new DateOnly(y, m, d)));
    }

    [Fact]
    public void FromHijri_FirstOfRamadan1447_Is18February2026()
    {
        Assert.Equal(new DateOnly(2026, 2, 18), DualDate.FromHijri(1447, 9, 1));
    }

    [Fact]
    public void ToHijri_OverAHalfCentury_AgreesWithUmAlQuraCalendar()
    {
        var calendar = new UmAlQuraCalendar();
        for (var date = new DateOnly(1990, 1, 1); date <= new DateOnly(2040, 12, 31); date = date.AddDays(1))
        {
            var dt = date.ToDateTime(TimeOnly.MinValue);
            var expected = new HijriDate(calendar.GetYear(dt), calendar.GetMonth(dt), calendar.GetDayOfMonth(dt));

            Assert.Equal(expected, DualDate.ToHijri(date));
        }
    }

    [Fact]
    public void FromHijri_OfToHijri_ReturnsTheSameDate()
    {
        for (var date = new DateOnly(1990, 1, 1); date <= new DateOnly(2040, 12, 31); date = date.AddDays(1))
        {
            var h = DualDate.ToHijri(date);

            Assert.Equal(date, DualDate.FromHijri(h.Year, h.Month, h.Day));
        }
    }

    [Fact]
    public void ToHijri_AtTheEdgesOfTheSupportedRange_RoundTrips()
    {
        var first = new DateOnly(1900, 4, 30);
        var last = new DateOnly(2077, 11, 16);

        Assert.Equal(new HijriDate(1318, 1, 1), DualDate.ToHijri(first));
        Assert.Equal(new HijriDate(1500, 12, 30), DualDate.ToHijri(last));
        Assert.Equal(first, DualDate.FromHijri(1318, 1, 1));
        Assert.Equal(last, DualDate.FromHijri(1500, 12, 30));
    }

    [Theory]
    [InlineData(1900, 4, 29)]
    [InlineData(1800, 1, 1)]
    [InlineData(2077, 11, 17)]
    [InlineData(2100, 1, 1)]
    public void ToHijri_WhenOutsideUmmAlQuraRange_Throws(int y, int m, int d)
    {
        var date = new DateOnly(y, m, d);

        Assert.Throws<ArgumentOutOfRangeException>(() => DualDate.ToHijri(date));
        Assert.Throws<ArgumentOutOfRangeException>(() => DualDate.FormatHijri(date, English));
    }

    [Theory]
    [InlineData(1317, 12, 29)]
    [InlineData(1501, 1, 1)]
    [InlineData(1447, 13, 1)]
    [InlineData(1447, 0, 1)]
    [InlineData(1447, 9, 31)]
    [InlineData(1447, 9, 0)]
    public void FromHijri_WhenDateDoesNotExist_Throws(int year, int month, int day)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DualDate.FromHijri(year, month, day));
    }

    [Theory]
    [InlineData(1445)]
    [InlineData(1446)]
    [InlineData(1447)]
    [InlineData(1448)]
    public void DaysInHijriYear_IsTheDistanceBetweenNewYears(int year)
    {
        var days = DualDate.FromHijri(year + 1, 1, 1).DayNumber - DualDate.FromHijri(year, 1, 1).DayNumber;

        Assert.Equal(days, DualDate.DaysInHijriYear(year));
        Assert.InRange(days, 354, 355);
    }

    [Fact]
    public void Format_InArabic_ShowsGregorianAndHijriWithArabicMonthNames()
    {
        var text = DualDate.Format(new DateOnly(2026, 11, 23), Arabic);

        Assert.Equal("23 نوفمبر 2026 م (13 جمادى الآخرة 1448 هـ)", text);
    }

    [Fact]
    public void Format_InEnglish_ShowsGregorianAndHijriWithAH()
    {
        var text = DualDate.Format(new DateOnly(2026, 11, 23), English);

        Assert.Equal("23 November 2026 (13 Jumada al-Akhirah 1448 AH)", text);
    }

    [Theory]
    [InlineData("ar")]
    [InlineData("ar-SA")]
    [InlineData("ar-EG")]
    public void FormatHijri_ForAnyArabicCulture_EndsWithHijriSuffix(string cultureName)
    {
        var text = DualDate.FormatHijri(new DateOnly(2026, 2, 18), CultureInfo.GetCultureInfo(cultureName));

        Assert.Equal("1 رمضان 1447 هـ", text);
        Assert.EndsWith("هـ", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("en-US")]
    [InlineData("fr-FR")]
    public void FormatHijri_ForNonArabicCultures_UsesEnglishNamesAndAH(string cultureName)
    {
        var text = DualDate.FormatHijri(new DateOnly(2026, 2, 18), CultureInfo.GetCultureInfo(cultureName));

        Assert.Equal("1 Ramadan 1447 AH", text);
    }

    [Fact]
    public void FormatHijri_InArabic_UsesEachArabicMonthName()
    {
        string[] months =
        [
            "محرم", "صفر", "ربيع الأول", "ربيع الآخر", "جمادى الأولى", "جمادى الآخرة",
            "رجب", "شعبان", "رمضان", "شوال", "ذو القعدة", "ذو الحجة",
        ];
        for (var month = 1; month <= 12; month++)
        {
            var text = DualDate.FormatHijri(DualDate.FromHijri(1447, month, 1), Arabic);

            Assert.Equal(string.Create(CultureInfo.InvariantCulture, $"1 {months[month - 1]} 1447 هـ"), text);
        }
    }

    [Fact]
    public void FormatHijri_InEnglish_UsesEachEnglishMonthNameAndAH()
    {
        string[] months =
        [
            "Muharram", "Safar", "Rabi al-Awwal", "Rabi al-Thani", "Jumada al-Ula", "Jumada al-Akhirah",
            "Rajab", "Shaban", "Ramadan", "Shawwal", "Dhu al-Qadah", "Dhu al-Hijjah",
        ];
        for (var month = 1; month <= 12; month++)
        {
            var text = DualDate.FormatHijri(DualDate.FromHijri(1447, month, 1), English);

            Assert.Equal(string.Create(CultureInfo.InvariantCulture, $"1 {months[month - 1]} 1447 AH"), text);
        }
    }

    [Fact]
    public void FormatGregorian_InArabic_UsesEachArabicMonthName()
    {
        string[] months =
        [
            "يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو",
            "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر",
        ];
        for (var month = 1; month <= 12; month++)
        {
            var text = DualDate.FormatGregorian(new DateOnly(2026, month, 5), Arabic);

            Assert.Equal(string.Create(CultureInfo.InvariantCulture, $"5 {months[month - 1]} 2026 م"), text);
        }
    }

    [Fact]
    public void FormatGregorian_InEnglish_IsDayMonthYear()
    {
        Assert.Equal("5 March 2026", DualDate.FormatGregorian(new DateOnly(2026, 3, 5), English));
    }

    [Fact]
    public void SaudiTimeZone_IsUtcPlusThreeAllYearRound()
    {
        Assert.Equal(TimeSpan.FromHours(3), DualDate.SaudiTimeZone.BaseUtcOffset);
        for (var month = 1; month <= 12; month++)
        {
            var instant = new DateTimeOffset(2026, month, 15, 12, 0, 0, TimeSpan.Zero);

            Assert.Equal(TimeSpan.FromHours(3), DualDate.SaudiTimeZone.GetUtcOffset(instant));
        }
    }

    [Fact]
    public void ToSaudiDate_LateEveningUtc_IsNextDayInSaudiArabia()
    {
        var instant = new DateTimeOffset(2026, 1, 1, 22, 30, 0, TimeSpan.Zero);

        Assert.Equal(new DateOnly(2026, 1, 2), DualDate.ToSaudiDate(instant));
        Assert.Equal(new DateTime(2026, 1, 2, 1, 30, 0), DualDate.ToSaudiTime(instant));
    }

    [Theory]
    [InlineData(20, 59, 1)]
    [InlineData(21, 0, 2)]
    public void ToSaudiDate_AtMidnightRiyadh_ChangesDay(int utcHour, int utcMinute, int expectedDay)
    {
        var instant = new DateTimeOffset(2026, 1, 1, utcHour, utcMinute, 0, TimeSpan.Zero);

        Assert.Equal(new DateOnly(2026, 1, expectedDay), DualDate.ToSaudiDate(instant));
    }

    [Fact]
    public void ToSaudiTime_IgnoresTheOffsetTheInstantWasWrittenIn()
    {
        var inKarachi = new DateTimeOffset(2026, 1, 2, 3, 30, 0, TimeSpan.FromHours(5));

        Assert.Equal(new DateTime(2026, 1, 2, 1, 30, 0), DualDate.ToSaudiTime(inKarachi));
    }
}
