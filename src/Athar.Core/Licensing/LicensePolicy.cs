namespace Athar.Core.Licensing;

/// <summary>
/// The configurable licence rules (section Athar:Licenses). Defaults follow the national licence:
/// two years' validity, renewal in the last three months, and a record of real volunteering for
/// team leadership.
/// </summary>
public sealed class LicensePolicy
{
    public int ValidityMonths { get; set; } = 24;

    /// <summary>Verified volunteering hours needed before the team-leadership licence is issued.</summary>
    public int TeamLeadershipMinimumHours { get; set; } = 50;

    /// <summary>How many days before expiry the holder may renew.</summary>
    public int RenewalWindowDays { get; set; } = 90;

    /// <summary>How many days after expiry renewal is still allowed; later the course must be passed again.</summary>
    public int RenewalGraceDays { get; set; } = 30;

    /// <summary>Verified volunteering hours during the licence's life needed to renew an individual licence.</summary>
    public int RenewalMinimumHours { get; set; } = 20;
}
