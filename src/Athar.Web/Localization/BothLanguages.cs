using Microsoft.Extensions.Localization;

namespace Athar.Web.Localization;

/// <summary>
/// A string in both languages at once, for what is written before its reader is known (a stored
/// notification argument) or read by both (a bilingual certificate).
/// </summary>
public static class BothLanguages
{
    public static (string Arabic, string English) Of(IStringLocalizer t, string key, params object[] arguments) =>
        Render(() => t[key, arguments].Value);

    /// <summary>Runs <paramref name="render"/> once under Arabic and once under English (digits, dates and resources follow).</summary>
    public static (string Arabic, string English) Render(Func<string> render)
    {
        string arabic, english;
        using (CultureScope.For("ar"))
            arabic = render();
        using (CultureScope.For("en"))
            english = render();
        return (arabic, english);
    }

    /// <summary>The "Arabic¦English" form that notifications resolve for their reader.</summary>
    public static string ForNotification(IStringLocalizer t, string key, params object[] arguments)
    {
        var (arabic, english) = Of(t, key, arguments);
        return $"{arabic}¦{english}";
    }
}
