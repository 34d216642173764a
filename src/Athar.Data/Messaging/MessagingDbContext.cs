using Microsoft.EntityFrameworkCore;

namespace Athar.Data;

public sealed partial class AtharDbContext
{
    public DbSet<Messaging.OutboxMessage> OutboxMessages => Set<Messaging.OutboxMessage>();
}
