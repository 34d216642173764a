namespace Athar.Core.Statistics;

/// <summary>
/// The value in SAR of one volunteer hour, per Gregorian year and optionally per field. The default,
/// 21.67 SAR, is what the Makkah neighbourhood-centres association's report implies (91M SAR from
/// 4.2M hours through 2023). Configuration: Athar:Statistics:HourlyValues.
/// </summary>
public sealed class HourlyValueOptions
{
    public const decimal MakkahDefault = 21.67m;

    public decimal DefaultSar { get; set; } = MakkahDefault;

    public List<HourlyValueRate> Rates { get; set; } = [];

    /// <summary>The most specific rate: year and field, then year, then the default.</summary>
    public decimal RateFor(int year, int fieldId) =>
        Rates.FirstOrDefault(r => r.Year == year && r.FieldId == fieldId)?.Sar
        ?? Rates.FirstOrDefault(r => r.Year == year && r.FieldId is null)?.Sar
        ?? DefaultSar;
}

public sealed class HourlyValueRate
{
    public int Year { get; set; }
    public int? FieldId { get; set; }
    public decimal Sar { get; set; }
}

public static class EconomicValue
{
    /// <summary>
    /// Verified minutes grouped by Gregorian year and field, each at its rate; rounded once, at the end,
    /// to halalas, so a total equals the value of its parts to the last halala before rounding.
    /// </summary>
    public static decimal Compute(IEnumerable<(int Year, int FieldId, long Minutes)> minutes, HourlyValueOptions rates)
    {
        // Minute-riyals are exact (whole minutes times a rate in halalas); dividing by 60 once, at the end, makes the
        // total independent of how the minutes were split into parts. Dividing each part (m / 60m) rounded every
        // quotient at 28 digits, so facts and rollups, summing different parts, could land on either side of a
        // half-halala and round apart (161.97 vs 161.98).
        var minuteRiyals = 0m;
        foreach (var (year, field, m) in minutes)
            minuteRiyals += m * rates.RateFor(year, field);
        // + 0.00m fixes the scale at two decimals: a decimal sum keeps the scale its additions happened to reach,
        // so the same value summed in another order (facts or rollups) would otherwise print as 275.0 or 275.
        return Math.Round(minuteRiyals / 60m, 2, MidpointRounding.AwayFromZero) + 0.00m;
    }
}
