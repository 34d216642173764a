using Athar.Core.Certificates;
using Athar.Data.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Athar.Data.Certificates;

/// <summary>
/// A document Athar has issued: its unguessable verification code and the seal over what it certifies.
/// Values are not copied here; verification recomputes them from the record and compares seals.
/// </summary>
public sealed class IssuedDocument
{
    public Guid Id { get; set; }
    public required string Code { get; set; }
    public DocumentKind Kind { get; set; }
    public Guid HolderUserId { get; set; }

    /// <summary>The opportunity, enrolment or licence certified; null for the card and the annual statement.</summary>
    public Guid? SubjectId { get; set; }

    /// <summary>The year of an annual statement.</summary>
    public int? Year { get; set; }
    public required string Fingerprint { get; set; }
    public DateTimeOffset IssuedAt { get; set; }
}

internal sealed class IssuedDocumentConfiguration : IEntityTypeConfiguration<IssuedDocument>
{
    public void Configure(EntityTypeBuilder<IssuedDocument> b)
    {
        b.Property(d => d.Code).HasMaxLength(16);
        b.Property(d => d.Fingerprint).HasMaxLength(64);
        b.HasOne<AtharUser>().WithMany().HasForeignKey(d => d.HolderUserId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(d => d.Code).IsUnique();
        // The same certified values always get the same document, even when two downloads race.
        b.HasIndex(d => d.Fingerprint).IsUnique();
        b.HasIndex(d => new { d.HolderUserId, d.Kind, d.SubjectId });
    }
}
