using Athar.Core.Import;

namespace Athar.Data.Import;

/// <summary>
/// One imported file: unique per organisation, kind and SHA-256 of the file's bytes, so the same file
/// imported twice (even by two admins at once) is imported once and reported "already imported".
/// </summary>
public sealed class ImportBatch
{
    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }
    public ImportKind Kind { get; set; }

    /// <summary>Lower-case hex SHA-256 of the file as uploaded.</summary>
    public required string Fingerprint { get; set; }

    public required string FileName { get; set; }
    public int Rows { get; set; }
    public int Added { get; set; }
    public int Matched { get; set; }
    public int Skipped { get; set; }
    public Guid? ImportedBy { get; set; }

    /// <summary>"web" or "cli".</summary>
    public required string Via { get; set; }

    public DateTimeOffset ImportedAt { get; set; }
}

/// <summary>
/// An organisation's own reference for an imported opportunity ("OPP-2025-001"): how its attendance
/// file names the opportunity, and the natural key that makes importing an opportunity twice add nothing.
/// </summary>
public sealed class OpportunityReference
{
    public Guid OrganizationId { get; set; }
    public required string Reference { get; set; }
    public Guid OpportunityId { get; set; }
}

/// <summary>
/// A volunteer whose verified hours an import added and whose licences and badges are still to be
/// evaluated: the import cannot do it in its own transaction (see ReviewHours), and the command line
/// has no licence issuer, so the web app's follow-up job works through these rows and deletes them.
/// </summary>
public sealed class ImportFollowUp
{
    public Guid BatchId { get; set; }
    public Guid VolunteerId { get; set; }
}
