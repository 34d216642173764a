using Microsoft.EntityFrameworkCore;

namespace Athar.Data;

public sealed partial class AtharDbContext
{
    public DbSet<Platform.PlatformSetting> PlatformSettings => Set<Platform.PlatformSetting>();
}
