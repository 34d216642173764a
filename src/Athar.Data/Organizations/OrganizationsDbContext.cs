using Microsoft.EntityFrameworkCore;

namespace Athar.Data;

public sealed partial class AtharDbContext
{
    public DbSet<Organizations.Organization> Organizations => Set<Organizations.Organization>();
    public DbSet<Organizations.OrganizationMember> OrganizationMembers => Set<Organizations.OrganizationMember>();
}
