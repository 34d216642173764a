using Athar.Core.Recognition;
using Athar.Data.Accounts;
using Athar.Data.Opportunities;
using Athar.Data.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Athar.Data.Recognition;

/// <summary>
/// A volunteer's idea for an initiative, proposed to an organisation. Adopting it creates one draft
/// opportunity (<see cref="OpportunityId"/>, unique), whatever retries or double clicks happen.
/// </summary>
public sealed class Idea
{
    public Guid Id { get; set; }
    public Guid ProposerId { get; set; }
    public Guid OrganizationId { get; set; }
    public required string Title { get; set; }
    public required string Description { get; set; }
    public int FieldId { get; set; }
    public int RegionId { get; set; }
    public int CityId { get; set; }
    public int? ExpectedBeneficiaries { get; set; }
    public IdeaStatus Status { get; set; } = IdeaStatus.Submitted;
    public string? DeclineReason { get; set; }
    public Guid? OpportunityId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public Guid? DecidedBy { get; set; }
}

/// <summary>One year's award: nominations, judging, then published winners.</summary>
public sealed class AwardCycle
{
    public Guid Id { get; set; }
    public int Year { get; set; }
    public AwardCycleStatus Status { get; set; } = AwardCycleStatus.Preparing;
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? StatusChangedAt { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    public Guid? PublishedBy { get; set; }
}

/// <summary>A judge appointed for one track of one cycle.</summary>
public sealed class AwardJudge
{
    public Guid CycleId { get; set; }
    public AwardTrack Track { get; set; }
    public Guid UserId { get; set; }
}

/// <summary>
/// A nomination in one track, made by an organisation (<see cref="NominatorOrganizationId"/>): itself
/// (organisation tracks), one of its teams by name, or a volunteer who served with it (individuals).
/// </summary>
public sealed class AwardNomination
{
    public Guid Id { get; set; }
    public Guid CycleId { get; set; }
    public AwardTrack Track { get; set; }
    public Guid? NomineeOrganizationId { get; set; }
    public Guid? NomineeUserId { get; set; }
    public string? NomineeName { get; set; }
    public required string Statement { get; set; }
    public Guid NominatorOrganizationId { get; set; }
    public Guid NominatedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public bool IsWinner { get; set; }
}

/// <summary>One judge's score of one nomination on one criterion: exactly once (the key).</summary>
public sealed class AwardScore
{
    public Guid NominationId { get; set; }
    public Guid JudgeId { get; set; }
    public AwardCriterion Criterion { get; set; }
    public int Score { get; set; }
    public DateTimeOffset ScoredAt { get; set; }
}

internal sealed class IdeaConfiguration : IEntityTypeConfiguration<Idea>
{
    public void Configure(EntityTypeBuilder<Idea> b)
    {
        b.Property(i => i.Title).HasMaxLength(IdeaRules.TitleMaxLength);
        b.Property(i => i.Description).HasMaxLength(IdeaRules.DescriptionMaxLength);
        b.Property(i => i.DeclineReason).HasMaxLength(IdeaRules.ReasonMaxLength);
        b.HasOne<AtharUser>().WithMany().HasForeignKey(i => i.ProposerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organization>().WithMany().HasForeignKey(i => i.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Opportunity>().WithMany().HasForeignKey(i => i.OpportunityId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(i => new { i.OrganizationId, i.Status, i.CreatedAt });
        b.HasIndex(i => new { i.ProposerId, i.CreatedAt });
        // One opportunity per adopted idea.
        b.HasIndex(i => i.OpportunityId).IsUnique();
    }
}

internal sealed class AwardCycleConfiguration : IEntityTypeConfiguration<AwardCycle>
{
    public void Configure(EntityTypeBuilder<AwardCycle> b) => b.HasIndex(c => c.Year).IsUnique();
}

internal sealed class AwardJudgeConfiguration : IEntityTypeConfiguration<AwardJudge>
{
    public void Configure(EntityTypeBuilder<AwardJudge> b)
    {
        b.HasKey(j => new { j.CycleId, j.Track, j.UserId });
        b.HasOne<AwardCycle>().WithMany().HasForeignKey(j => j.CycleId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<AtharUser>().WithMany().HasForeignKey(j => j.UserId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(j => j.UserId);
    }
}

internal sealed class AwardNominationConfiguration : IEntityTypeConfiguration<AwardNomination>
{
    public void Configure(EntityTypeBuilder<AwardNomination> b)
    {
        b.Property(n => n.NomineeName).HasMaxLength(AwardRules.TeamNameMaxLength);
        b.Property(n => n.Statement).HasMaxLength(AwardRules.StatementMaxLength);
        b.HasOne<AwardCycle>().WithMany().HasForeignKey(n => n.CycleId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organization>().WithMany().HasForeignKey(n => n.NomineeOrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AtharUser>().WithMany().HasForeignKey(n => n.NomineeUserId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AtharUser>().WithMany().HasForeignKey(n => n.NominatedBy).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organization>().WithMany().HasForeignKey(n => n.NominatorOrganizationId).OnDelete(DeleteBehavior.Restrict);
        // A nominee stands once per track and year (NULLs are distinct, so each kind has its own index);
        // team names are unique within their organisation.
        b.HasIndex(n => new { n.CycleId, n.Track, n.NomineeOrganizationId }).IsUnique();
        b.HasIndex(n => new { n.CycleId, n.Track, n.NomineeUserId }).IsUnique();
        b.HasIndex(n => new { n.CycleId, n.Track, n.NominatorOrganizationId, n.NomineeName }).IsUnique();
    }
}

internal sealed class AwardScoreConfiguration : IEntityTypeConfiguration<AwardScore>
{
    public void Configure(EntityTypeBuilder<AwardScore> b)
    {
        b.HasKey(s => new { s.NominationId, s.JudgeId, s.Criterion });
        b.HasOne<AwardNomination>().WithMany().HasForeignKey(s => s.NominationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<AtharUser>().WithMany().HasForeignKey(s => s.JudgeId).OnDelete(DeleteBehavior.Restrict);
        b.ToTable(t => t.HasCheckConstraint("CK_AwardScores_Range", "\"Score\" >= 0 AND \"Score\" <= 10"));
    }
}
