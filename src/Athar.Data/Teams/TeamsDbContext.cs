using Microsoft.EntityFrameworkCore;

namespace Athar.Data;

public sealed partial class AtharDbContext
{
    public DbSet<Teams.Team> Teams => Set<Teams.Team>();
    public DbSet<Teams.TeamMember> TeamMembers => Set<Teams.TeamMember>();
    public DbSet<Recognition.VolunteerBadge> VolunteerBadges => Set<Recognition.VolunteerBadge>();
    public DbSet<Recognition.VolunteerDayThanks> VolunteerDayThanks => Set<Recognition.VolunteerDayThanks>();
    public DbSet<Recognition.RankingConsent> RankingConsents => Set<Recognition.RankingConsent>();
}
