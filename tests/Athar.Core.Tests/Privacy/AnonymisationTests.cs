using Athar.Core.Accounts;
using Athar.Core.Identity;
using Athar.Core.Privacy;
using Athar.Core.Statistics;

namespace Athar.Core.Tests.Privacy;

public sealed class AnonymisationTests
{
    [Fact]
    public void CoarseBirthDate_KeepsTheAgeOnTheFirstAndLastDayOfEveryMonth_ForEveryBirthDayOfTheYear()
    {
        for (var birth = new DateOnly(2000, 1, 1); birth < new DateOnly(2001, 1, 1); birth = birth.AddDays(1))
        {
            var coarse = Anonymisation.CoarseBirthDate(birth);
            Assert.Equal((birth.Year, birth.Month), (coarse.Year, coarse.Month));
            for (var month = new DateOnly(2010, 1, 1); month < new DateOnly(2040, 1, 1); month = month.AddMonths(1))
            {
                Assert.Equal(AgeBands.ForMonth(birth, month.Year, month.Month), AgeBands.ForMonth(coarse, month.Year, month.Month));
                var last = month.AddMonths(1).AddDays(-1);
                // 29 February in a non-leap February is the one documented exception (docs/PRIVACY.md).
                if (birth is not { Month: 2, Day: 29 })
                    Assert.Equal(AgeRules.AgeOn(birth, last), AgeRules.AgeOn(coarse, last));
            }
        }
    }

    [Fact]
    public void NationalIdPlaceholder_IsTenCharacters_NeverAValidId_AndRandom()
    {
        var placeholders = Enumerable.Range(0, 1000).Select(_ => Anonymisation.NationalIdPlaceholder()).ToList();

        Assert.All(placeholders, p => Assert.Equal(10, p.Length));
        Assert.All(placeholders, p => Assert.True(Anonymisation.IsPlaceholder(p)));
        Assert.All(placeholders, p => Assert.False(NationalId.TryParse(p, out _)));
        Assert.Equal(1000, placeholders.Distinct(StringComparer.Ordinal).Count());
    }
}
