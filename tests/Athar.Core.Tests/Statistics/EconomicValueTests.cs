using Athar.Core.Statistics;

namespace Athar.Core.Tests.Statistics;

public sealed class EconomicValueTests
{
    // 3,090 minutes at 21.67 SAR an hour is exactly 1,116.005 SAR: a half-halala, where rounding can go either way.
    private const long HalfHalalaMinutes = 3_090;

    [Fact]
    public void AHalfHalala_RoundsAwayFromZero()
    {
        Assert.Equal(1_116.01m, EconomicValue.Compute([(2026, 1, HalfHalalaMinutes)], new HourlyValueOptions()));
    }

    [Fact]
    public void TheSameMinutes_SplitIntoOtherParts_HaveTheSameValue()
    {
        // Facts and rollups hold the same minutes in different parts. 59/60 is not exact in decimal: dividing each part
        // by 60 left the sum of 52 such parts a hair under the half-halala, and the total rounded down to 1,116.00.
        var rates = new HourlyValueOptions();
        var parts = Enumerable.Repeat((2026, 1, 59L), 52).Append((2026, 1, HalfHalalaMinutes - 52 * 59)).ToList();

        Assert.Equal(HalfHalalaMinutes, parts.Sum(p => p.Item3));
        Assert.Equal(EconomicValue.Compute([(2026, 1, HalfHalalaMinutes)], rates), EconomicValue.Compute(parts, rates));
    }

    [Fact]
    public void EachYearAndField_IsValuedAtItsOwnRate()
    {
        var rates = new HourlyValueOptions { Rates = [new() { Year = 2025, Sar = 20m }, new() { Year = 2026, FieldId = 3, Sar = 30m }] };

        // 90 min at 20 (2025) + 60 min at 30 (2026, field 3) + 30 min at the default 21.67 (2026, field 1).
        Assert.Equal(30m + 30m + 10.835m + 0.005m, EconomicValue.Compute([(2025, 1, 90), (2026, 3, 60), (2026, 1, 30)], rates));
    }
}
