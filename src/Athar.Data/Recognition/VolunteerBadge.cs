using Athar.Core.Recognition;
using Athar.Data.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Athar.Data.Recognition;

/// <summary>A milestone badge awarded to a volunteer. The key (volunteer, badge) makes "exactly once" a database fact.</summary>
public sealed class VolunteerBadge
{
    public Guid UserId { get; set; }
    public Badge Badge { get; set; }
    public DateTimeOffset AwardedAt { get; set; }
}

/// <summary>The International Volunteer Day thank-you sent for one year; the key (volunteer, year) makes it once, whatever the job does.</summary>
public sealed class VolunteerDayThanks
{
    public Guid UserId { get; set; }
    public int Year { get; set; }
    public DateTimeOffset SentAt { get; set; }
}

/// <summary>A volunteer's choice to appear by name in the public rankings. No row means no: the default is off.</summary>
public sealed class RankingConsent
{
    public Guid UserId { get; set; }
    public bool ShowInRankings { get; set; }
    public DateTimeOffset ChangedAt { get; set; }
}

internal sealed class VolunteerBadgeConfiguration : IEntityTypeConfiguration<VolunteerBadge>
{
    public void Configure(EntityTypeBuilder<VolunteerBadge> b)
    {
        b.HasKey(x => new { x.UserId, x.Badge });
        b.HasOne<AtharUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class VolunteerDayThanksConfiguration : IEntityTypeConfiguration<VolunteerDayThanks>
{
    public void Configure(EntityTypeBuilder<VolunteerDayThanks> b)
    {
        b.HasKey(x => new { x.UserId, x.Year });
        b.HasOne<AtharUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.Year);
    }
}

internal sealed class RankingConsentConfiguration : IEntityTypeConfiguration<RankingConsent>
{
    public void Configure(EntityTypeBuilder<RankingConsent> b)
    {
        b.HasKey(x => x.UserId);
        b.HasOne<AtharUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
