using System.Globalization;

namespace Athar.Documents.Text;

/// <summary>
/// Greedy word wrapping for either direction: lines break at spaces (and at explicit line feeds) in logical order;
/// a word wider than the whole width is cut between text elements. Widths come from the caller, so this stays free
/// of any drawing library.
/// </summary>
internal static class LineBreaker
{
    public static IReadOnlyList<string> Wrap(string text, float maxWidth, Func<string, float> measure)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(measure);
        var lines = new List<string>();
        foreach (var paragraph in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            WrapParagraph(paragraph.Trim(), maxWidth, measure, lines);
        }

        return lines;
    }

    private static void WrapParagraph(string paragraph, float maxWidth, Func<string, float> measure, List<string> lines)
    {
        var current = "";
        foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = current.Length == 0 ? word : current + " " + word;
            if (measure(candidate) <= maxWidth)
            {
                current = candidate;
                continue;
            }

            if (current.Length > 0)
            {
                lines.Add(current);
            }

            current = word;
            if (measure(word) > maxWidth)
            {
                current = CutLongWord(word, maxWidth, measure, lines);
            }
        }

        lines.Add(current);
    }

    // Adds the full-width pieces of an over-long word (a URL, a code) and returns the remainder.
    private static string CutLongWord(string word, float maxWidth, Func<string, float> measure, List<string> lines)
    {
        var piece = "";
        var elements = StringInfo.GetTextElementEnumerator(word);
        while (elements.MoveNext())
        {
            var element = elements.GetTextElement();
            if (piece.Length > 0 && measure(piece + element) > maxWidth)
            {
                lines.Add(piece);
                piece = "";
            }

            piece += element;
        }

        return piece;
    }
}
