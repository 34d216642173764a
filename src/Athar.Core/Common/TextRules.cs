namespace Athar.Core.Common;

/// <summary>
/// Checks for people's names and short free text. Markup and invisible control characters are
/// refused at the door (output is encoded anyway): a name with "&lt;script&gt;" or a right-to-left
/// override is never a real name, and it would mislead staff reading lists.
/// </summary>
public static class TextRules
{
    public const int NameMinLength = 2;
    public const int NameMaxLength = 100;
    public const int FreeTextMaxLength = 500;

    public static string? CheckName(string? value, string field, bool required, List<FieldError> errors)
    {
        var text = Collapse(value);
        if (text.Length == 0)
        {
            if (required) errors.Add(new(field, "Field.Required"));
            return null;
        }
        if (text.Length > NameMaxLength)
        {
            errors.Add(new(field, "Text.TooLong", NameMaxLength));
            return null;
        }
        if (text.Length < NameMinLength || !text.All(IsNameChar) || !text.Any(char.IsLetter))
        {
            errors.Add(new(field, "Name.Invalid"));
            return null;
        }
        return text;
    }

    public static string? CheckFreeText(string? value, string field, List<FieldError> errors, int maxLength = FreeTextMaxLength)
    {
        var text = value?.Trim() ?? string.Empty;
        if (text.Length == 0)
            return null;
        if (text.Length > maxLength)
        {
            errors.Add(new(field, "Text.TooLong", maxLength));
            return null;
        }
        if (HasMarkupOrControl(text))
        {
            errors.Add(new(field, "Text.Unsafe"));
            return null;
        }
        return text;
    }

    public static bool HasMarkupOrControl(string text)
    {
        foreach (var c in text)
        {
            if (c is '<' or '>' || IsForbiddenControl(c))
                return true;
        }
        return false;
    }

    private static bool IsNameChar(char c) =>
        char.IsLetter(c) || c is ' ' or '-' or '\'' or '.' || c is >= '\u064B' and <= '\u065F';

    private static bool IsForbiddenControl(char c) =>
        (char.IsControl(c) && c is not ('\n' or '\r' or '\t'))
        || c is >= '\u202a' and <= '\u202e'
        || c is >= '\u2066' and <= '\u2069'
        || c is '\ufeff' or '\u0000' or '\u061c' or '\u200b';

    private static string Collapse(string? value) =>
        string.IsNullOrWhiteSpace(value) ? string.Empty : string.Join(' ', value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
