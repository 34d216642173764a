using System.Diagnostics.CodeAnalysis;
using Athar.Core.Text;

namespace Athar.Core.Identity;

/// <summary>
/// A Saudi identity number: ten digits, the first 1 (citizen national ID) or 2 (resident iqama),
/// the last a Luhn check digit over the first nine.
/// </summary>
public readonly record struct NationalId
{
    private NationalId(string value) => Value = value;

    public string Value { get; }

    public bool IsCitizen => Value is ['1', ..];

    public static NationalIdError? Validate(string? input, out NationalId id)
    {
        id = default;
        if (string.IsNullOrWhiteSpace(input))
            return NationalIdError.Missing;

        // People type their ID with Arabic-Indic digits on Arabic keyboards.
        var digits = ArabicNormalizer.NormalizeDigits(input.Trim());
        if (digits.Length != 10 || !digits.All(char.IsAsciiDigit))
            return NationalIdError.NotTenDigits;
        if (digits[0] is not ('1' or '2'))
            return NationalIdError.BadPrefix;
        if (!HasValidCheckDigit(digits))
            return NationalIdError.BadCheckDigit;

        id = new NationalId(digits);
        return null;
    }

    public static bool TryParse(string? input, [NotNullWhen(true)] out NationalId? id)
    {
        id = null;
        if (Validate(input, out var parsed) is not null)
            return false;
        id = parsed;
        return true;
    }

    public static NationalId Parse(string input) =>
        Validate(input, out var id) is { } error
            ? throw new FormatException($"Not a valid Saudi identity number ({error}).")
            : id;

    /// <summary>Shows the first digit and the last three, as banks and Absher do: 1******234.</summary>
    public string Masked => Value is null ? string.Empty : Mask(Value);

    public static string Mask(string value) =>
        value.Length < 5 ? new string('*', value.Length) : string.Concat(value.AsSpan(0, 1), new string('*', value.Length - 4), value.AsSpan(value.Length - 3));

    /// <summary>Luhn over the ten digits; the Saudi scheme is the standard Luhn algorithm.</summary>
    public static bool HasValidCheckDigit(ReadOnlySpan<char> digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[i] - '0';
            // Counting from the left over ten digits, odd positions (index 0, 2, ...) are doubled.
            if (i % 2 == 0)
            {
                d *= 2;
                if (d > 9) d -= 9;
            }
            sum += d;
        }
        return sum % 10 == 0;
    }

    /// <summary>Completes nine digits with their check digit; used by demo and synthetic data.</summary>
    public static NationalId FromNineDigits(ReadOnlySpan<char> nine)
    {
        if (nine.Length != 9) throw new ArgumentException("Nine digits expected.", nameof(nine));
        Span<char> all = stackalloc char[10];
        nine.CopyTo(all);
        for (var check = '0'; check <= '9'; check++)
        {
            all[9] = check;
            if (HasValidCheckDigit(all))
                return new NationalId(all.ToString());
        }
        throw new InvalidOperationException("Unreachable: a Luhn check digit always exists.");
    }

    public override string ToString() => Masked;
}

public enum NationalIdError
{
    Missing,
    NotTenDigits,
    BadPrefix,
    BadCheckDigit,
}
