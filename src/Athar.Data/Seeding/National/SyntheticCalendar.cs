using System.Globalization;

namespace Athar.Data.Seeding.National;

public enum Season
{
    Ordinary,
    Ramadan,
    /// <summary>1–13 Dhu al-Hijjah: pilgrims in Makkah and Madinah.</summary>
    Hajj,
    /// <summary>5 December, International Volunteer Day, and the days around it.</summary>
    VolunteerDay,
    Summer,
}

/// <summary>
/// The days of the synthetic history with their weight: activity grows year on year, peaks in
/// Ramadan, the Hajj season and around 5 December, and dips in the summer heat. Hijri months come
/// from the Umm al-Qura calendar, so Ramadan moves through the Gregorian year as it really does.
/// </summary>
public sealed class SyntheticCalendar
{
    private static readonly UmAlQuraCalendar UmAlQura = new();
    private readonly DateOnly[] _days;
    private readonly Season[] _seasons;
    private readonly WeightedPicker _picker;

    public SyntheticCalendar(DateOnly from, DateOnly to, double yearlyGrowth = 1.35)
    {
        var count = to.DayNumber - from.DayNumber + 1;
        _days = new DateOnly[count];
        _seasons = new Season[count];
        var weights = new double[count];
        for (var i = 0; i < count; i++)
        {
            var day = from.AddDays(i);
            var season = SeasonOf(day);
            _days[i] = day;
            _seasons[i] = season;
            var growth = Math.Pow(yearlyGrowth, (day.DayNumber - from.DayNumber) / 365.25);
            var weekday = day.DayOfWeek is DayOfWeek.Friday or DayOfWeek.Saturday ? 1.3 : 1.0;
            weights[i] = growth * weekday * season switch
            {
                Season.Ramadan => 2.5,
                Season.Hajj => 3.0,
                Season.VolunteerDay => 3.0,
                Season.Summer => 0.6,
                _ => 1.0,
            };
        }
        _picker = new WeightedPicker(weights);
    }

    public DateOnly From => _days[0];
    public DateOnly To => _days[^1];

    public (DateOnly Day, Season Season) Pick(SyntheticRandom random)
    {
        var i = _picker.Pick(random);
        return (_days[i], _seasons[i]);
    }

    public static Season SeasonOf(DateOnly day)
    {
        var date = day.ToDateTime(TimeOnly.MinValue);
        var month = UmAlQura.GetMonth(date);
        if (month == 9)
            return Season.Ramadan;
        if (month == 12 && UmAlQura.GetDayOfMonth(date) <= 13)
            return Season.Hajj;
        if (day.Month == 12 && day.Day is >= 1 and <= 7)
            return Season.VolunteerDay;
        if (day.Month is 7 or 8)
            return Season.Summer;
        return Season.Ordinary;
    }
}
