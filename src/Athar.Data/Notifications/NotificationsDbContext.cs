using Microsoft.EntityFrameworkCore;

namespace Athar.Data;

public sealed partial class AtharDbContext
{
    public DbSet<Notifications.Notification> Notifications => Set<Notifications.Notification>();
}
