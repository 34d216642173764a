using Microsoft.EntityFrameworkCore;

namespace Athar.Data;

public sealed partial class AtharDbContext
{
    public DbSet<Idempotency.IdempotentRequest> IdempotentRequests => Set<Idempotency.IdempotentRequest>();
}
