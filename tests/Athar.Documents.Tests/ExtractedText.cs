using System.Text;
using System.Text.RegularExpressions;

namespace Athar.Documents.Tests;

/// <summary>
/// Text pdftotext read from a PDF in its two modes: <c>-layout</c> (lines as they stand on the page; a line of
/// Arabic only comes out in reading order) and <c>-raw</c> (content-stream order, which keeps a wrapped paragraph's
/// lines together; Arabic words come out in visual order). A string counts as present if either holds it. What
/// extraction cannot keep is taken out of the comparison:
/// <list type="bullet">
/// <item>poppler wraps right-to-left words in bidi embedding controls (U+202B … U+202C); they are removed;</item>
/// <item>it sometimes puts a space inside an Arabic word where Amiri positions a glyph over its neighbour
/// ("الخير ية"), so comparisons ignore whitespace;</item>
/// <item>a line that mixes Arabic with numbers or Latin comes out in visual order (runs left to right), so such
/// strings are checked word by word, not as one string.</item>
/// </list>
/// </summary>
internal sealed class ExtractedText
{
    private readonly string _withoutSpaces;

    public ExtractedText(string layout, string raw)
    {
        Text = new string(layout.Where(c => !IsBidiControl(c)).ToArray());
        _withoutSpaces = WithoutSpaces(Text) + "\n" + WithoutSpaces(raw);
    }

    public string Text { get; }

    /// <summary>Whether <paramref name="expected"/> is in the text in reading order (whitespace ignored).</summary>
    public bool Contains(string expected) => _withoutSpaces.Contains(WithoutSpaces(expected), StringComparison.Ordinal);

    /// <summary>The words of <paramref name="expected"/> (runs of letters and digits) that are not in the text.</summary>
    public IReadOnlyList<string> MissingWordsOf(string expected) =>
        Regex.Matches(expected, @"[\p{L}\p{M}\p{Nd}]+").Select(m => m.Value)
            .Where(w => !_withoutSpaces.Contains(w, StringComparison.Ordinal))
            .ToList();

    /// <summary>How many times <paramref name="expected"/> stands in the page layout.</summary>
    public int Count(string expected)
    {
        var needle = WithoutSpaces(expected);
        var layout = WithoutSpaces(Text);
        var count = 0;
        for (var at = layout.IndexOf(needle, StringComparison.Ordinal); at >= 0; at = layout.IndexOf(needle, at + needle.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    private static string WithoutSpaces(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Where(c => !char.IsWhiteSpace(c) && !IsBidiControl(c)))
        {
            builder.Append(c);
        }

        return builder.ToString();
    }

    private static bool IsBidiControl(char c) => c is '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');
}
