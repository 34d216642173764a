using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Athar.Data.Opportunities;

/// <summary>
/// "The seats of this opportunity's shifts changed": a row a trigger on Shifts appends in the writer's transaction and
/// <see cref="SeatCountFold"/> consumes, setting <see cref="Opportunity.SeatsTaken"/> to the sum of its shifts'
/// accepted seats. Appending takes no lock another writer waits for (no key but the identity, no foreign key), where
/// updating the opportunity's row made every acceptance on any of its shifts wait for the previous one to commit
/// (issue #7: the apply scenario's waits at scale 1).
/// </summary>
public sealed class SeatCountChange
{
    public long Id { get; set; }
    public Guid OpportunityId { get; set; }
}

internal sealed class SeatCountChangeConfiguration : IEntityTypeConfiguration<SeatCountChange>
{
    public void Configure(EntityTypeBuilder<SeatCountChange> b) => b.Property(c => c.Id).ValueGeneratedOnAdd();
}
