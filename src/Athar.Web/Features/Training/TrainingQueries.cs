using Athar.Core.Licensing;
using Athar.Core.Localization;
using Athar.Core.Training;
using Athar.Data;
using Athar.Data.Training;
using Microsoft.EntityFrameworkCore;

namespace Athar.Web.Features.Training;

/// <summary>Read models of training: the catalogue, a course with its sessions, a person's enrolments and training hours, a trainer's roster.</summary>
public sealed class TrainingQueries(AtharDbContext db, TimeProvider clock)
{
    public sealed record CourseSummary(Guid Id, LocalizedText Title, LicenseLevel Track, CourseDelivery Delivery, decimal DurationHours, LocalizedText? Organization, DateTimeOffset? NextSessionAt, CourseStatus Status);

    public sealed record SessionView(Guid Id, DateTimeOffset StartsAt, DateTimeOffset EndsAt, int Seats, int Enrolled, string? Location)
    {
        public int SeatsLeft => Math.Max(0, Seats - Enrolled);
    }

    public sealed record CourseDetail(Course Course, LocalizedText? Organization, IReadOnlyList<SessionView> Sessions, IReadOnlyList<CourseSummary> Prerequisites, string? TrainerEmail);

    public sealed record MyEnrollment(Guid Id, Guid CourseId, Guid SessionId, LocalizedText Title, LicenseLevel Track, decimal DurationHours, DateTimeOffset StartsAt, DateTimeOffset EndsAt, EnrollmentStatus Status, int? Score, int PassingScore);

    public sealed record RosterRow(Guid EnrollmentId, LocalizedText Name, string? Email, Guid SessionId, DateTimeOffset StartsAt, EnrollmentStatus Status, int? Score);

    public Task<List<CourseSummary>> CatalogueAsync(CancellationToken cancellationToken) =>
        Summaries(db.Courses.Where(c => c.Status == CourseStatus.Published), cancellationToken);

    public Task<List<CourseSummary>> ForOrganizationsAsync(IReadOnlyCollection<Guid> organizationIds, bool includePlatform, CancellationToken cancellationToken) =>
        Summaries(db.Courses.Where(c => c.OrganizationId != null && organizationIds.Contains(c.OrganizationId.Value) || includePlatform && c.OrganizationId == null), cancellationToken);

    public Task<List<CourseSummary>> AllAsync(CancellationToken cancellationToken) => Summaries(db.Courses, cancellationToken);

    public async Task<CourseDetail?> CourseAsync(Guid id, CancellationToken cancellationToken)
    {
        var course = await db.Courses.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (course is null)
            return null;
        var organization = course.OrganizationId is { } orgId
            ? await db.Organizations.Where(o => o.Id == orgId).Select(o => o.Name).FirstOrDefaultAsync(cancellationToken)
            : null;
        var sessions = await db.CourseSessions.AsNoTracking().Where(s => s.CourseId == id).OrderBy(s => s.StartsAt)
            .Select(s => new SessionView(s.Id, s.StartsAt, s.EndsAt, s.Seats, s.Enrolled, s.Location))
            .ToListAsync(cancellationToken);
        var prerequisiteIds = db.CoursePrerequisites.Where(p => p.CourseId == id).Select(p => p.RequiredCourseId);
        var prerequisites = await Summaries(db.Courses.Where(c => prerequisiteIds.Contains(c.Id)), cancellationToken);
        var trainer = course.TrainerId is { } trainerId ? await db.Users.Where(u => u.Id == trainerId).Select(u => u.Email).FirstOrDefaultAsync(cancellationToken) : null;
        return new CourseDetail(course, organization, sessions, prerequisites, trainer);
    }

    public Task<List<MyEnrollment>> MineAsync(Guid userId, CancellationToken cancellationToken) =>
        (from e in db.CourseEnrollments.AsNoTracking()
         join s in db.CourseSessions on e.SessionId equals s.Id
         join c in db.Courses on e.CourseId equals c.Id
         where e.UserId == userId && e.Status != EnrollmentStatus.Withdrawn
         orderby s.StartsAt descending
         select new MyEnrollment(e.Id, c.Id, s.Id, c.Title, c.Track, c.DurationHours, s.StartsAt, s.EndsAt, e.Status, e.Score, c.PassingScore))
        .ToListAsync(cancellationToken);

    /// <summary>Training hours, kept apart from volunteering hours: the duration of every course attended, passed or not.</summary>
    public async Task<decimal> TrainingHoursAsync(Guid userId, CancellationToken cancellationToken) =>
        await (from e in db.CourseEnrollments.Where(TrainingHoursFilter.Counted)
               join c in db.Courses on e.CourseId equals c.Id
               where e.UserId == userId
               select (decimal?)c.DurationHours).SumAsync(cancellationToken) ?? 0m;

    /// <summary>Trainees by session, then by their name as the page shows it (English on English pages when they gave one).</summary>
    public async Task<List<RosterRow>> RosterAsync(Guid courseId, CancellationToken cancellationToken)
    {
        var rows = await (
                from e in db.CourseEnrollments.AsNoTracking()
                join s in db.CourseSessions on e.SessionId equals s.Id
                join u in db.Users on e.UserId equals u.Id
                where e.CourseId == courseId && e.Status != EnrollmentStatus.Withdrawn
                select new RosterRow(e.Id, new LocalizedText(u.FullNameAr, u.FullNameEn), u.Email, s.Id, s.StartsAt, e.Status, e.Score))
            .ToListAsync(cancellationToken);
        var byName = StringComparer.Create(System.Globalization.CultureInfo.CurrentCulture, ignoreCase: true);
        return [.. rows.OrderBy(r => r.StartsAt).ThenBy(r => r.Name.Current, byName)];
    }

    private async Task<List<CourseSummary>> Summaries(IQueryable<Course> courses, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var rows = await courses.AsNoTracking()
            .Select(c => new
            {
                c.Id, c.Title, c.Track, c.Delivery, c.DurationHours, c.Status, c.UpdatedAt,
                Organization = db.Organizations.Where(o => o.Id == c.OrganizationId).Select(o => o.Name).FirstOrDefault(),
                Next = db.CourseSessions.Where(s => s.CourseId == c.Id && s.StartsAt > now).Min(s => (DateTimeOffset?)s.StartsAt),
            })
            .ToListAsync(cancellationToken);
        return rows.OrderBy(r => r.Next ?? DateTimeOffset.MaxValue).ThenByDescending(r => r.UpdatedAt)
            .Select(r => new CourseSummary(r.Id, r.Title, r.Track, r.Delivery, r.DurationHours, r.Organization, r.Next, r.Status))
            .ToList();
    }
}
