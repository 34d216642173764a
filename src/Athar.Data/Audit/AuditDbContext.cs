using Microsoft.EntityFrameworkCore;

namespace Athar.Data;

public sealed partial class AtharDbContext
{
    public DbSet<Audit.AuditEntry> AuditEntries => Set<Audit.AuditEntry>();
}
