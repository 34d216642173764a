using Microsoft.EntityFrameworkCore;

namespace Athar.Data;

public sealed partial class AtharDbContext
{
    public DbSet<Privacy.PersonalDataAccess> PersonalDataAccessLog => Set<Privacy.PersonalDataAccess>();
}
