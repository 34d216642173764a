using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;

namespace Athar.E2ETests.Infrastructure;

/// <summary>
/// The app's own strings from its resources, so the tests check that each language's resource reaches
/// the page without copying the wording. <c>Texts.Ar("key")</c> reads SharedResource; a feature's strings
/// are read through <see cref="Opportunities"/>, <see cref="Participation"/> or <see cref="Organizations"/>.
/// </summary>
public static class Texts
{
    public static TextSource Shared { get; } = new("Athar.Web.Localization.SharedResource");

    /// <summary>Features/Opportunities/OpportunitiesText(.ar).resx.</summary>
    public static TextSource Opportunities { get; } = new("Athar.Web.Features.Opportunities.OpportunitiesText");

    /// <summary>Features/Participation/ParticipationText(.ar).resx.</summary>
    public static TextSource Participation { get; } = new("Athar.Web.Features.Participation.ParticipationText");

    /// <summary>Features/Organizations/OrganizationsText(.ar).resx.</summary>
    public static TextSource Organizations { get; } = new("Athar.Web.Features.Organizations.OrganizationsText");

    public static string Ar(string key, params object[] arguments) => Shared.Ar(key, arguments);

    public static string En(string key, params object[] arguments) => Shared.En(key, arguments);

    public static string In(string language, string key, params object[] arguments) => Shared.In(language, key, arguments);

    /// <summary>ASCII digits as Arabic pages show them (٠١٢٣٤٥٦٧٨٩), written here rather than borrowed from the app.</summary>
    public static string ArabicDigits(string text) =>
        string.Concat(text.Select(c => c is >= '0' and <= '9' ? (char)('\u0660' + (c - '0')) : c));

    public static string ArabicDigits(int number) => ArabicDigits(number.ToString(CultureInfo.InvariantCulture));

    /// <summary>The inverse, to read a number from an Arabic page.</summary>
    public static int ParseArabicDigits(string text) =>
        int.Parse(string.Concat(text.Trim().Select(c => c is >= '\u0660' and <= '\u0669' ? (char)('0' + (c - '\u0660')) : c)), CultureInfo.InvariantCulture);
}

/// <summary>One resource file pair (English neutral, Arabic satellite) of the web app.</summary>
public sealed class TextSource(string baseName)
{
    private static readonly CultureInfo ArabicCulture = CultureInfo.GetCultureInfo("ar");
    private static readonly CultureInfo EnglishCulture = CultureInfo.GetCultureInfo("en");

    private readonly ResourceManager _resources = new(baseName, typeof(Program).Assembly);

    public string Ar(string key, params object[] arguments) => Get(key, ArabicCulture, arguments);

    public string En(string key, params object[] arguments) => Get(key, EnglishCulture, arguments);

    public string In(string language, string key, params object[] arguments) =>
        language == "ar" ? Ar(key, arguments) : En(key, arguments);

    /// <summary>
    /// A resource's text as a pattern, for text whose arguments a test cannot know exactly (a count the
    /// demo data decides, a date): the words are matched literally, each {n} by the pattern given for it.
    /// </summary>
    public Regex Pattern(string language, string key, params string[] argumentPatterns)
    {
        var markers = argumentPatterns.Select((_, i) => (object)$"\u0001{i}\u0001").ToArray();
        var pattern = Regex.Escape(In(language, key, markers));
        for (var i = 0; i < argumentPatterns.Length; i++)
            pattern = pattern.Replace($"\u0001{i}\u0001", $"(?:{argumentPatterns[i]})", StringComparison.Ordinal);
        return new Regex(pattern);
    }

    private string Get(string key, CultureInfo culture, object[] arguments)
    {
        // No fallback to the neutral (English) resources: an untranslated key must fail the Arabic check.
        var set = _resources.GetResourceSet(culture, createIfNotExists: true, tryParents: culture.Equals(EnglishCulture))
            ?? throw new InvalidOperationException($"No {culture.Name} resources for {baseName}.");
        var text = set.GetString(key) ?? throw new KeyNotFoundException($"No {culture.Name} resource '{key}' in {baseName}.");
        return arguments.Length == 0 ? text : string.Format(culture, text, arguments);
    }
}
