using Athar.Data.Opportunities;
using Athar.Data.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Athar.Data.Import;

internal sealed class ImportBatchConfiguration : IEntityTypeConfiguration<ImportBatch>
{
    public void Configure(EntityTypeBuilder<ImportBatch> b)
    {
        b.HasKey(x => x.Id);
        b.HasOne<Organization>().WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        b.Property(x => x.Fingerprint).HasMaxLength(64).IsFixedLength();
        b.Property(x => x.FileName).HasMaxLength(260);
        b.Property(x => x.Via).HasMaxLength(8);
        // Exactly once per file: the second import of the same bytes loses the race here and rolls back whole.
        b.HasIndex(x => new { x.OrganizationId, x.Kind, x.Fingerprint }).IsUnique();
    }
}

internal sealed class OpportunityReferenceConfiguration : IEntityTypeConfiguration<OpportunityReference>
{
    public void Configure(EntityTypeBuilder<OpportunityReference> b)
    {
        b.HasKey(x => new { x.OrganizationId, x.Reference });
        b.Property(x => x.Reference).HasMaxLength(Core.Import.ImportRowRules.ReferenceMaxLength);
        b.HasOne<Organization>().WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Opportunity>().WithMany().HasForeignKey(x => x.OpportunityId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.OpportunityId).IsUnique();
    }
}

internal sealed class ImportFollowUpConfiguration : IEntityTypeConfiguration<ImportFollowUp>
{
    public void Configure(EntityTypeBuilder<ImportFollowUp> b)
    {
        b.HasKey(x => new { x.BatchId, x.VolunteerId });
        b.HasOne<ImportBatch>().WithMany().HasForeignKey(x => x.BatchId).OnDelete(DeleteBehavior.Cascade);
    }
}
