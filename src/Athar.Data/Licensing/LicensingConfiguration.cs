using Athar.Data.Accounts;
using Athar.Data.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Athar.Data.Licensing;

internal sealed class LicenseConfiguration : IEntityTypeConfiguration<License>
{
    public void Configure(EntityTypeBuilder<License> b)
    {
        b.Property(l => l.Number).HasMaxLength(20);
        b.Property(l => l.StateReason).HasMaxLength(500);
        b.HasOne<AtharUser>().WithMany().HasForeignKey(l => l.HolderUserId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organization>().WithMany().HasForeignKey(l => l.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.ToTable(t => t.HasCheckConstraint("CK_Licenses_OneHolder",
            "(\"HolderUserId\" IS NULL) <> (\"OrganizationId\" IS NULL)"));
        b.HasIndex(l => l.Number).IsUnique();
        // One licence per holder and level (nulls are distinct, so each index binds only its kind of holder):
        // concurrent automatic issuance cannot create two.
        b.HasIndex(l => new { l.HolderUserId, l.Level }).IsUnique();
        b.HasIndex(l => new { l.OrganizationId, l.Level }).IsUnique();
    }
}

internal sealed class LicenseEventConfiguration : IEntityTypeConfiguration<LicenseEvent>
{
    public void Configure(EntityTypeBuilder<LicenseEvent> b)
    {
        b.HasOne<License>().WithMany().HasForeignKey(e => e.LicenseId).OnDelete(DeleteBehavior.Restrict);
        b.Property(e => e.Reason).HasMaxLength(500);
        b.HasIndex(e => new { e.LicenseId, e.At });
    }
}
