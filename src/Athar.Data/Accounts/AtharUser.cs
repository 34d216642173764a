using Microsoft.AspNetCore.Identity;

namespace Athar.Data.Accounts;

/// <summary>A person's account: a volunteer, organisation staff, a supervisor or a platform admin.</summary>
public sealed class AtharUser : IdentityUser<Guid>
{
    public required string FullNameAr { get; set; }
    public string? FullNameEn { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>"ar" or "en": the language of messages sent to this person.</summary>
    public string PreferredLanguage { get; set; } = "ar";

    /// <summary>The last time the person used the app (at most an hour stale); inactivity retention counts from here.</summary>
    public DateTimeOffset? LastSeenAt { get; set; }

    /// <summary>When the person was told that their inactive account will be anonymised; a later visit makes it void.</summary>
    public DateTimeOffset? RetentionWarnedAt { get; set; }

    /// <summary>Set when the account was anonymised (deleted by its owner or for inactivity); it can never sign in again.</summary>
    public DateTimeOffset? ErasedAt { get; set; }

    /// <summary>
    /// The 30-second step of the last authenticator code accepted for this account; a code of this step or an
    /// earlier one is refused, so each code signs in once (ASVS 6.5.1).
    /// </summary>
    public long? LastAuthenticatorTimeStep { get; set; }

    public Volunteer? Volunteer { get; set; }
}
