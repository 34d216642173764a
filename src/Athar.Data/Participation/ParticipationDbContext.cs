using Microsoft.EntityFrameworkCore;

namespace Athar.Data;

public sealed partial class AtharDbContext
{
    public DbSet<Participation.Application> Applications => Set<Participation.Application>();
    public DbSet<Participation.AttendanceRecord> Attendance => Set<Participation.AttendanceRecord>();
    public DbSet<Participation.VolunteerHours> VolunteerHours => Set<Participation.VolunteerHours>();
    public DbSet<Participation.HoursAuditEntry> HoursAudit => Set<Participation.HoursAuditEntry>();
}
