using Athar.Core.Identity;
using Athar.Core.Text;

namespace Athar.Core.Organizations;

/// <summary>
/// An organisation's contact number: a Saudi mobile (+9665XXXXXXXX), a Saudi landline
/// (+966 1X XXXXXXX, area codes 011 to 017) or a unified number (9200XXXXX), which many
/// associations and agencies publish instead of a landline.
/// </summary>
public static class OrganizationPhone
{
    /// <summary>Returns the canonical form (+9665XXXXXXXX, +9661XXXXXXXX or 920XXXXXX), or null when it is none of them.</summary>
    public static string? Normalize(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
            return null;
        if (SaudiMobile.Normalize(input) is { } mobile)
            return mobile;

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

        if (!plus && digits.Length == 9 && digits.StartsWith("920"))
            return digits.ToString();

        if (digits.StartsWith("00")) digits = digits[2..];
        else if (!plus && digits.StartsWith("0")) digits = digits[1..];
        if (digits.StartsWith("966")) digits = digits[3..];
        else if (plus) return null;

        // Landlines: a two-digit area code 11 to 17, then seven digits.
        if (digits.Length == 9 && digits[0] == '1' && digits[1] is >= '1' and <= '7')
            return string.Concat("+966", digits);
        return null;
    }

    /// <summary>The local form shown to people: 05XXXXXXXX, 01XXXXXXXX or 920XXXXXX.</summary>
    public static string ToLocal(string canonical) => SaudiMobile.ToLocal(canonical);
}
