using Athar.Core.Text;

namespace Athar.Data.Accounts;

/// <summary>What a password must not be built from: the person's own details and the platform's own words.</summary>
/// <param name="Names">The person's names (Arabic and English), whole; split into words here.</param>
/// <param name="Email">The e-mail address; its local part counts.</param>
/// <param name="NationalId">The ten-digit national ID or iqama, when the person is a volunteer.</param>
/// <param name="Mobile">The mobile number in any form; its last nine digits count.</param>
public sealed record PasswordContext(IReadOnlyList<string?> Names, string? Email, string? NationalId, string? Mobile);

/// <summary>
/// The password rules beyond length (ASVS 5.0 6.2.4, 6.2.11, 6.2.12), without composition rules (6.2.5):
/// a password is refused when it contains the person's national ID, mobile, e-mail name or a name of theirs,
/// or when zxcvbn (Dropbox's estimator, whose word lists come from breached-password corpora) scores it
/// below <see cref="MinimumScore"/> with those details and the platform's words as known inputs.
/// </summary>
public static class PasswordGuessability
{
    public enum Verdict
    {
        Accepted,
        HasPersonalData,
        Guessable,
    }

    /// <summary>zxcvbn's 0–4 scale; 3 is its "safely unguessable" (about 10^8 seconds at its assumed guessing rate).</summary>
    public const int MinimumScore = 3;

    /// <summary>
    /// zxcvbn's matching grows faster than linearly with length, so only the head is scored (any password of
    /// this length with a strong head is strong); the personal-data check reads the whole password.
    /// </summary>
    public const int ScoredLength = 64;

    // A name or e-mail word shorter than this is too likely to occur by chance inside a good passphrase to refuse
    // outright ("ali", "reem"); zxcvbn still knows it, so a password made of it scores low.
    private const int ShortestRefusedWord = 4;

    // The platform's own words in both languages: the first things an attacker who knows the site tries.
    private static readonly string[] PlatformWords =
        ["athar", "أثر", "اثر", "volunteer", "volunteering", "volunteers", "تطوع", "تطوعي", "متطوع", "متطوعة", "متطوعين"];

    private static readonly Lazy<Zxcvbn.Zxcvbn> Estimator = new(() =>
    {
        var estimator = new Zxcvbn.Zxcvbn();
        // Loads the embedded word lists once, before concurrent requests share the estimator.
        estimator.EvaluatePassword("warm-up", []);
        return estimator;
    }, LazyThreadSafetyMode.ExecutionAndPublication);

    public static Verdict Check(string password, PasswordContext context)
    {
        var compact = Compact(password);
        var words = PersonalWords(context).ToList();
        if (words.Any(w => w.Length >= ShortestRefusedWord && compact.Contains(w, StringComparison.Ordinal)))
            return Verdict.HasPersonalData;

        var head = password.Length > ScoredLength ? password[..ScoredLength] : password;
        var userInputs = words.Concat(PlatformWords).Distinct(StringComparer.Ordinal).ToList();
        var result = Estimator.Value.EvaluatePassword(head, userInputs);
        return result.Score < MinimumScore ? Verdict.Guessable : Verdict.Accepted;
    }

    /// <summary>
    /// The person's details as lower-case words with Arabic spelling variants folded: each name word (and an Arabic
    /// one without its article), the e-mail local part and its pieces, the national ID and the mobile's nine digits.
    /// </summary>
    private static IEnumerable<string> PersonalWords(PasswordContext context)
    {
        foreach (var name in context.Names)
        {
            foreach (var word in ArabicNormalizer.Normalize(name).Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                yield return word;
                var stem = ArabicNormalizer.Stem(word);
                if (stem != word)
                    yield return stem;
            }
        }

        var at = context.Email?.IndexOf('@', StringComparison.Ordinal) ?? -1;
        if (at > 0)
        {
            var local = context.Email![..at];
            yield return Compact(local);
            foreach (var piece in ArabicNormalizer.Normalize(local).Split(' ', StringSplitOptions.RemoveEmptyEntries))
                yield return piece;
        }

        if (!string.IsNullOrEmpty(context.NationalId))
            yield return Compact(context.NationalId);

        var mobileDigits = new string(ArabicNormalizer.NormalizeDigits(context.Mobile ?? string.Empty).Where(char.IsAsciiDigit).ToArray());
        if (mobileDigits.Length >= 9)
            yield return mobileDigits[^9..];
    }

    /// <summary>Lower case, Arabic variants and digits folded, and every space and symbol dropped, so "Reem_1990" reads "reem1990".</summary>
    private static string Compact(string text) => ArabicNormalizer.Normalize(text).Replace(" ", string.Empty, StringComparison.Ordinal);
}
