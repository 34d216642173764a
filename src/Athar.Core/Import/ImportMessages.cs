using System.Globalization;
using System.Resources;

namespace Athar.Core.Import;

/// <summary>
/// The problems' texts in Arabic and English (ImportMessages.resx and .ar.resx), shared by the web page and
/// the command line so both report a file the same way.
/// </summary>
public static class ImportMessages
{
    private static readonly ResourceManager Resources = new("Athar.Core.Import.ImportMessages", typeof(ImportMessages).Assembly);

    public static string Describe(ImportProblem problem, CultureInfo culture)
    {
        var template = Resources.GetString(problem.Code, culture) ?? problem.Code;
        var arguments = problem.Arguments.Select(a => a is string key && key.StartsWith("Person.", StringComparison.Ordinal)
            ? Resources.GetString(key, culture) ?? key
            : a).ToArray();
        return arguments.Length == 0 ? template : string.Format(culture, template, arguments);
    }

    /// <summary>The column's header in the report's language; empty for a problem of the row or the file.</summary>
    public static string ColumnName(ImportKind kind, string? column, CultureInfo culture) =>
        column is null ? string.Empty : ImportTemplates.Column(kind, column).HeaderFor(IsArabic(culture));

    public static bool IsArabic(CultureInfo culture) => culture.TwoLetterISOLanguageName == "ar";

    public static IEnumerable<string> Keys(CultureInfo culture)
    {
        using var set = Resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false);
        return set is null ? [] : set.Cast<System.Collections.DictionaryEntry>().Select(e => (string)e.Key).ToList();
    }
}
