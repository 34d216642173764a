using Athar.Core.Reference;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Athar.Data.Reference;

// Reference data is seeded by migration (HasData), so every database starts with the same ids.
internal sealed class RegionConfiguration : IEntityTypeConfiguration<Region>
{
    public void Configure(EntityTypeBuilder<Region> b)
    {
        b.Property(r => r.Id).ValueGeneratedNever();
        b.Property(r => r.Code).HasMaxLength(32);
        b.Property(r => r.NameAr).HasMaxLength(100);
        b.Property(r => r.NameEn).HasMaxLength(100);
        b.Ignore(r => r.Name);
        b.HasIndex(r => r.Code).IsUnique();
        b.HasMany(r => r.Cities).WithOne().HasForeignKey(c => c.RegionId).OnDelete(DeleteBehavior.Restrict);
        b.HasData(ReferenceData.Regions.Select(r => new Region { Id = r.Id, Code = r.Code, NameAr = r.NameAr, NameEn = r.NameEn }));
    }
}

internal sealed class CityConfiguration : IEntityTypeConfiguration<City>
{
    public void Configure(EntityTypeBuilder<City> b)
    {
        b.Property(c => c.Id).ValueGeneratedNever();
        b.Property(c => c.NameAr).HasMaxLength(100);
        b.Property(c => c.NameEn).HasMaxLength(100);
        b.Ignore(c => c.Name);
        b.HasData(ReferenceData.Cities.Select(c => new City { Id = c.Id, RegionId = c.RegionId, NameAr = c.NameAr, NameEn = c.NameEn }));
    }
}

internal sealed class FieldConfiguration : IEntityTypeConfiguration<Field>
{
    public void Configure(EntityTypeBuilder<Field> b)
    {
        b.Property(f => f.Id).ValueGeneratedNever();
        b.Property(f => f.Code).HasMaxLength(32);
        b.Property(f => f.NameAr).HasMaxLength(100);
        b.Property(f => f.NameEn).HasMaxLength(100);
        b.Ignore(f => f.Name);
        b.HasIndex(f => f.Code).IsUnique();
        b.HasData(ReferenceData.Fields.Select(f => new Field { Id = f.Id, Code = f.Code, NameAr = f.NameAr, NameEn = f.NameEn }));
    }
}
