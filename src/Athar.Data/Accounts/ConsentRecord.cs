namespace Athar.Data.Accounts;

/// <summary>An append-only record of a person accepting a document (ethics charter, privacy notice) in a given version.</summary>
public sealed class ConsentRecord
{
    public long Id { get; set; }
    public Guid UserId { get; set; }
    public ConsentKind Kind { get; set; }
    public required string Version { get; set; }
    public DateTimeOffset AcceptedAt { get; set; }
}

public enum ConsentKind
{
    EthicsCharter = 1,
    PrivacyNotice = 2,
    GuardianConsent = 3,
}
