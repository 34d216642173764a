using Athar.Data.Organizations;
using Athar.Data.Reference;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Athar.Data.Opportunities;

internal sealed class OpportunityConfiguration : IEntityTypeConfiguration<Opportunity>
{
    public void Configure(EntityTypeBuilder<Opportunity> b)
    {
        b.ComplexProperty(o => o.Title, t =>
        {
            t.Property(x => x.Ar).HasColumnName("TitleAr").HasMaxLength(200);
            t.Property(x => x.En).HasColumnName("TitleEn").HasMaxLength(200);
        });
        b.ComplexProperty(o => o.Description, d =>
        {
            d.Property(x => x.Ar).HasColumnName("DescriptionAr").HasMaxLength(4000);
            d.Property(x => x.En).HasColumnName("DescriptionEn").HasMaxLength(4000);
        });
        b.Property(o => o.Address).HasMaxLength(300);
        b.Property(o => o.RequiredSkills).HasMaxLength(500);
        b.Property(o => o.CancellationReason).HasMaxLength(500);
        b.Property(o => o.SearchText).HasMaxLength(12000);
        b.HasOne<Organization>().WithMany().HasForeignKey(o => o.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Field>().WithMany().HasForeignKey(o => o.FieldId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Region>().WithMany().HasForeignKey(o => o.RegionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<City>().WithMany().HasForeignKey(o => o.CityId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(o => o.Shifts).WithOne().HasForeignKey(s => s.OpportunityId).OnDelete(DeleteBehavior.Cascade);
        b.ToTable(t => t.HasCheckConstraint("CK_Opportunities_Seats", "\"SeatsTaken\" >= 0 AND \"SeatsTaken\" <= \"SeatsTotal\""));

        // Keyset pages for the public search: soonest, newest, most seats left; each ends with Id for stability.
        b.HasIndex(o => new { o.Status, o.NextShiftStartsAt, o.Id });
        b.HasIndex(o => new { o.Status, o.PublishedAt, o.Id });
        b.HasIndex(o => new { o.Status, o.RegionId, o.FieldId });
        // The organisation dashboard joins an organisation's opportunities to their shifts: with the id alongside (PostgreSQL
        // INCLUDE) that side reads the index alone, not thousands of scattered opportunity rows.
        b.HasIndex(o => new { o.OrganizationId, o.Status }).IncludeProperties(o => o.Id);
    }
}

internal sealed class ShiftConfiguration : IEntityTypeConfiguration<Shift>
{
    public void Configure(EntityTypeBuilder<Shift> b)
    {
        b.ToTable(t => t.HasCheckConstraint("CK_Shifts_Accepted", "\"Accepted\" >= 0 AND \"Accepted\" <= \"Seats\""));
        b.HasIndex(s => new { s.OpportunityId, s.StartsAt });
        b.HasIndex(s => s.StartsAt);
    }
}
