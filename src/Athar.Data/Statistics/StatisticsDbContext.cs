using Microsoft.EntityFrameworkCore;

namespace Athar.Data;

public sealed partial class AtharDbContext
{
    public DbSet<Statistics.StatsActivity> StatsActivity => Set<Statistics.StatsActivity>();
    public DbSet<Statistics.StatsHijriMonth> StatsHijriMonths => Set<Statistics.StatsHijriMonth>();
    public DbSet<Statistics.StatsReach> StatsReach => Set<Statistics.StatsReach>();
    public DbSet<Statistics.StatsTotals> StatsTotals => Set<Statistics.StatsTotals>();
    public DbSet<Statistics.StatsApplicationCount> StatsApplicationCounts => Set<Statistics.StatsApplicationCount>();
    public DbSet<Statistics.StatsAttendanceCount> StatsAttendanceCounts => Set<Statistics.StatsAttendanceCount>();
    public DbSet<Statistics.StatsHoursCount> StatsHoursCounts => Set<Statistics.StatsHoursCount>();
    public DbSet<Statistics.StatsRegistrationCount> StatsRegistrationCounts => Set<Statistics.StatsRegistrationCount>();
    public DbSet<Statistics.StatsSeatCount> StatsSeatCounts => Set<Statistics.StatsSeatCount>();
    public DbSet<Statistics.StatsPublishedCount> StatsPublishedCounts => Set<Statistics.StatsPublishedCount>();
}
