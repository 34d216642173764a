using System.Globalization;
using Athar.Core.Accounts;
using Athar.Core.Calendar;
using Athar.Core.Reference;
using Athar.Core.Text;

namespace Athar.Core.Import;

/// <summary>
/// Reads the cell values people actually type into Saudi spreadsheets: Arabic-Indic digits, Arabic
/// or English names of regions, cities, fields and genders, Gregorian or Hijri (Umm al-Qura) dates,
/// and the date serial numbers Excel stores.
/// </summary>
public static class ImportCells
{
    private static readonly string[] GregorianFormats = ["yyyy-MM-dd", "yyyy/MM/dd", "yyyy-M-d", "yyyy/M/d", "d/M/yyyy", "dd/MM/yyyy", "d-M-yyyy", "dd-MM-yyyy", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm:ss"];

    /// <summary>Hijri years are told from Gregorian ones by their size: 1300–1499 AH is 1882–2076 CE.</summary>
    private const int LastHijriYear = 1499;

    /// <summary>A Gregorian or Hijri date; null when it cannot be read or does not exist.</summary>
    public static DateOnly? Date(string? text)
    {
        if (text is null)
            return null;
        var value = ArabicNormalizer.NormalizeDigits(text.Trim()).Replace('\u060C', '/'); // Arabic comma typed as a separator
        // Excel keeps dates as day numbers since 1899-12-30; a reader that does not know the cell's style hands them over as numbers.
        if (value.Length == 5 && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var serial) && serial > 20_000)
            return DateOnly.FromDateTime(DateTime.FromOADate(serial));
        if (!DateTime.TryParseExact(value, GregorianFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            return null;
        var date = DateOnly.FromDateTime(parsed);
        if (date.Year > LastHijriYear)
            return date;
        if (date.Year < 1300)
            return null;
        try
        {
            // Parsed as Gregorian parts; they are the Hijri year, month and day.
            return DualDate.FromHijri(date.Year, date.Month, date.Day);
        }
        catch (ArgumentOutOfRangeException)
        {
            return null; // 30 in a 29-day Hijri month
        }
    }

    /// <summary>Hours as a decimal number (4.5, 4,5 or ٤٫٥), in whole minutes; null when not a number.</summary>
    public static int? Minutes(string? text)
    {
        if (text is null)
            return null;
        var value = ArabicNormalizer.NormalizeDigits(text.Trim()).Replace('\u066B', '.').Replace(',', '.');
        if (!decimal.TryParse(value, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var hours))
            return null;
        return (int)Math.Round(hours * 60m, MidpointRounding.AwayFromZero);
    }

    public static Gender? Gender(string? text) => Key(text) switch
    {
        "m" or "male" or "man" or "ذكر" or "رجل" or "1" => Accounts.Gender.Male,
        "f" or "female" or "woman" or "انثي" or "امراه" or "2" => Accounts.Gender.Female,
        _ => null,
    };

    // Every name a region, city or field is known by, normalised once: 100k rows look them up in a dictionary.
    private static readonly Dictionary<string, Reference.RegionInfo> RegionsByName = Index(ReferenceData.Regions,
        r => [r.NameAr, r.NameEn, r.Code, r.Id.ToString(CultureInfo.InvariantCulture), "منطقه " + r.NameAr, r.NameEn + " region"]);

    private static readonly Dictionary<string, CityInfo[]> CitiesByName = ReferenceData.Cities
        .SelectMany(c => new[] { c.NameAr, c.NameEn, c.Id.ToString(CultureInfo.InvariantCulture) }.Select(n => (Key: Key(n), City: c)))
        .GroupBy(x => x.Key, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.Select(x => x.City).Distinct().ToArray(), StringComparer.Ordinal);

    private static readonly Dictionary<string, FieldInfo> FieldsByName = Index(ReferenceData.Fields,
        f => [f.NameAr, f.NameEn, f.Code, f.Id.ToString(CultureInfo.InvariantCulture)]);

    public static Reference.RegionInfo? Region(string? text) => RegionsByName.GetValueOrDefault(Key(text));

    /// <summary>A city of the given region (its id, Arabic or English name).</summary>
    public static CityInfo? City(string? text, int regionId) =>
        CitiesByName.TryGetValue(Key(text), out var cities) ? cities.FirstOrDefault(c => c.RegionId == regionId) : null;

    /// <summary>True when the city exists, but in another region than the one given.</summary>
    public static bool IsCityElsewhere(string? text) => CitiesByName.ContainsKey(Key(text));

    /// <summary>A field by name (with or without the Arabic article), code or id.</summary>
    public static FieldInfo? Field(string? text)
    {
        var key = Key(text);
        return FieldsByName.GetValueOrDefault(key) ?? FieldsByName.GetValueOrDefault(Key("ال" + key));
    }

    private static Dictionary<string, T> Index<T>(IEnumerable<T> items, Func<T, string[]> names)
    {
        var index = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            foreach (var name in names(item))
                index.TryAdd(Key(name), item);
        }
        index.Remove(string.Empty);
        return index;
    }

    // Compared without case, spacing, hamza forms or the definite article's variants.
    private static string Key(string? text) => ImportColumn.HeaderKey(text);
}
