using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Athar.Core.Audit;

/// <summary>What an audit entry says, in the form that is hashed. Every field takes part in the hash.</summary>
public sealed record AuditFacts(
    long Sequence,
    DateTimeOffset At,
    Guid? ActorId,
    string Action,
    string SubjectType,
    string SubjectId,
    Guid? OrganizationId,
    Guid? PersonId,
    string? Detail);

/// <summary>A sealed entry as stored: its facts, the hash of the entry before it and its own hash.</summary>
public sealed record SealedAuditEntry(AuditFacts Facts, string PreviousHash, string Hash);

/// <summary>The outcome of checking a chain: intact, or the first sequence number where it breaks and why.</summary>
public sealed record AuditVerdict(long Checked, long? BrokenAt, string? Problem)
{
    public bool Intact => BrokenAt is null;
}

/// <summary>
/// The hash chain of the audit trail. Each entry's hash covers its own facts and the previous entry's hash,
/// so changing, removing or reordering any sealed entry breaks every hash after it. The canonical form is
/// culture-invariant and length-prefixed, so no two different entries can serialise to the same text.
/// </summary>
public static class AuditChain
{
    /// <summary>The "previous hash" of the first entry.</summary>
    public static readonly string Genesis = new('0', 64);

    public static string HashOf(AuditFacts facts, string previousHash)
    {
        var text = new StringBuilder();
        void Field(string? value)
        {
            if (value is null)
            {
                text.Append("-;");
                return;
            }
            text.Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(value).Append(';');
        }

        Field(previousHash);
        Field(facts.Sequence.ToString(CultureInfo.InvariantCulture));
        // Microsecond precision: what both databases keep of an instant.
        Field((facts.At.UtcTicks / 10).ToString(CultureInfo.InvariantCulture));
        Field(facts.ActorId?.ToString("N"));
        Field(facts.Action);
        Field(facts.SubjectType);
        Field(facts.SubjectId);
        Field(facts.OrganizationId?.ToString("N"));
        Field(facts.PersonId?.ToString("N"));
        Field(facts.Detail);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>Checks entries given in sequence order, continuing from <paramref name="previousHash"/> and <paramref name="previousSequence"/>.</summary>
    public static AuditVerdict Verify(IEnumerable<SealedAuditEntry> entries, string previousHash, long previousSequence)
    {
        long checkedCount = 0;
        foreach (var entry in entries)
        {
            if (entry.Facts.Sequence != previousSequence + 1)
                return new AuditVerdict(checkedCount, previousSequence + 1, "missing");
            if (!string.Equals(entry.PreviousHash, previousHash, StringComparison.Ordinal))
                return new AuditVerdict(checkedCount, entry.Facts.Sequence, "link");
            if (!string.Equals(HashOf(entry.Facts, previousHash), entry.Hash, StringComparison.Ordinal))
                return new AuditVerdict(checkedCount, entry.Facts.Sequence, "altered");
            previousHash = entry.Hash;
            previousSequence = entry.Facts.Sequence;
            checkedCount++;
        }
        return new AuditVerdict(checkedCount, null, null);
    }
}

/// <summary>The audited actions. Stored by name: never rename.</summary>
public static class AuditActions
{
    public const string OrganizationStatusChanged = "organization.status";
    public const string MemberRoleGranted = "member.role-granted";
    public const string MemberRoleChanged = "member.role-changed";
    public const string MemberRemoved = "member.removed";
    public const string HoursApproved = "hours.approved";
    public const string HoursAdjusted = "hours.adjusted";
    public const string HoursRejected = "hours.rejected";
    public const string LicenseIssued = "license.issued";
    public const string LicenseSuspended = "license.suspended";
    public const string LicenseReinstated = "license.reinstated";
    public const string LicenseRevoked = "license.revoked";
    public const string LicenseRenewed = "license.renewed";
    public const string StatisticsExported = "statistics.exported";
    public const string PlatformAdminGranted = "platform-admin.granted";
    public const string AccountErased = "account.erased";
    public const string ImportCompleted = "import.completed";
    public const string PasswordChanged = "account.password-changed";
    public const string EmailChanged = "account.email-changed";

    public static IReadOnlyList<string> All { get; } =
    [
        OrganizationStatusChanged, MemberRoleGranted, MemberRoleChanged, MemberRemoved,
        HoursApproved, HoursAdjusted, HoursRejected,
        LicenseIssued, LicenseSuspended, LicenseReinstated, LicenseRevoked, LicenseRenewed,
        StatisticsExported, PlatformAdminGranted, AccountErased, ImportCompleted, PasswordChanged, EmailChanged,
    ];
}
