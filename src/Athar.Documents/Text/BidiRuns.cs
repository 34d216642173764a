namespace Athar.Documents.Text;

/// <summary>
/// Splits one line into directional runs and orders them for display. HarfBuzz shapes but does not do bidi, so
/// this is the part of the Unicode Bidirectional Algorithm (UAX #9) that plain document text needs: no explicit
/// embeddings or isolates, numbers kept left-to-right inside Arabic (ASCII and Arabic-Indic digits alike), weak
/// and neutral characters resolved from their neighbours, then rule L2 for the visual order.
/// </summary>
internal static class BidiRuns
{
    private enum BidiClass
    {
        Left,
        Right,
        EuropeanNumber,
        ArabicNumber,
        CommonSeparator,
        NumberSeparator,
        NumberTerminator,
        Neutral,
    }

    /// <summary>The runs of <paramref name="line"/> in logical (reading) order.</summary>
    public static IReadOnlyList<DirectionalRun> Split(string line, TextDirection paragraph)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (line.Length == 0)
        {
            return [];
        }

        var paragraphIsRtl = paragraph == TextDirection.RightToLeft;
        var classes = new BidiClass[line.Length];
        for (var i = 0; i < line.Length; i++)
        {
            classes[i] = Classify(line[i]);
        }

        ResolveWeakTypes(classes, paragraphIsRtl);
        ResolveNeutrals(classes, paragraphIsRtl);

        var runs = new List<DirectionalRun>();
        var start = 0;
        var level = LevelOf(classes[0], paragraphIsRtl);
        for (var i = 1; i <= line.Length; i++)
        {
            if (i < line.Length && LevelOf(classes[i], paragraphIsRtl) == level)
            {
                continue;
            }

            runs.Add(new DirectionalRun(start, i - start, level));
            if (i < line.Length)
            {
                start = i;
                level = LevelOf(classes[i], paragraphIsRtl);
            }
        }

