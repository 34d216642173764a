namespace Athar.Data.Accounts;

/// <summary>A guardian's consent for a minor, confirmed through a link or code sent to the guardian's mobile.</summary>
public sealed class GuardianConsent
{
    public Guid Id { get; set; }
    public Guid VolunteerId { get; set; }
    public required string GuardianName { get; set; }
    public required string GuardianNationalId { get; set; }
    public required string GuardianMobile { get; set; }

    /// <summary>SHA-256 of the secret link token; the token itself is only in the message sent.</summary>
    public required string TokenHash { get; set; }

    /// <summary>SHA-256 of the six-digit code, salted with the token hash.</summary>
    public required string CodeHash { get; set; }
    public int FailedAttempts { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? ConfirmedAt { get; set; }
}
