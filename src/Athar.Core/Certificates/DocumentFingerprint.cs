using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Athar.Core.Common;

namespace Athar.Core.Certificates;

/// <summary>
/// The seal of a certified document: an HMAC-SHA256, under a platform key, of the document kind, its
/// subject and every value it certifies. Verification recomputes it from the live record, so changing
/// any certified value (hours, name, dates, organisation) breaks the seal; without the key nobody can
/// make a seal match altered values.
/// </summary>
public static class DocumentFingerprint
{
    public static string Compute(byte[] key, DocumentKind kind, IEnumerable<string> certifiedValues) =>
        Convert.ToHexStringLower(Mac(key, kind, certifiedValues));

    /// <summary>
    /// The seal under a key of the ring. The stored column holds 64 characters: the unnamed key's seals stay the 64 hex
    /// digits they always were; a named key's seal is its id and the same 256-bit MAC in base64url (at most 8 + 1 + 43).
    /// </summary>
    public static string Seal(SigningKey key, DocumentKind kind, IEnumerable<string> certifiedValues) =>
        key.IsUnnamed ? Compute(key.Secret, kind, certifiedValues) : KeyIdTag.Attach(key, Base64Url.EncodeToString(Mac(key.Secret, kind, certifiedValues)));

    /// <summary>Recomputes a stored seal from the live values under the key it names.</summary>
    public static SealCheck Check(string stored, SigningKeyRing ring, DocumentKind kind, IEnumerable<string> certifiedValues) =>
        ring.Find(KeyIdTag.Split(stored).KeyId) is not { } key ? SealCheck.KeyNotInRing
        : Matches(stored, Seal(key, kind, certifiedValues)) ? SealCheck.Matches
        : SealCheck.DoesNotMatch;

    private static byte[] Mac(byte[] key, DocumentKind kind, IEnumerable<string> certifiedValues)
    {
        var canonical = new StringBuilder();
        canonical.Append(((int)kind).ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var value in certifiedValues)
            // A unit separator cannot be typed into any field, so values can never run into each other.
            canonical.Append('\u001F').Append(value.Normalize(NormalizationForm.FormC));
        return HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(canonical.ToString()));
    }

    public static bool Matches(string stored, string computed) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(stored), Encoding.ASCII.GetBytes(computed));
}

/// <summary>What checking a stored seal against the live record finds.</summary>
public enum SealCheck
{
    Matches,
    /// <summary>The key is in the ring but the values (or the seal) changed.</summary>
    DoesNotMatch,
    /// <summary>The seal names a key that was retired, or one that never existed (a tampered id).</summary>
    KeyNotInRing,
}

/// <summary>Verification codes: 16 Crockford base-32 characters (80 random bits), shown in groups of four.</summary>
public static class VerificationCode
{
    public const int Length = 16;

    public static string New() => Licensing.Crockford.Random(Length);

    public static string Format(string code) =>
        string.Join('-', Enumerable.Range(0, code.Length / 4).Select(i => code.Substring(i * 4, 4)));

    /// <summary>The stored form of what someone typed or scanned; null if it cannot be a code.</summary>
    public static string? Normalize(string? typed) =>
        Licensing.Crockford.Normalize(typed) is { Length: Length } code ? code : null;
}
