using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Athar.Data.Opportunities;

internal sealed class SearchableOpportunityConfiguration : IEntityTypeConfiguration<SearchableOpportunity>
{
    public void Configure(EntityTypeBuilder<SearchableOpportunity> b)
    {
        b.HasKey(s => s.OpportunityId);
        b.Property(s => s.SearchText).HasMaxLength(12000);
        b.Property(s => s.TitleAr).HasMaxLength(200);
        b.Property(s => s.TitleEn).HasMaxLength(200);
        b.Property(s => s.OrganizationNameAr).HasMaxLength(200);
        b.Property(s => s.OrganizationNameEn).HasMaxLength(200);
        b.HasOne<Opportunity>().WithOne().HasForeignKey<SearchableOpportunity>(s => s.OpportunityId).OnDelete(DeleteBehavior.Cascade);

        // One index per sort order, in that order's direction, so a page stops after its 21 rows. PostgreSQL adds a
        // trigram index on SearchText in the migration (provider-specific).
        b.HasIndex(s => new { s.NextShiftStartsAt, s.OpportunityId });
        b.HasIndex(s => new { s.PublishedAt, s.OpportunityId });
        b.HasIndex(s => new { s.SeatsLeft, s.OpportunityId }).IsDescending(true, false);

        // The same orders behind a region or field filter (40% of searches filter a region): without them the planner
        // walks the whole order's index and tests each row until 21 match, thousands of buffers when the matches lie late.
        b.HasIndex(s => new { s.RegionId, s.NextShiftStartsAt, s.OpportunityId });
        b.HasIndex(s => new { s.RegionId, s.PublishedAt, s.OpportunityId });
        b.HasIndex(s => new { s.RegionId, s.SeatsLeft, s.OpportunityId }).IsDescending(false, true, false);
        b.HasIndex(s => new { s.FieldId, s.NextShiftStartsAt, s.OpportunityId });
        b.HasIndex(s => new { s.FieldId, s.PublishedAt, s.OpportunityId });
        b.HasIndex(s => new { s.FieldId, s.SeatsLeft, s.OpportunityId }).IsDescending(false, true, false);
    }
}
