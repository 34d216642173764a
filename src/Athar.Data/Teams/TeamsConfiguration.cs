using Athar.Data.Accounts;
using Athar.Data.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Athar.Data.Teams;

internal sealed class TeamConfiguration : IEntityTypeConfiguration<Team>
{
    public void Configure(EntityTypeBuilder<Team> b)
    {
        b.ComplexProperty(t => t.Name, n =>
        {
            n.Property(x => x.Ar).HasColumnName("NameAr").HasMaxLength(120);
            n.Property(x => x.En).HasColumnName("NameEn").HasMaxLength(120);
        });
        b.Property(t => t.DescriptionAr).HasMaxLength(1000);
        b.Property(t => t.DescriptionEn).HasMaxLength(1000);
        b.Property(t => t.Neighbourhood).HasMaxLength(100);
        b.Property(t => t.SearchText).HasMaxLength(2000);
        b.HasOne<Organization>().WithMany().HasForeignKey(t => t.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AtharUser>().WithMany().HasForeignKey(t => t.LeaderUserId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(t => new { t.OrganizationId, t.ClosedAt });
        b.HasIndex(t => new { t.RegionId, t.CityId });
        b.HasIndex(t => t.LeaderUserId);
    }
}

internal sealed class TeamMemberConfiguration : IEntityTypeConfiguration<TeamMember>
{
    public void Configure(EntityTypeBuilder<TeamMember> b)
    {
        // One row per team and person: a second request, invitation or a race between them updates it, never duplicates it.
        b.HasKey(m => new { m.TeamId, m.UserId });
        b.HasOne<Team>().WithMany().HasForeignKey(m => m.TeamId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<AtharUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(m => new { m.UserId, m.State });
        b.HasIndex(m => new { m.TeamId, m.State });
    }
}
