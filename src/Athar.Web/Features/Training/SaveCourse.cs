using Athar.Core.Common;
using Athar.Core.Training;
using Athar.Data;
using Athar.Data.Training;
using Microsoft.EntityFrameworkCore;

namespace Athar.Web.Features.Training;

/// <summary>Creates and edits courses and adds their sessions. The caller has checked who may.</summary>
public sealed class SaveCourse(AtharDbContext db, TimeProvider clock)
{
    public sealed record Result(Guid? Id, Refusal? Refusal);

    public async Task<Result> CreateAsync(CourseInput input, Guid? organizationId, string? trainerEmail, Guid actorId, CancellationToken cancellationToken)
    {
        var (valid, errors) = CourseRules.Validate(input);
        var trainer = await TrainerAsync(trainerEmail, cancellationToken);
        var unknown = valid is null ? null : await UnknownPrerequisitesAsync(valid.PrerequisiteIds, null, cancellationToken);
        if (valid is null || trainer.Error is not null || unknown is not null)
            return Invalid(errors, trainer.Error, unknown);
        var now = clock.GetUtcNow();
        var course = new Course
        {
            Id = Guid.CreateVersion7(now),
            OrganizationId = organizationId,
            Title = valid.Title,
            Description = valid.Description,
            CreatedBy = actorId,
            CreatedAt = now,
        };
        Apply(course, valid, trainer.Id, now);
        db.Courses.Add(course);
        db.CoursePrerequisites.AddRange(valid.PrerequisiteIds.Select(p => new CoursePrerequisite { CourseId = course.Id, RequiredCourseId = p }));
        await db.SaveChangesAsync(cancellationToken);
        return new Result(course.Id, null);
    }

    public async Task<Result> UpdateAsync(Course course, CourseInput input, string? trainerEmail, CancellationToken cancellationToken)
    {
        var (valid, errors) = CourseRules.Validate(input, course.Id);
        var trainer = await TrainerAsync(trainerEmail, cancellationToken);
        if (valid is null || trainer.Error is not null)
            return Invalid(errors, trainer.Error, null);
        if (await UnknownPrerequisitesAsync(valid.PrerequisiteIds, course.Id, cancellationToken) is { } unknown)
            return Invalid(errors, null, unknown);
        db.Courses.Attach(course);
        course.Title = valid.Title;
        course.Description = valid.Description;
        Apply(course, valid, trainer.Id, clock.GetUtcNow());
        await db.CoursePrerequisites.Where(p => p.CourseId == course.Id).ExecuteDeleteAsync(cancellationToken);
        db.CoursePrerequisites.AddRange(valid.PrerequisiteIds.Select(p => new CoursePrerequisite { CourseId = course.Id, RequiredCourseId = p }));
        await db.SaveChangesAsync(cancellationToken);
        return new Result(course.Id, null);
    }

    public async Task<Result> AddSessionAsync(Guid courseId, SessionInput input, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var (valid, errors) = CourseRules.ValidateSession(input, now);
        if (valid is null)
            return new Result(null, Refusal.Validation(errors));
        var session = new CourseSession { Id = Guid.CreateVersion7(now), CourseId = courseId, StartsAt = valid.StartsAt, EndsAt = valid.EndsAt, Seats = valid.Seats, Location = valid.Location };
        db.CourseSessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        return new Result(session.Id, null);
    }

    /// <summary>Archiving keeps a course's certificates valid but takes it out of the catalogue.</summary>
    public Task ArchiveAsync(Guid courseId, CancellationToken cancellationToken) =>
        db.Courses.Where(c => c.Id == courseId).ExecuteUpdateAsync(c => c.SetProperty(x => x.Status, CourseStatus.Archived), cancellationToken);

    private static void Apply(Course course, ValidCourse valid, Guid? trainerId, DateTimeOffset now)
    {
        course.Track = valid.Track;
        course.Delivery = valid.Delivery;
        course.DurationHours = valid.DurationHours;
        course.PassingScore = valid.PassingScore;
        course.TrainerId = trainerId;
        if (course.Status != CourseStatus.Archived)
            course.Status = valid.Publish ? CourseStatus.Published : CourseStatus.Draft;
        course.UpdatedAt = now;
    }

    private async Task<(Guid? Id, FieldError? Error)> TrainerAsync(string? email, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(email))
            return (null, null);
        var normalized = email.Trim().ToUpperInvariant();
        var id = await db.Users.Where(u => u.NormalizedEmail == normalized).Select(u => (Guid?)u.Id).FirstOrDefaultAsync(cancellationToken);
        return id is null ? (null, new FieldError("TrainerEmail", "Course.TrainerUnknown")) : (id, null);
    }

    private async Task<FieldError?> UnknownPrerequisitesAsync(IReadOnlyCollection<Guid> ids, Guid? courseId, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
            return null;
        var found = await db.Courses.CountAsync(c => ids.Contains(c.Id) && c.Id != courseId, cancellationToken);
        return found == ids.Distinct().Count() ? null : new FieldError(nameof(CourseInput.PrerequisiteIds), "Course.PrerequisiteUnknown");
    }

    private static Result Invalid(IReadOnlyList<FieldError> errors, FieldError? trainer, FieldError? prerequisite) =>
        new(null, Refusal.Validation([.. errors, .. new[] { trainer, prerequisite }.OfType<FieldError>()]));
}
