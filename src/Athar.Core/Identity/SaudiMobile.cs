using Athar.Core.Text;

namespace Athar.Core.Identity;

/// <summary>A Saudi mobile number in its international form +9665XXXXXXXX.</summary>
public static class SaudiMobile
{
    /// <summary>
    /// Accepts 05XXXXXXXX, 5XXXXXXXX, 9665XXXXXXXX, +9665XXXXXXXX and 009665XXXXXXXX, with spaces,
    /// dashes or Arabic-Indic digits; returns the canonical +9665XXXXXXXX or null.
    /// </summary>
    public static string? Normalize(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
            return null;
        var text = ArabicNormalizer.NormalizeDigits(input.Trim());
        var plus = text.StartsWith('+');
        Span<char> buffer = stackalloc char[text.Length];
        var n = 0;
        foreach (var c in text)
        {
            if (char.IsAsciiDigit(c)) buffer[n++] = c;
            else if (c is ' ' or '-' or '(' or ')' or '+' or '\u200f' or '\u200e') continue;
            else return null;
        }
        var digits = buffer[..n];
        if (digits.StartsWith("00")) digits = digits[2..];
        else if (!plus && digits.StartsWith("0")) digits = digits[1..];

        if (digits.StartsWith("966")) digits = digits[3..];
        else if (plus) return null;

        if (digits.Length != 9 || digits[0] != '5')
            return null;
        return string.Concat("+966", digits);
    }

    /// <summary>The local form shown to people: 05XXXXXXXX.</summary>
    public static string ToLocal(string canonical) =>
        canonical.StartsWith("+966", StringComparison.Ordinal) ? string.Concat("0", canonical.AsSpan(4)) : canonical;

    public static string Mask(string canonical)
    {
        var local = ToLocal(canonical);
        return local.Length < 6 ? local : string.Concat(local.AsSpan(0, 3), new string('*', local.Length - 5), local.AsSpan(local.Length - 2));
    }
}
