namespace Athar.Core.Accounts;

/// <summary>Age on a given day, in whole years, as the law counts it (a birthday on 29 February falls on 1 March).</summary>
public static class AgeRules
{
    public static int AgeOn(DateOnly birthDate, DateOnly day)
    {
        var age = day.Year - birthDate.Year;
        if (day < AddYearsClamped(birthDate, age))
            age--;
        return age;
    }

    private static DateOnly AddYearsClamped(DateOnly birthDate, int years)
    {
        var year = birthDate.Year + years;
        if (birthDate is { Month: 2, Day: 29 } && !DateTime.IsLeapYear(year))
            return new DateOnly(year, 3, 1);
        return new DateOnly(year, birthDate.Month, birthDate.Day);
    }
}
