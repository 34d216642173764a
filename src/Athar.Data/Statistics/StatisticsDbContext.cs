using Microsoft.EntityFrameworkCore;

namespace Athar.Data;

public sealed partial class AtharDbContext
{
    public DbSet<Statistics.StatsActivity> StatsActivity => Set<Statistics.StatsActivity>();
    public DbSet<Statistics.StatsHijriMonth> StatsHijriMonths => Set<Statistics.StatsHijriMonth>();
}
