using Athar.Core.Accounts;

namespace Athar.Core.Tests.Accounts;

public class AgeRulesTests
{
    private static readonly DateOnly BirthDate = new(2000, 6, 15);

    [Fact]
    public void AgeOn_WhenBirthdayIsToday_CountsTheNewYear()
    {
        Assert.Equal(26, AgeRules.AgeOn(BirthDate, new DateOnly(2026, 6, 15)));
    }

    [Fact]
    public void AgeOn_WhenBirthdayIsTomorrow_DoesNotCountItYet()
    {
        Assert.Equal(25, AgeRules.AgeOn(BirthDate, new DateOnly(2026, 6, 14)));
    }

    [Fact]
    public void AgeOn_WhenBirthdayWasYesterday_CountsIt()
    {
        Assert.Equal(26, AgeRules.AgeOn(BirthDate, new DateOnly(2026, 6, 16)));
    }

    [Fact]
    public void AgeOn_OnTheDayOfBirth_IsZero()
    {
        Assert.Equal(0, AgeRules.AgeOn(BirthDate, BirthDate));
    }

    [Theory]
    [InlineData(2001, 12, 30, 0)]
    [InlineData(2001, 12, 31, 1)]
    [InlineData(2002, 1, 1, 1)]
    public void AgeOn_AcrossTheNewYear_CountsByCalendarDate(int y, int m, int d, int expected)
    {
        Assert.Equal(expected, AgeRules.AgeOn(new DateOnly(2000, 12, 31), new DateOnly(y, m, d)));
    }

    [Theory]
    [InlineData(2026, 2, 28, 17)]
    [InlineData(2026, 3, 1, 18)]
    [InlineData(2027, 2, 28, 18)]
    [InlineData(2027, 3, 1, 19)]
    [InlineData(2028, 2, 28, 19)]
    [InlineData(2028, 2, 29, 20)]
    [InlineData(2028, 3, 1, 20)]
    [InlineData(2009, 2, 28, 0)]
    [InlineData(2009, 3, 1, 1)]
    public void AgeOn_WhenBornOn29February_HasBirthdayOn1MarchInNonLeapYears(int y, int m, int d, int expected)
    {
        Assert.Equal(expected, AgeRules.AgeOn(new DateOnly(2008, 2, 29), new DateOnly(y, m, d)));
    }

    [Fact]
    public void AgeOn_OverManyYears_MatchesCountingBirthdaysOneByOne()
    {
        var births = new[] { new DateOnly(1990, 1, 1), new DateOnly(1996, 2, 29), new DateOnly(2004, 12, 31), new DateOnly(2011, 7, 19) };
        foreach (var birth in births)
        {
            var age = 0;
            for (var day = birth; day <= new DateOnly(2040, 12, 31); day = day.AddDays(1))
            {
                if (day != birth && IsBirthday(birth, day))
                    age++;

                Assert.Equal(age, AgeRules.AgeOn(birth, day));
            }
        }
    }

    // The birthday anniversary, with 29 February birthdays kept on 1 March in common years.
    private static bool IsBirthday(DateOnly birth, DateOnly day)
    {
        if (birth is { Month: 2, Day: 29 } && !DateTime.IsLeapYear(day.Year))
            return day is { Month: 3, Day: 1 };
        return day.Month == birth.Month && day.Day == birth.Day;
    }
}
