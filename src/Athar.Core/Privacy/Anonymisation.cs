using System.Security.Cryptography;

namespace Athar.Core.Privacy;

/// <summary>
/// What an erased account keeps in place of its personal data. Names, contact details and the national ID
/// are replaced by values that carry nothing of the person; the birth date keeps only what the statistics need.
/// </summary>
public static class Anonymisation
{
    /// <summary>The name shown wherever an erased person's record still appears (a roster of a past shift).</summary>
    public const string ErasedNameAr = "حساب محذوف";

    public const string ErasedNameEn = "Deleted account";

    /// <summary>Real national IDs and iqamas start with 1 or 2; this prefix can never collide with one, nor pass the check digit.</summary>
    public const char NationalIdPrefix = '#';

    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    /// <summary>
    /// A random ten-character stand-in for the national ID: it keeps the column's unique index valid and cannot be
    /// traced back (random, not derived from the ID). 62^9 values: a clash is a retry, not a risk.
    /// </summary>
    public static string NationalIdPlaceholder() => NationalIdPrefix + RandomNumberGenerator.GetString(Alphabet, 9);

    public static bool IsPlaceholder(string nationalId) => nationalId.Length > 0 && nationalId[0] == NationalIdPrefix;

    /// <summary>
    /// The birth date reduced to its month. The statistics place a person in an age band by their age on the first
    /// day of a month (activity facts) or on a month's last day (registered volunteers): for both, only the year,
    /// the month and whether the birthday is the 1st matter. Keeping the 1st, else the 2nd, leaves every
    /// Gregorian-month cut unchanged while dropping the day (see docs/PRIVACY.md for the cuts that can move).
    /// </summary>
    public static DateOnly CoarseBirthDate(DateOnly birthDate) => new(birthDate.Year, birthDate.Month, birthDate.Day == 1 ? 1 : 2);
}
