using Athar.Data.Reference;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Athar.Data.Accounts;

internal sealed class AtharUserConfiguration : IEntityTypeConfiguration<AtharUser>
{
    public void Configure(EntityTypeBuilder<AtharUser> b)
    {
        b.Property(u => u.FullNameAr).HasMaxLength(100);
        b.Property(u => u.FullNameEn).HasMaxLength(100);
        b.Property(u => u.PreferredLanguage).HasMaxLength(5);
        b.Property(u => u.PhoneNumber).HasMaxLength(16);
        b.HasIndex(u => u.PhoneNumber);
        // Written only by the authenticator check's conditional UPDATE: Identity saves the whole user row, and a
        // request holding an older copy must not put an earlier step back (that would let a used code in again).
        b.Property(u => u.LastAuthenticatorTimeStep).Metadata.SetAfterSaveBehavior(PropertySaveBehavior.Ignore);
    }
}

internal sealed class VolunteerConfiguration : IEntityTypeConfiguration<Volunteer>
{
    public void Configure(EntityTypeBuilder<Volunteer> b)
    {
        b.HasKey(v => v.UserId);
        b.HasOne(v => v.User).WithOne(u => u.Volunteer).HasForeignKey<Volunteer>(v => v.UserId).OnDelete(DeleteBehavior.Cascade);
        b.Property(v => v.NationalId).HasMaxLength(10).IsFixedLength();
        // One national record per person: the database enforces it, not only the form.
        b.HasIndex(v => v.NationalId).IsUnique();
        b.Property(v => v.Skills).HasMaxLength(500);
        b.Property(v => v.Education).HasMaxLength(500);
        b.Property(v => v.Profession).HasMaxLength(500);
        b.HasOne<Region>().WithMany().HasForeignKey(v => v.RegionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<City>().WithMany().HasForeignKey(v => v.CityId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(v => v.Fields).WithOne().HasForeignKey(f => f.VolunteerId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(v => new { v.RegionId, v.Gender });
        b.Ignore(v => v.MayApply);
    }
}

internal sealed class VolunteerFieldConfiguration : IEntityTypeConfiguration<VolunteerField>
{
    public void Configure(EntityTypeBuilder<VolunteerField> b)
    {
        b.HasKey(f => new { f.VolunteerId, f.FieldId });
        b.HasOne<Field>().WithMany().HasForeignKey(f => f.FieldId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class GuardianConsentConfiguration : IEntityTypeConfiguration<GuardianConsent>
{
    public void Configure(EntityTypeBuilder<GuardianConsent> b)
    {
        b.HasOne<Volunteer>().WithMany().HasForeignKey(g => g.VolunteerId).OnDelete(DeleteBehavior.Cascade);
        b.Property(g => g.GuardianName).HasMaxLength(100);
        b.Property(g => g.GuardianNationalId).HasMaxLength(10).IsFixedLength();
        b.Property(g => g.GuardianMobile).HasMaxLength(16);
        b.Property(g => g.TokenHash).HasMaxLength(64);
        b.Property(g => g.CodeHash).HasMaxLength(64);
        b.HasIndex(g => g.TokenHash).IsUnique();
        b.HasIndex(g => g.VolunteerId);
    }
}

internal sealed class ConsentRecordConfiguration : IEntityTypeConfiguration<ConsentRecord>
{
    public void Configure(EntityTypeBuilder<ConsentRecord> b)
    {
        b.HasOne<AtharUser>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
        b.Property(c => c.Version).HasMaxLength(20);
        b.HasIndex(c => new { c.UserId, c.Kind });
    }
}

internal sealed class UserSessionConfiguration : IEntityTypeConfiguration<UserSession>
{
    public void Configure(EntityTypeBuilder<UserSession> b)
    {
        b.HasOne<AtharUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        b.Property(s => s.Device).HasMaxLength(60);
        b.HasIndex(s => s.UserId);
    }
}

internal sealed class RegionalAssignmentConfiguration : IEntityTypeConfiguration<RegionalAssignment>
{
    public void Configure(EntityTypeBuilder<RegionalAssignment> b)
    {
        b.HasKey(a => new { a.UserId, a.RegionId });
        b.HasOne<AtharUser>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Region>().WithMany().HasForeignKey(a => a.RegionId).OnDelete(DeleteBehavior.Restrict);
    }
}
