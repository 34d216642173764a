using Athar.Core.Common;
using Athar.Core.Licensing;
using Athar.Core.Training;
using Athar.Data;
using Athar.Data.Infrastructure;
using Athar.Data.Training;
using Athar.Web.Features.Licensing;
using Athar.Web.Features.Participation;
using Athar.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Athar.Web.Features.Training;

/// <summary>
/// Enrolment, withdrawal and results. A seat is claimed with a guarded single-statement update inside
/// the enrolment's transaction (and a check constraint backs it), so a session is never oversold; a
/// unique (session, person) index refuses a racing duplicate. Results are recorded once, and a pass
/// immediately issues the licence the course qualifies for.
/// </summary>
public sealed class Enrollments(AtharDbContext db, CourseAccess access, LicenseRegister register, LicenseIssuer issuer, Notifier notifier, TimeProvider clock,
    IHttpContextAccessor http)
{
    public sealed record Result(CourseEnrollment? Enrollment, Refusal? Refusal);

    public async Task<Result> EnrollAsync(Guid userId, Guid sessionId, Guid? organizationId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var target = await db.CourseSessions.AsNoTracking()
            .Where(s => s.Id == sessionId)
            .Join(db.Courses, s => s.CourseId, c => c.Id, (s, c) => new { Session = s, Course = c })
            .FirstOrDefaultAsync(cancellationToken);
        if (target is null || target.Course.Status == CourseStatus.Draft)
            return Refused("not-found");
        var course = target.Course;

        var mine = await db.CourseEnrollments.AsNoTracking().Where(e => e.UserId == userId).Select(e => new { e.Id, e.CourseId, e.SessionId, e.Status }).ToListAsync(cancellationToken);
        var prerequisites = await db.CoursePrerequisites.Where(p => p.CourseId == course.Id).Select(p => p.RequiredCourseId).ToListAsync(cancellationToken);
        var passedCourses = mine.Where(e => e.Status == EnrollmentStatus.Passed).Select(e => e.CourseId).ToHashSet();
        var representsOrganization = course.Track == LicenseLevel.Management && organizationId is { } org
            && (await access.OrganizationsAdministeredByAsync(userId, cancellationToken)).Any(o => o.Id == org);
        var holdsTrack = course.Track == LicenseLevel.Management
            ? organizationId is { } o2 && await register.OrganizationHoldsManagementAsync(o2, cancellationToken)
            : await register.HoldsValidAsync(userId, course.Track, cancellationToken);
        var facts = new EnrollmentFacts(
            course.Status,
            target.Session.StartsAt,
            mine.Any(e => e.CourseId == course.Id && e.Status == EnrollmentStatus.Enrolled),
            passedCourses.Contains(course.Id) && holdsTrack,
            prerequisites.All(passedCourses.Contains),
            await db.Volunteers.AnyAsync(v => v.UserId == userId, cancellationToken),
            representsOrganization,
            course.Track);
        if (TrainingRules.EnrollmentBlocker(facts, now) is { } blocker)
            return Refused(blocker);

        var existing = mine.FirstOrDefault(e => e.SessionId == sessionId);
        try
        {
            return await db.ExecuteOnceAsync(AttemptStart.ForgetAdded, async _ =>
            {
                var claimed = await db.CourseSessions
                    .Where(s => s.Id == sessionId && s.Enrolled < s.Seats)
                    .ExecuteUpdateAsync(s => s.SetProperty(x => x.Enrolled, x => x.Enrolled + 1), cancellationToken);
                if (claimed == 0)
                    return Refused("session-full");
                var enrollment = existing is null
                    ? new CourseEnrollment { Id = Guid.CreateVersion7(now), CourseId = course.Id, SessionId = sessionId, UserId = userId }
                    : await db.CourseEnrollments.FirstAsync(e => e.Id == existing.Id, cancellationToken);
                enrollment.Status = EnrollmentStatus.Enrolled;
                enrollment.OrganizationId = course.Track == LicenseLevel.Management ? organizationId : null;
                enrollment.Score = null;
                enrollment.ResultAt = null;
                enrollment.ResultBy = null;
                enrollment.CreatedAt = now;
                if (existing is null)
                    db.CourseEnrollments.Add(enrollment);
                await notifier.NotifyAsync(userId, "CourseEnrolled", "/me/training", Notifier.Bilingual(course.Title));
                await db.SaveChangesAsync(cancellationToken);
                return new Result(enrollment, null);
            }, cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return Refused("already-enrolled");
        }
    }

    public async Task<Refusal?> WithdrawAsync(Guid userId, Guid enrollmentId, CancellationToken cancellationToken)
    {
        var enrollment = await db.CourseEnrollments.AsNoTracking().FirstOrDefaultAsync(e => e.Id == enrollmentId && e.UserId == userId, cancellationToken);
        if (enrollment is null)
        {
            await http.HttpContext.LogIfSomeoneElsesAsync(db.CourseEnrollments.Where(e => e.Id == enrollmentId), nameof(CourseEnrollment), enrollmentId, "Withdraw", cancellationToken);
            return new Refusal("not-found");
        }
        var startsAt = await db.CourseSessions.Where(s => s.Id == enrollment.SessionId).Select(s => s.StartsAt).FirstAsync(cancellationToken);
        if (enrollment.Status != EnrollmentStatus.Enrolled)
            return new Refusal("not-enrolled");
        if (startsAt <= clock.GetUtcNow())
            return new Refusal("session-started");

        return await db.ExecuteOnceAsync(AttemptStart.ForgetAdded, async _ =>
        {
            // Conditional, so a double click frees one seat, not two.
            var withdrawn = await db.CourseEnrollments
                .Where(e => e.Id == enrollmentId && e.Status == EnrollmentStatus.Enrolled)
                .ExecuteUpdateAsync(e => e.SetProperty(x => x.Status, EnrollmentStatus.Withdrawn), cancellationToken);
            if (withdrawn == 0)
                return new Refusal("not-enrolled");
            await db.CourseSessions.Where(s => s.Id == enrollment.SessionId && s.Enrolled > 0)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.Enrolled, x => x.Enrolled - 1), cancellationToken);
            return (Refusal?)null;
        }, cancellationToken);
    }

    /// <summary>Records attendance and a score once; a pass issues the course's licence at once.</summary>
    public async Task<Refusal?> RecordResultAsync(Guid enrollmentId, bool attended, int? score, Guid actorId, CancellationToken cancellationToken)
    {
        var row = await db.CourseEnrollments.AsNoTracking()
            .Where(e => e.Id == enrollmentId)
            .Join(db.CourseSessions, e => e.SessionId, s => s.Id, (e, s) => new { Enrollment = e, s.StartsAt })
            .Join(db.Courses, x => x.Enrollment.CourseId, c => c.Id, (x, c) => new { x.Enrollment, x.StartsAt, Course = c })
            .FirstOrDefaultAsync(cancellationToken);
        if (row is null)
            return new Refusal("not-found");
        if (row.Enrollment.Status != EnrollmentStatus.Enrolled)
            return new Refusal("result-recorded");
        var (status, error) = TrainingRules.Result(attended, score, row.Course.PassingScore, row.StartsAt, clock.GetUtcNow());
        if (error is not null)
            return new Refusal(error);

        var now = clock.GetUtcNow();
        var recorded = await db.CourseEnrollments
            .Where(e => e.Id == enrollmentId && e.Status == EnrollmentStatus.Enrolled)
            .ExecuteUpdateAsync(e => e
                .SetProperty(x => x.Status, status).SetProperty(x => x.Score, attended ? score : null)
                .SetProperty(x => x.ResultAt, now).SetProperty(x => x.ResultBy, actorId), cancellationToken);
        if (recorded == 0)
            return new Refusal("result-recorded");
        if (status is EnrollmentStatus.Passed or EnrollmentStatus.Failed)
        {
            await notifier.NotifyAsync(row.Enrollment.UserId, status == EnrollmentStatus.Passed ? "CoursePassed" : "CourseFailed", "/me/training",
                Notifier.Bilingual(row.Course.Title), (score ?? 0).ToString(System.Globalization.CultureInfo.InvariantCulture));
            await db.SaveChangesAsync(cancellationToken);
        }
        if (status == EnrollmentStatus.Passed)
            await issuer.EvaluateAsync(row.Enrollment.UserId, cancellationToken);
        return null;
    }

    private static Result Refused(string code) => new(null, new Refusal(code));
}