        return runs;
    }

    /// <summary>Puts logical runs in display order, left to right (rule L2: reverse from the highest level down).</summary>
    public static IReadOnlyList<DirectionalRun> InVisualOrder(IReadOnlyList<DirectionalRun> logical)
    {
        ArgumentNullException.ThrowIfNull(logical);
        var runs = logical.ToArray();
        if (runs.Length == 0)
        {
            return runs;
        }

        var highest = runs.Max(r => r.Level);
        var lowestOdd = runs.Where(r => r.IsRightToLeft).Select(r => r.Level).DefaultIfEmpty(highest + 1).Min();
        for (var level = highest; level >= lowestOdd; level--)
        {
            var i = 0;
            while (i < runs.Length)
            {
                if (runs[i].Level < level)
                {
                    i++;
                    continue;
                }

                var end = i;
                while (end < runs.Length && runs[end].Level >= level)
                {
                    end++;
                }

                Array.Reverse(runs, i, end - i);
                i = end;
            }
        }

        return runs;
    }

    /// <summary>The runs of <paramref name="line"/> in display order, left to right.</summary>
    public static IReadOnlyList<DirectionalRun> SplitInVisualOrder(string line, TextDirection paragraph) =>
        InVisualOrder(Split(line, paragraph));

    /// <summary>Whether a text is Arabic-first: its first strong character is right-to-left.</summary>
    public static bool StartsRightToLeft(string text)
    {
        foreach (var c in text)
        {
            switch (Classify(c))
            {
                case BidiClass.Right:
                    return true;
                case BidiClass.Left:
                    return false;
            }
        }

        return false;
    }

    private static BidiClass Classify(char c) => c switch
    {
        >= '0' and <= '9' => BidiClass.EuropeanNumber,
        >= '\u0660' and <= '\u0669' => BidiClass.ArabicNumber,
        '\u066B' or '\u066C' => BidiClass.ArabicNumber, // Arabic decimal and thousands separators
        >= '\u06F0' and <= '\u06F9' => BidiClass.EuropeanNumber, // Extended Arabic-Indic (Persian) digits
        ',' or '.' or ':' or '/' or '\u00A0' => BidiClass.CommonSeparator,
        '-' or '+' or '\u2212' => BidiClass.NumberSeparator,
        '%' or '#' or '$' or '\u066A' or '\u00B0' or '\u20AC' or '\uFDFC' => BidiClass.NumberTerminator,
        _ when IsRightToLeftScript(c) && (char.IsLetter(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.ModifierLetter or System.Globalization.UnicodeCategory.OtherPunctuation)
            => c is '\u060C' or '\u061B' or '\u061F' or '\u06D4' ? BidiClass.Neutral : BidiClass.Right,
        _ when char.IsLetter(c) => BidiClass.Left,
        _ => BidiClass.Neutral,
    };

    private static bool IsRightToLeftScript(char c) =>
        c is (>= '\u0590' and <= '\u08FF') or (>= '\uFB1D' and <= '\uFDFF') or (>= '\uFE70' and <= '\uFEFF');

    // W2–W7 without explicit embeddings: Latin digits after Arabic letters become Arabic numbers, a single
    // separator between two numbers of one kind joins them ("1,200", "2026/05/01"), terminators stick to Latin
    // digits ("50%"), and Latin digits after Latin letters simply become Latin. One deliberate departure: a
    // hyphen also joins Arabic numbers (UAX #9 joins it only between European ones), so a date such as
    // "تاريخ 2026-02-01" keeps its reading order instead of displaying as "01-02-2026".
    private static void ResolveWeakTypes(BidiClass[] classes, bool paragraphIsRtl)
    {
        var lastStrong = BidiClass.Neutral; // the start of a paragraph is never an Arabic letter (W2)
        for (var i = 0; i < classes.Length; i++)
        {
            if (classes[i] is BidiClass.Left or BidiClass.Right)
            {
                lastStrong = classes[i];
            }
            else if (classes[i] == BidiClass.EuropeanNumber && lastStrong == BidiClass.Right)
            {
                classes[i] = BidiClass.ArabicNumber;
            }
        }

        for (var i = 1; i < classes.Length - 1; i++)
        {
            if (classes[i] is BidiClass.CommonSeparator or BidiClass.NumberSeparator && classes[i - 1] == classes[i + 1]
                && classes[i - 1] is BidiClass.EuropeanNumber or BidiClass.ArabicNumber)
            {
                classes[i] = classes[i - 1];
            }
        }

        for (var i = 0; i < classes.Length; i++)
        {
            if (classes[i] != BidiClass.NumberTerminator)
            {
                continue;
            }

            var end = i;
            while (end < classes.Length && classes[end] == BidiClass.NumberTerminator)
            {
                end++;
            }

            var touchesNumber = (i > 0 && classes[i - 1] == BidiClass.EuropeanNumber)
                || (end < classes.Length && classes[end] == BidiClass.EuropeanNumber);
            for (var j = i; j < end; j++)
            {
                classes[j] = touchesNumber ? BidiClass.EuropeanNumber : BidiClass.Neutral;
            }

            i = end - 1;
        }

        lastStrong = paragraphIsRtl ? BidiClass.Right : BidiClass.Left;
        for (var i = 0; i < classes.Length; i++)
        {
            if (classes[i] is BidiClass.Left or BidiClass.Right)
            {
                lastStrong = classes[i];
            }
            else if (classes[i] is BidiClass.CommonSeparator or BidiClass.NumberSeparator)
            {
                classes[i] = BidiClass.Neutral;
            }
            else if (classes[i] == BidiClass.EuropeanNumber && lastStrong == BidiClass.Left)
            {
                classes[i] = BidiClass.Left;
            }
        }
    }

    // N1–N2: neutrals between two strong sides of one direction take it (numbers count as right-to-left);
    // otherwise they take the paragraph's direction.
    private static void ResolveNeutrals(BidiClass[] classes, bool paragraphIsRtl)
    {
        var edge = paragraphIsRtl ? BidiClass.Right : BidiClass.Left;
        var i = 0;
        while (i < classes.Length)
        {
            if (classes[i] != BidiClass.Neutral)
            {
                i++;
                continue;
            }

            var end = i;
            while (end < classes.Length && classes[end] == BidiClass.Neutral)
            {
                end++;
            }

            var before = i == 0 ? edge : StrongDirectionOf(classes[i - 1]);
            var after = end == classes.Length ? edge : StrongDirectionOf(classes[end]);
            var resolved = before == after ? before : edge;
            Array.Fill(classes, resolved, i, end - i);
            i = end;
        }
    }

    private static BidiClass StrongDirectionOf(BidiClass resolved) =>
        resolved == BidiClass.Left ? BidiClass.Left : BidiClass.Right;

    // I1–I2.
    private static int LevelOf(BidiClass resolved, bool paragraphIsRtl) => (resolved, paragraphIsRtl) switch
    {
        (BidiClass.Left, false) => 0,
        (BidiClass.Right, false) => 1,
        (_, false) => 2,
        (BidiClass.Right, true) => 1,
        (_, true) => 2,
    };
}
