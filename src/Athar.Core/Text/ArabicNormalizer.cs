using System.Text;

namespace Athar.Core.Text;

/// <summary>
/// The one normaliser used both to index text and to normalise queries, so that spelling
/// variants meet: hamza forms of alef, taa marbuta and haa, alef maqsura and yaa, diacritics,
/// tatweel, Arabic-Indic digits, Latin case. Neither database's collation or stemmer is trusted
/// with this (PostgreSQL's Arabic stemmer misses alef maqsura; SQLite FTS5 splits vowelled words).
/// </summary>
public static class ArabicNormalizer
{
    /// <summary>Normalises a whole text to space-separated search tokens.</summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return string.Empty;

        var sb = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var raw in text)
        {
            var c = MapChar(raw);
            if (c == '\0')
                continue;
            if (c == ' ')
            {
                pendingSpace = sb.Length > 0;
                continue;
            }
            if (pendingSpace)
            {
                sb.Append(' ');
                pendingSpace = false;
            }
            sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>Normalised tokens with the Arabic definite article and common English suffixes stripped.</summary>
    public static IReadOnlyList<string> Tokens(string? text)
    {
        var normalized = Normalize(text);
        if (normalized.Length == 0)
            return [];
        var tokens = new List<string>();
        foreach (var word in normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var stem = Stem(word);
            if (stem.Length > 0 && !tokens.Contains(stem))
                tokens.Add(stem);
        }
        return tokens;
    }

    /// <summary>A light stem: strips the article (ال، وال، بال، كال، فال، لل) and English plural/verbal suffixes.</summary>
    public static string Stem(string token)
    {
        if (IsArabic(token))
        {
            foreach (var prefix in ArticlePrefixes)
            {
                if (token.Length - prefix.Length >= 2 && token.StartsWith(prefix, StringComparison.Ordinal))
                    return token[prefix.Length..];
            }
            return token;
        }

        foreach (var suffix in EnglishSuffixes)
        {
            if (token.Length - suffix.Length >= 4 && token.EndsWith(suffix, StringComparison.Ordinal))
                return token[..^suffix.Length];
        }
        return token;
    }

    private static readonly string[] ArticlePrefixes = ["وال", "بال", "كال", "فال", "لل", "ال"];

    // Longest first so "volunteering" and "volunteers" both reach "volunteer".
    private static readonly string[] EnglishSuffixes = ["ings", "ing", "es", "ed", "s"];

    private static bool IsArabic(string token)
    {
        foreach (var c in token)
        {
            if (c is >= '\u0600' and <= '\u06FF')
                return true;
        }
        return false;
    }

    /// <summary>Replaces Arabic-Indic and Persian digits by ASCII digits; nothing else changes.</summary>
    public static string NormalizeDigits(string text)
    {
        if (!text.Any(c => c is (>= '\u0660' and <= '\u0669') or (>= '\u06F0' and <= '\u06F9')))
            return text;
        return string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                span[i] = c switch
                {
                    >= '\u0660' and <= '\u0669' => (char)('0' + (c - '\u0660')),
                    >= '\u06F0' and <= '\u06F9' => (char)('0' + (c - '\u06F0')),
                    _ => c,
                };
            }
        });
    }

    private static char MapChar(char c)
    {
        switch (c)
        {
            case 'أ' or 'إ' or 'آ' or 'ٱ':
                return 'ا';
            case 'ة':
                return 'ه';
            case 'ى':
                return 'ي';
            case 'ؤ':
                return 'و';
            case 'ئ':
                return 'ي';
            case 'ـ': // tatweel
                return '\0';
            case >= '\u064B' and <= '\u065F': // harakat, tanween, shadda, sukun
            case '\u0670': // superscript alef
            case '\u200b' or '\u200c' or '\u200d' or '\u061c' or '\u00ad' or '\u200e' or '\u200f' or '\u202a' or '\u202b' or '\u202c' or '\u202d' or '\u202e' or '\u2066' or '\u2067' or '\u2068' or '\u2069' or '\ufeff':
                return '\0';
            case >= '\u0660' and <= '\u0669':
                return (char)('0' + (c - '\u0660'));
            case >= '\u06F0' and <= '\u06F9':
                return (char)('0' + (c - '\u06F0'));
        }

        if (char.IsLetterOrDigit(c))
            return char.ToLowerInvariant(c);
        // Punctuation (Arabic comma, question mark, quotes, hyphens) separates words.
        return ' ';
    }

    /// <summary>True when every query token is a prefix of some token of the indexed text.</summary>
    public static bool Matches(string indexedText, string query)
    {
        var haystack = Tokens(indexedText);
        foreach (var needle in Tokens(query))
        {
            if (!haystack.Any(t => t.StartsWith(needle, StringComparison.Ordinal)))
                return false;
        }
        return true;
    }
}
