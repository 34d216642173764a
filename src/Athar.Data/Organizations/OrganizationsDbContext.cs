using Microsoft.EntityFrameworkCore;

namespace Athar.Data;

public sealed partial class AtharDbContext
{
    public DbSet<Organizations.Organization> Organizations => Set<Organizations.Organization>();
    public DbSet<Organizations.OrganizationMember> OrganizationMembers => Set<Organizations.OrganizationMember>();
    public DbSet<Organizations.OrganizationField> OrganizationFields => Set<Organizations.OrganizationField>();
    public DbSet<Organizations.OrganizationInvitation> OrganizationInvitations => Set<Organizations.OrganizationInvitation>();
}
