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

    public Volunteer? Volunteer { get; set; }
}
