using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace Athar.Web.Localization;

/// <summary>
/// The two cultures. Arabic is "ar-SA" with its default calendar switched to Gregorian: .NET's
/// ar-SA formats dates in Umm al-Qura by default, and we show both calendars explicitly instead
/// (see docs/adr/0002-cultures-and-calendars.md). The cookie stores the short names "ar" and "en".
/// </summary>
public static class AtharCultures
{
    public const string CookieName = ".athar.culture";

    public static CultureInfo Arabic { get; } = CreateArabic();

    public static CultureInfo English { get; } = CultureInfo.ReadOnly(new CultureInfo("en-US"));

    public static IList<CultureInfo> Supported { get; } = [Arabic, English];

    public static CultureInfo FromLanguage(string? language) =>
        string.Equals(language, "en", StringComparison.OrdinalIgnoreCase) ? English : Arabic;

    public static bool IsArabic(CultureInfo culture) => culture.TwoLetterISOLanguageName == "ar";

    public static string Language(CultureInfo culture) => IsArabic(culture) ? "ar" : "en";

    public static string Direction(CultureInfo culture) => IsArabic(culture) ? "rtl" : "ltr";

    public static RequestLocalizationOptions CreateOptions()
    {
        var options = new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(Arabic, Arabic),
            SupportedCultures = Supported,
            SupportedUICultures = Supported,
            FallBackToParentCultures = true,
            FallBackToParentUICultures = true,
        };
        // Only the cookie (the visible switch) and an explicit ?culture= choose the language:
        // Arabic is the default whatever the browser's Accept-Language says.
        options.RequestCultureProviders = [new ShortNameCultureProvider()];
        return options;
    }

    private static CultureInfo CreateArabic()
    {
        var culture = (CultureInfo)new CultureInfo("ar-SA").Clone();
        culture.DateTimeFormat.Calendar = new GregorianCalendar(GregorianCalendarTypes.Localized);
        return CultureInfo.ReadOnly(culture);
    }

    /// <summary>API clients say which language they want in Accept-Language; pages follow only the visible switch.</summary>
    private static string? ApiLanguage(HttpRequest request)
    {
        foreach (var language in request.GetTypedHeaders().AcceptLanguage.OrderByDescending(l => l.Quality ?? 1))
        {
            var tag = language.Value.Value;
            if (tag is null) continue;
            if (tag.StartsWith("en", StringComparison.OrdinalIgnoreCase)) return "en";
            if (tag.StartsWith("ar", StringComparison.OrdinalIgnoreCase)) return "ar";
        }
        return null;
    }

    /// <summary>Maps the short names in the cookie and query ("ar", "en") to the two cultures above.</summary>
    private sealed class ShortNameCultureProvider : RequestCultureProvider
    {
        public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
        {
            var value = httpContext.Request.Query["culture"].FirstOrDefault()
                ?? httpContext.Request.Cookies[CookieName]
                ?? (httpContext.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase) ? ApiLanguage(httpContext.Request) : null);
            if (value is null)
                return NullProviderCultureResult;
            var culture = value switch
            {
                "en" => English,
                "ar" => Arabic,
                _ => null,
            };
            return culture is null
                ? NullProviderCultureResult
                : Task.FromResult<ProviderCultureResult?>(new ProviderCultureResult(culture.Name, culture.Name));
        }
    }
}
