using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Athar.Data.Audit;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("AuditEntries");
        b.Property(e => e.Action).HasMaxLength(64);
        b.Property(e => e.SubjectType).HasMaxLength(64);
        b.Property(e => e.SubjectId).HasMaxLength(64);
        b.Property(e => e.Detail).HasMaxLength(1000);
        b.Property(e => e.PreviousHash).HasMaxLength(64);
        b.Property(e => e.Hash).HasMaxLength(64);
        // One entry per chain position: two sealers racing cannot both extend the chain from the same head.
        b.HasIndex(e => e.Sequence).IsUnique();
        b.HasIndex(e => new { e.SubjectType, e.SubjectId });
        b.HasIndex(e => new { e.ActorId, e.At });
        b.HasIndex(e => new { e.PersonId, e.At });
        b.HasIndex(e => new { e.OrganizationId, e.At });
    }
}
