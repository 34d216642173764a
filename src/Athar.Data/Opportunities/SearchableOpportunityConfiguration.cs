using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Athar.Data.Opportunities;

internal sealed class SearchableOpportunityConfiguration : IEntityTypeConfiguration<SearchableOpportunity>
{
    public void Configure(EntityTypeBuilder<SearchableOpportunity> b)
    {
        b.HasKey(s => s.OpportunityId);
        b.Property(s => s.SearchText).HasMaxLength(12000);
        b.HasOne<Opportunity>().WithOne().HasForeignKey<SearchableOpportunity>(s => s.OpportunityId).OnDelete(DeleteBehavior.Cascade);

        // One index per sort order, in that order's direction, so a page stops after its 21 rows. PostgreSQL adds a
        // trigram index on SearchText in the migration (provider-specific).
        b.HasIndex(s => new { s.NextShiftStartsAt, s.OpportunityId });
        b.HasIndex(s => new { s.PublishedAt, s.OpportunityId });
        b.HasIndex(s => new { s.SeatsLeft, s.OpportunityId }).IsDescending(true, false);
    }
}
