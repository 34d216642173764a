using Microsoft.EntityFrameworkCore;

namespace Athar.Data;

public sealed partial class AtharDbContext
{
    public DbSet<Training.Course> Courses => Set<Training.Course>();
    public DbSet<Training.CoursePrerequisite> CoursePrerequisites => Set<Training.CoursePrerequisite>();
    public DbSet<Training.CourseSession> CourseSessions => Set<Training.CourseSession>();
    public DbSet<Training.CourseEnrollment> CourseEnrollments => Set<Training.CourseEnrollment>();
    public DbSet<Licensing.License> Licenses => Set<Licensing.License>();
    public DbSet<Licensing.LicenseEvent> LicenseEvents => Set<Licensing.LicenseEvent>();
    public DbSet<Certificates.IssuedDocument> IssuedDocuments => Set<Certificates.IssuedDocument>();
}
