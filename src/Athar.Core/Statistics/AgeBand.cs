using Athar.Core.Accounts;

namespace Athar.Core.Statistics;

/// <summary>The ministry's age bands. Values are stored in the statistics tables: never renumber.</summary>
public enum AgeBand
{
    Under18 = 1,
    From18To24 = 2,
    From25To34 = 3,
    From35To44 = 4,
    From45To54 = 5,
    From55To64 = 6,
    From65 = 7,
}

public static class AgeBands
{
    /// <summary>The first age of each band, in band order; the SQL that maintains the aggregates is generated from this list.</summary>
    public static IReadOnlyList<(AgeBand Band, int FromAge)> Lower { get; } =
    [
        (AgeBand.Under18, 0), (AgeBand.From18To24, 18), (AgeBand.From25To34, 25), (AgeBand.From35To44, 35),
        (AgeBand.From45To54, 45), (AgeBand.From55To64, 55), (AgeBand.From65, 65),
    ];

    public static IReadOnlyList<AgeBand> All { get; } = Lower.Select(l => l.Band).ToList();

    public static AgeBand ForAge(int age)
    {
        var band = AgeBand.Under18;
        foreach (var (b, from) in Lower)
        {
            if (age >= from)
                band = b;
        }
        return band;
    }

    /// <summary>
    /// A volunteer's band for activity in a month is their age on the first day of that month, so one
    /// person has one band per month whatever day their birthday falls on.
    /// </summary>
    public static AgeBand ForMonth(DateOnly birthDate, int year, int month) =>
        ForAge(AgeRules.AgeOn(birthDate, new DateOnly(year, month, 1)));

    /// <summary>Birth dates (inclusive range) of the people in <paramref name="band"/> on <paramref name="day"/>.</summary>
    public static (DateOnly BornFrom, DateOnly BornTo) BirthDates(AgeBand band, DateOnly day)
    {
        var index = All.ToList().IndexOf(band);
        var fromAge = Lower[index].FromAge;
        // Born on or before day - fromAge years; after day - (nextFromAge) years.
        var bornTo = day.AddYears(-fromAge);
        var bornFrom = index + 1 < Lower.Count ? day.AddYears(-Lower[index + 1].FromAge).AddDays(1) : DateOnly.MinValue;
        return (bornFrom, bornTo);
    }
}
