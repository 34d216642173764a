using Microsoft.EntityFrameworkCore;

namespace Athar.Data;

public sealed partial class AtharDbContext
{
    public DbSet<Import.ImportBatch> ImportBatches => Set<Import.ImportBatch>();
    public DbSet<Import.OpportunityReference> OpportunityReferences => Set<Import.OpportunityReference>();
    public DbSet<Import.ImportFollowUp> ImportFollowUps => Set<Import.ImportFollowUp>();
}
