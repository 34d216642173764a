using Microsoft.EntityFrameworkCore;

namespace Athar.Data;

public sealed partial class AtharDbContext
{
    public DbSet<Reference.Region> Regions => Set<Reference.Region>();
    public DbSet<Reference.City> Cities => Set<Reference.City>();
    public DbSet<Reference.Field> Fields => Set<Reference.Field>();
}
