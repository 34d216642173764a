using Microsoft.EntityFrameworkCore;

namespace Athar.Data;

public sealed partial class AtharDbContext
{
    public DbSet<Opportunities.Opportunity> Opportunities => Set<Opportunities.Opportunity>();
    public DbSet<Opportunities.Shift> Shifts => Set<Opportunities.Shift>();
}
