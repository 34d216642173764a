using System.Security.Cryptography;

namespace Athar.Core.Licensing;

/// <summary>What the rules need to know about a stored licence.</summary>
public sealed record LicenseFacts(LicenseLevel Level, LicenseState State, DateOnly IssuedOn, DateOnly ExpiresOn);

/// <summary>
/// The licence rules as pure functions: validity, expiry by date (a licence is valid through its expiry
/// day and expired from the next day, whatever any job did), issuance conditions and renewal.
/// </summary>
public static class LicenseRules
{
    /// <summary>A licence issued on a day is valid for the configured months, through the day before the same date.</summary>
    public static DateOnly ExpiryFor(DateOnly issuedOn, LicensePolicy policy) =>
        issuedOn.AddMonths(policy.ValidityMonths).AddDays(-1);

    public static LicenseStatus StatusOn(LicenseFacts license, DateOnly today) => license.State switch
    {
        LicenseState.Revoked => LicenseStatus.Revoked,
        LicenseState.Suspended => LicenseStatus.Suspended,
        _ when today > license.ExpiresOn => LicenseStatus.Expired,
        _ => LicenseStatus.Active,
    };

    public static bool IsValidOn(LicenseFacts license, DateOnly today) => StatusOn(license, today) == LicenseStatus.Active;

    /// <summary>
    /// The team-leadership licence needs an active practitioner licence, the team-leadership course
    /// passed and enough verified hours. Returns the first unmet condition, or null.
    /// </summary>
    public static string? TeamLeadershipBlocker(bool holdsActivePractitioner, bool passedCourse, decimal verifiedHours, LicensePolicy policy)
    {
        if (!passedCourse)
            return "course-not-passed";
        if (!holdsActivePractitioner)
            return "practitioner-required";
        if (verifiedHours < policy.TeamLeadershipMinimumHours)
            return "hours-required";
        return null;
    }

    /// <summary>
    /// Whether the holder may renew now: only an individual licence that is active or recently expired,
    /// inside the renewal window, with enough verified volunteering during its life. Returns the refusal code, or null.
    /// </summary>
    public static string? RenewalBlocker(LicenseFacts license, DateOnly today, decimal hoursDuringLicense, LicensePolicy policy)
    {
        var status = StatusOn(license, today);
        if (status is LicenseStatus.Revoked or LicenseStatus.Suspended)
            return "license-not-renewable";
        if (today < license.ExpiresOn.AddDays(-policy.RenewalWindowDays))
            return "renewal-too-early";
        if (today > license.ExpiresOn.AddDays(policy.RenewalGraceDays))
            return "renewal-too-late";
        if (license.Level != LicenseLevel.Management && hoursDuringLicense < policy.RenewalMinimumHours)
            return "renewal-hours-required";
        return null;
    }

    /// <summary>Renewal continues from the current expiry, so renewing early loses no days and late renewal gains none.</summary>
    public static DateOnly RenewedExpiry(LicenseFacts license, LicensePolicy policy) =>
        license.ExpiresOn.AddMonths(policy.ValidityMonths);

    /// <summary>
    /// Whether a stored licence may be replaced automatically after its course was passed again:
    /// only an expired one. Suspension and revocation are an administrator's decisions and stand.
    /// </summary>
    public static bool MayReissue(LicenseFacts license, DateOnly today) => StatusOn(license, today) == LicenseStatus.Expired;

    public static string Prefix(LicenseLevel level) => level switch
    {
        LicenseLevel.Practitioner => "PR",
        LicenseLevel.TeamLeadership => "TL",
        LicenseLevel.Management => "MG",
        _ => throw new ArgumentOutOfRangeException(nameof(level)),
    };

    /// <summary>A licence number such as "PR-2026-7K3M9QXD": level, year of issue and eight random Crockford base-32 characters.</summary>
    public static string NewNumber(LicenseLevel level, DateOnly issuedOn) =>
        $"{Prefix(level)}-{issuedOn.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)}-{Crockford.Random(8)}";
}

/// <summary>Crockford base-32: no I, L, O or U, so codes read aloud or typed by hand survive.</summary>
public static class Crockford
{
    public const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public static string Random(int length)
    {
        var chars = new char[length];
        for (var i = 0; i < length; i++)
            chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        return new string(chars);
    }

    /// <summary>Upper-cases, drops separators and maps look-alikes (O→0, I/L→1) as Crockford prescribes; null if anything else remains.</summary>
    public static string? Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        var result = new System.Text.StringBuilder(text.Length);
        foreach (var raw in text)
        {
            var c = char.ToUpperInvariant(raw);
            if (c is '-' or ' ' or '_')
                continue;
            c = c switch { 'O' => '0', 'I' or 'L' => '1', _ => c };
            if (!Alphabet.Contains(c, StringComparison.Ordinal))
                return null;
            result.Append(c);
        }
        return result.Length == 0 ? null : result.ToString();
    }
}
