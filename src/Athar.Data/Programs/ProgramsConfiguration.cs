using Athar.Data.Accounts;
using Athar.Data.Opportunities;
using Athar.Data.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Athar.Data.Programs;

internal static class PeriodColumns
{
    /// <summary>The columns every <see cref="MeasuredPeriod"/> has, and the rule that a period never ends before it starts.</summary>
    public static void Configure<T>(EntityTypeBuilder<T> b, string table) where T : MeasuredPeriod
    {
        b.ToTable(table, t => t.HasCheckConstraint($"CK_{table}_Period", "\"EndsOn\" >= \"StartsOn\""));
        b.ComplexProperty(p => p.Title, t =>
        {
            t.Property(x => x.Ar).HasColumnName("TitleAr").HasMaxLength(200);
            t.Property(x => x.En).HasColumnName("TitleEn").HasMaxLength(200);
        });
        b.ComplexProperty(p => p.Description, d =>
        {
            d.Property(x => x.Ar).HasColumnName("DescriptionAr").HasMaxLength(4000);
            d.Property(x => x.En).HasColumnName("DescriptionEn").HasMaxLength(4000);
        });
        b.Ignore(p => p.Targets);
        b.HasOne<AtharUser>().WithMany().HasForeignKey(p => p.CreatedBy).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(p => new { p.Status, p.StartsOn });
    }
}

internal sealed class VolunteerProgramConfiguration : IEntityTypeConfiguration<VolunteerProgram>
{
    public void Configure(EntityTypeBuilder<VolunteerProgram> b)
    {
        PeriodColumns.Configure(b, "Programs");
        b.HasOne<Organization>().WithMany().HasForeignKey(p => p.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(p => p.Tracks).WithOne().HasForeignKey(t => t.ProgramId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(p => p.OrganizationId);
    }
}

internal sealed class ProgramTrackConfiguration : IEntityTypeConfiguration<ProgramTrack>
{
    public void Configure(EntityTypeBuilder<ProgramTrack> b)
    {
        b.ComplexProperty(t => t.Name, n =>
        {
            n.Property(x => x.Ar).HasColumnName("NameAr").HasMaxLength(200);
            n.Property(x => x.En).HasColumnName("NameEn").HasMaxLength(200);
        });
        b.HasIndex(t => new { t.ProgramId, t.Position }).IsUnique();
    }
}

/// <summary>Opportunity.ProgramId already existed without a program table; this gives it its foreign key.</summary>
internal sealed class OpportunityProgramConfiguration : IEntityTypeConfiguration<Opportunity>
{
    // A program with linked opportunities cannot be deleted (programs are closed, not deleted): the link
    // is part of the statistics' program cut, so it must never silently disappear.
    public void Configure(EntityTypeBuilder<Opportunity> b) =>
        b.HasOne<VolunteerProgram>().WithMany().HasForeignKey(o => o.ProgramId).OnDelete(DeleteBehavior.Restrict);
}

internal sealed class InitiativeConfiguration : IEntityTypeConfiguration<Initiative>
{
    public void Configure(EntityTypeBuilder<Initiative> b)
    {
        PeriodColumns.Configure(b, "Initiatives");
        b.HasOne<Organization>().WithMany().HasForeignKey(i => i.LeadOrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(i => i.LeadOrganizationId);
    }
}

internal sealed class InitiativePartnerConfiguration : IEntityTypeConfiguration<InitiativePartner>
{
    public void Configure(EntityTypeBuilder<InitiativePartner> b)
    {
        b.HasKey(p => new { p.InitiativeId, p.OrganizationId });
        b.HasOne<Initiative>().WithMany().HasForeignKey(p => p.InitiativeId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Organization>().WithMany().HasForeignKey(p => p.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(p => p.OrganizationId);
    }
}

internal sealed class InitiativeOpportunityConfiguration : IEntityTypeConfiguration<InitiativeOpportunity>
{
    public void Configure(EntityTypeBuilder<InitiativeOpportunity> b)
    {
        b.HasKey(x => new { x.InitiativeId, x.OpportunityId });
        b.HasOne<Initiative>().WithMany().HasForeignKey(x => x.InitiativeId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Opportunity>().WithMany().HasForeignKey(x => x.OpportunityId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.OpportunityId);
    }
}
