using Athar.Data.Accounts;
using Athar.Data.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Athar.Data.Training;

internal sealed class CourseConfiguration : IEntityTypeConfiguration<Course>
{
    public void Configure(EntityTypeBuilder<Course> b)
    {
        b.HasOne<Organization>().WithMany().HasForeignKey(c => c.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.ComplexProperty(c => c.Title, t =>
        {
            t.Property(x => x.Ar).HasColumnName("TitleAr").HasMaxLength(150);
            t.Property(x => x.En).HasColumnName("TitleEn").HasMaxLength(150);
        });
        b.ComplexProperty(c => c.Description, t =>
        {
            t.Property(x => x.Ar).HasColumnName("DescriptionAr").HasMaxLength(4000);
            t.Property(x => x.En).HasColumnName("DescriptionEn").HasMaxLength(4000);
        });
        b.Property(c => c.DurationHours).HasPrecision(6, 1);
        b.HasIndex(c => new { c.Status, c.Track });
        b.HasIndex(c => c.OrganizationId);
    }
}

internal sealed class CoursePrerequisiteConfiguration : IEntityTypeConfiguration<CoursePrerequisite>
{
    public void Configure(EntityTypeBuilder<CoursePrerequisite> b)
    {
        b.HasKey(p => new { p.CourseId, p.RequiredCourseId });
        b.HasOne<Course>().WithMany().HasForeignKey(p => p.CourseId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Course>().WithMany().HasForeignKey(p => p.RequiredCourseId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CourseSessionConfiguration : IEntityTypeConfiguration<CourseSession>
{
    public void Configure(EntityTypeBuilder<CourseSession> b)
    {
        b.HasOne<Course>().WithMany().HasForeignKey(s => s.CourseId).OnDelete(DeleteBehavior.Restrict);
        b.Property(s => s.Location).HasMaxLength(300);
        // The database itself refuses an oversold session, whatever the application does.
        b.ToTable(t => t.HasCheckConstraint("CK_CourseSessions_Enrolled", "\"Enrolled\" >= 0 AND \"Enrolled\" <= \"Seats\""));
        b.HasIndex(s => new { s.CourseId, s.StartsAt });
    }
}

internal sealed class CourseEnrollmentConfiguration : IEntityTypeConfiguration<CourseEnrollment>
{
    public void Configure(EntityTypeBuilder<CourseEnrollment> b)
    {
        b.HasOne<Course>().WithMany().HasForeignKey(e => e.CourseId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<CourseSession>().WithMany().HasForeignKey(e => e.SessionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AtharUser>().WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organization>().WithMany().HasForeignKey(e => e.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        // One place per person and session, however the requests race.
        b.HasIndex(e => new { e.SessionId, e.UserId }).IsUnique();
        b.HasIndex(e => new { e.UserId, e.CourseId, e.Status });
        b.HasIndex(e => new { e.CourseId, e.Status });
    }
}
