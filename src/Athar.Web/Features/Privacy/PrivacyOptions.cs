namespace Athar.Web.Features.Privacy;

/// <summary>Personal-data rules (section "Athar:Privacy"). The privacy notice's version is Athar:Registration:PrivacyNoticeVersion.</summary>
public sealed class PrivacyOptions
{
    /// <summary>A volunteer account unused this long is anonymised (PDPL: keep personal data no longer than needed).</summary>
    public TimeSpan InactiveAccountRetention { get; set; } = TimeSpan.FromDays(3 * 365);

    /// <summary>How long before that the person is told, so one visit keeps the account.</summary>
    public TimeSpan RetentionWarning { get; set; } = TimeSpan.FromDays(30);

    public static bool AreValid(PrivacyOptions o) =>
        o.RetentionWarning > TimeSpan.Zero && o.InactiveAccountRetention > o.RetentionWarning;
}
