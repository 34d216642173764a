using Athar.Data.Accounts;
using Athar.Data.Reference;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Athar.Data.Organizations;

internal sealed class OrganizationConfiguration : IEntityTypeConfiguration<Organization>
{
    public void Configure(EntityTypeBuilder<Organization> b)
    {
        b.ComplexProperty(o => o.Name, n =>
        {
            n.Property(x => x.Ar).HasColumnName("NameAr").HasMaxLength(200);
            n.Property(x => x.En).HasColumnName("NameEn").HasMaxLength(200);
        });
        b.Property(o => o.RegistrationNumber).HasMaxLength(32);
        b.HasIndex(o => o.RegistrationNumber).IsUnique();
        b.Property(o => o.ContactEmail).HasMaxLength(256);
        b.Property(o => o.ContactPhone).HasMaxLength(16);
        b.Property(o => o.Website).HasMaxLength(200);
        b.Property(o => o.StatusReason).HasMaxLength(500);
        b.HasMany(o => o.Fields).WithOne().HasForeignKey(f => f.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Region>().WithMany().HasForeignKey(o => o.RegionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<City>().WithMany().HasForeignKey(o => o.CityId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(o => o.Members).WithOne().HasForeignKey(m => m.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(o => new { o.Status, o.RegionId });
    }
}

internal sealed class OrganizationMemberConfiguration : IEntityTypeConfiguration<OrganizationMember>
{
    public void Configure(EntityTypeBuilder<OrganizationMember> b)
    {
        b.HasKey(m => new { m.OrganizationId, m.UserId });
        b.HasOne<AtharUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(m => m.UserId);
    }
}

internal sealed class OrganizationFieldConfiguration : IEntityTypeConfiguration<OrganizationField>
{
    public void Configure(EntityTypeBuilder<OrganizationField> b)
    {
        b.HasKey(f => new { f.OrganizationId, f.FieldId });
        b.HasOne<Field>().WithMany().HasForeignKey(f => f.FieldId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class OrganizationInvitationConfiguration : IEntityTypeConfiguration<OrganizationInvitation>
{
    public void Configure(EntityTypeBuilder<OrganizationInvitation> b)
    {
        b.HasOne<Organization>().WithMany().HasForeignKey(i => i.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        b.Property(i => i.Contact).HasMaxLength(256);
        b.Property(i => i.TokenHash).HasMaxLength(64);
        b.HasIndex(i => i.TokenHash).IsUnique();
        b.HasIndex(i => i.OrganizationId);
    }
}
