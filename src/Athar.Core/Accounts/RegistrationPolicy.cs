namespace Athar.Core.Accounts;

/// <summary>Configurable registration rules (section "Athar:Registration").</summary>
public sealed class RegistrationPolicy
{
    /// <summary>Below this age nobody may register.</summary>
    public int MinimumAge { get; set; } = 13;

    /// <summary>Below this age a guardian's confirmed consent is needed before applying to anything.</summary>
    public int AdultAge { get; set; } = 18;

    public string EthicsCharterVersion { get; set; } = "2025-1";

    public string PrivacyNoticeVersion { get; set; } = "2025-1";

    /// <summary>How long a guardian's confirmation code stays valid.</summary>
    public TimeSpan GuardianCodeLifetime { get; set; } = TimeSpan.FromDays(7);
}
