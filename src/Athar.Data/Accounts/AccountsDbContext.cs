using Microsoft.EntityFrameworkCore;

namespace Athar.Data;

public sealed partial class AtharDbContext
{
    public DbSet<Accounts.Volunteer> Volunteers => Set<Accounts.Volunteer>();
    public DbSet<Accounts.VolunteerField> VolunteerFields => Set<Accounts.VolunteerField>();
    public DbSet<Accounts.GuardianConsent> GuardianConsents => Set<Accounts.GuardianConsent>();
    public DbSet<Accounts.ConsentRecord> ConsentRecords => Set<Accounts.ConsentRecord>();
    public DbSet<Accounts.UserSession> UserSessions => Set<Accounts.UserSession>();
    public DbSet<Accounts.RegionalAssignment> RegionalAssignments => Set<Accounts.RegionalAssignment>();
}
