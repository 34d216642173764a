using System.Globalization;
using System.Resources;

namespace Athar.E2ETests.Infrastructure;

/// <summary>
/// The app's own strings from SharedResource.resx / SharedResource.ar.resx, so the tests check that
/// each language's resource reaches the page without copying the wording.
/// </summary>
public static class Texts
{
    private static readonly ResourceManager Resources = new("Athar.Web.Localization.SharedResource", typeof(Program).Assembly);
    private static readonly CultureInfo ArabicCulture = CultureInfo.GetCultureInfo("ar");
    private static readonly CultureInfo EnglishCulture = CultureInfo.GetCultureInfo("en");

    public static string Ar(string key, params object[] arguments) => Get(key, ArabicCulture, arguments);

    public static string En(string key, params object[] arguments) => Get(key, EnglishCulture, arguments);

    public static string In(string language, string key, params object[] arguments) =>
        language == "ar" ? Ar(key, arguments) : En(key, arguments);

    private static string Get(string key, CultureInfo culture, object[] arguments)
    {
        // No fallback to the neutral (English) resources: an untranslated key must fail the Arabic check.
        var set = Resources.GetResourceSet(culture, createIfNotExists: true, tryParents: culture.Equals(EnglishCulture))
            ?? throw new InvalidOperationException($"No {culture.Name} resources.");
        var text = set.GetString(key) ?? throw new KeyNotFoundException($"No {culture.Name} resource '{key}'.");
        return arguments.Length == 0 ? text : string.Format(culture, text, arguments);
    }
}
