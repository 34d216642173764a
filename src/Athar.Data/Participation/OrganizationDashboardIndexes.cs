using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Athar.Data.Participation;

internal sealed class OrganizationDashboardIndexes : IEntityTypeConfiguration<VolunteerHours>
{
    // The organisation dashboard's verified minutes and distinct volunteers in one pass over this index alone (PostgreSQL
    // INCLUDE), grouped by volunteer in index order: the largest organisation at scale 0.3 has 118,000 approved records.
    public void Configure(EntityTypeBuilder<VolunteerHours> b) =>
        b.HasIndex(h => new { h.OrganizationId, h.Status, h.VolunteerId }).IncludeProperties(h => h.CreditedMinutes);
}
