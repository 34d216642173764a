using System.Security.Claims;
using Athar.Core.Common;
using Athar.Core.Licensing;
using Athar.Core.Training;
using Athar.Data;
using Athar.Web.Infrastructure;
using Athar.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Athar.Web.Features.Training;

public static class TrainingEndpoints
{
    /// <summary>A course as the API takes it: the course fields, the organisation that runs it (none for a platform course) and its trainer's e-mail.</summary>
    public sealed class CourseBody
    {
        public string? TitleAr { get; set; }
        public string? TitleEn { get; set; }
        public string? DescriptionAr { get; set; }
        public string? DescriptionEn { get; set; }
        public LicenseLevel Track { get; set; } = LicenseLevel.Practitioner;
        public CourseDelivery Delivery { get; set; } = CourseDelivery.Online;
        public decimal? DurationHours { get; set; }
        public int? PassingScore { get; set; }
        public List<Guid>? PrerequisiteIds { get; set; }
        public bool Publish { get; set; }
        public Guid? OrganizationId { get; set; }
        public string? TrainerEmail { get; set; }

        public CourseInput ToInput() => new()
        {
            TitleAr = TitleAr, TitleEn = TitleEn, DescriptionAr = DescriptionAr, DescriptionEn = DescriptionEn, Track = Track, Delivery = Delivery,
            DurationHours = DurationHours, PassingScore = PassingScore, PrerequisiteIds = PrerequisiteIds ?? [], Publish = Publish,
        };
    }

    public sealed record EnrollBody(Guid? OrganizationId);

    public sealed record ResultBody(bool Attended, int? Score);

    public sealed record Created(Guid Id);

    public sealed record EnrollmentResponse(Guid Id, Guid CourseId, Guid SessionId, EnrollmentStatus Status);

    public sealed record CourseResponse(
        Guid Id, string TitleAr, string? TitleEn, string DescriptionAr, string? DescriptionEn, LicenseLevel Track, CourseDelivery Delivery,
        decimal DurationHours, int PassingScore, CourseStatus Status, Guid? OrganizationId, IReadOnlyList<TrainingQueries.SessionView> Sessions, IReadOnlyList<Guid> PrerequisiteIds);

    public static RouteGroupBuilder Map(RouteGroupBuilder api)
    {
        var open = api.MapGroup("/courses").WithTags("Training").AllowAnonymous();
        open.MapGet("/", (TrainingQueries queries, CancellationToken ct) => queries.CatalogueAsync(ct)).WithName("ListCourses").WithSummary("Published courses, soonest session first.");
        open.MapGet("/{id:guid}", CourseAsync).WithName("GetCourse").WithSummary("A course with its sessions and seats left; drafts only for their managers.");

        var managers = api.MapGroup("/").WithTags("Training").RequireAuthorization();
        managers.MapPost("/courses", CreateAsync).WithName("CreateCourse").WithSummary("Creates a course (platform admins, or organisations holding the management licence).");
        managers.MapPut("/courses/{id:guid}", UpdateAsync).WithName("UpdateCourse").WithSummary("Edits a course and its prerequisites.");
        managers.MapPost("/courses/{id:guid}/sessions", AddSessionAsync).WithName("AddCourseSession").WithSummary("Adds a dated session with seats.");
        managers.MapPost("/courses/{id:guid}/archive", ArchiveAsync).WithName("ArchiveCourse").WithSummary("Takes a course out of the catalogue; its certificates stay valid.");
        managers.MapGet("/courses/{id:guid}/enrollments", RosterAsync).WithName("ListCourseEnrollments").WithSummary("The trainees of a course (managers and its trainer).");
        managers.MapPost("/enrollments/{id:guid}/result", ResultAsync).WithName("RecordCourseResult").WithSummary("Records attendance and score once; a pass issues the licence.");

        var trainees = api.MapGroup("/").WithTags("Training").RequireAuthorization();
        trainees.MapPost("/course-sessions/{id:guid}/enrollments", EnrollAsync).WithName("EnrollInSession").WithSummary("Enrols the signed-in person in a session; seats are never oversold.");
        trainees.MapGet("/me/enrollments", (ClaimsPrincipal user, TrainingQueries queries, CancellationToken ct) => queries.MineAsync(user.RequiredUserId(), ct))
            .WithName("ListMyEnrollments").WithSummary("The signed-in person's enrolments and results.");
        trainees.MapPost("/me/enrollments/{id:guid}/withdraw", WithdrawAsync).WithName("WithdrawEnrollment").WithSummary("Withdraws before the session starts, freeing the seat.");
        return api;
    }

    private static async Task<Results<Ok<CourseResponse>, NotFound>> CourseAsync(Guid id, ClaimsPrincipal user, TrainingQueries queries, CourseAccess access, AtharDbContext db, CancellationToken ct)
    {
        if (await queries.CourseAsync(id, ct) is not { } detail
            || detail.Course.Status == CourseStatus.Draft && !await access.AllowsManagingAsync(user, detail.Course, ct, "View"))
            return TypedResults.NotFound();
        var c = detail.Course;
        var prerequisites = await db.CoursePrerequisites.Where(p => p.CourseId == id).Select(p => p.RequiredCourseId).ToListAsync(ct);
        return TypedResults.Ok(new CourseResponse(c.Id, c.Title.Ar, c.Title.En, c.Description.Ar, c.Description.En, c.Track, c.Delivery, c.DurationHours, c.PassingScore, c.Status, c.OrganizationId, detail.Sessions, prerequisites));
    }

    private static async Task<Results<Created<Created>, NotFound, ValidationProblem>> CreateAsync(
        CourseBody body, ClaimsPrincipal user, CourseAccess access, SaveCourse save, HttpContext http, IStringLocalizer<TrainingText> t, CancellationToken ct)
    {
        if (!await access.CanCreateAsync(user, body.OrganizationId, ct))
            return TypedResults.NotFound();
        var result = await save.CreateAsync(body.ToInput(), body.OrganizationId, body.TrainerEmail, user.RequiredUserId(), ct);
        if (result.Refusal is { Errors: { } errors })
            return ApiProblems.Invalid(http, errors, t);
        return TypedResults.Created($"/api/v1/courses/{result.Id}", new Created(result.Id!.Value));
    }

    private static async Task<Results<NoContent, NotFound, ValidationProblem>> UpdateAsync(
        Guid id, CourseBody body, ClaimsPrincipal user, AtharDbContext db, CourseAccess access, SaveCourse save, HttpContext http, IStringLocalizer<TrainingText> t, CancellationToken ct)
    {
        var course = await db.Courses.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (course is null || !await access.AllowsManagingAsync(user, course, ct))
            return TypedResults.NotFound();
        var result = await save.UpdateAsync(course, body.ToInput(), body.TrainerEmail, ct);
        return result.Refusal is { Errors: { } errors } ? ApiProblems.Invalid(http, errors, t) : TypedResults.NoContent();
    }

    private static async Task<Results<Created<Created>, NotFound, ValidationProblem>> AddSessionAsync(
        Guid id, SessionInput body, ClaimsPrincipal user, AtharDbContext db, CourseAccess access, SaveCourse save, HttpContext http, IStringLocalizer<TrainingText> t, CancellationToken ct)
    {
        var course = await db.Courses.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (course is null || !await access.AllowsManagingAsync(user, course, ct))
            return TypedResults.NotFound();
        var result = await save.AddSessionAsync(id, body, ct);
        if (result.Refusal is { Errors: { } errors })
            return ApiProblems.Invalid(http, errors, t);
        return TypedResults.Created($"/api/v1/courses/{id}", new Created(result.Id!.Value));
    }

    private static async Task<Results<NoContent, NotFound>> ArchiveAsync(Guid id, ClaimsPrincipal user, AtharDbContext db, CourseAccess access, SaveCourse save, CancellationToken ct)
    {
        var course = await db.Courses.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (course is null || !await access.AllowsManagingAsync(user, course, ct))
            return TypedResults.NotFound();
        await save.ArchiveAsync(id, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<List<TrainingQueries.RosterRow>>, NotFound>> RosterAsync(Guid id, ClaimsPrincipal user, AtharDbContext db, CourseAccess access, TrainingQueries queries, CancellationToken ct)
    {
        var course = await db.Courses.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (course is null || !await access.AllowsRecordingResultsAsync(user, course, ct))
            return TypedResults.NotFound();
        return TypedResults.Ok(await queries.RosterAsync(id, ct));
    }

    private static async Task<Results<NoContent, NotFound, ProblemHttpResult>> ResultAsync(
        Guid id, ResultBody body, ClaimsPrincipal user, AtharDbContext db, CourseAccess access, Enrollments enrollments, HttpContext http, IStringLocalizer<TrainingText> t, CancellationToken ct)
    {
        var course = await db.CourseEnrollments.Where(e => e.Id == id).Join(db.Courses, e => e.CourseId, c => c.Id, (_, c) => c).AsNoTracking().FirstOrDefaultAsync(ct);
        if (course is null || !await access.AllowsRecordingResultsAsync(user, course, ct))
            return TypedResults.NotFound();
        return await enrollments.RecordResultAsync(id, body.Attended, body.Score, user.RequiredUserId(), ct) is { } refusal
            ? ApiProblems.Refused(http, refusal, refusal.Code is "score-range" or "score-required" or "score-without-attendance" ? StatusCodes.Status400BadRequest : StatusCodes.Status409Conflict, t)
            : TypedResults.NoContent();
    }

    private static async Task<Results<Created<EnrollmentResponse>, NotFound, ProblemHttpResult>> EnrollAsync(
        Guid id, EnrollBody? body, ClaimsPrincipal user, Enrollments enrollments, HttpContext http, IStringLocalizer<TrainingText> t, CancellationToken ct)
    {
        var result = await enrollments.EnrollAsync(user.RequiredUserId(), id, body?.OrganizationId, ct);
        if (result.Refusal is { } refusal)
            return refusal.Code == "not-found" ? TypedResults.NotFound() : ApiProblems.Refused(http, refusal, StatusCodes.Status409Conflict, t);
        var e = result.Enrollment!;
        return TypedResults.Created($"/api/v1/me/enrollments/{e.Id}", new EnrollmentResponse(e.Id, e.CourseId, e.SessionId, e.Status));
    }

    private static async Task<Results<NoContent, NotFound, ProblemHttpResult>> WithdrawAsync(Guid id, ClaimsPrincipal user, Enrollments enrollments, HttpContext http, IStringLocalizer<TrainingText> t, CancellationToken ct) =>
        await enrollments.WithdrawAsync(user.RequiredUserId(), id, ct) switch
        {
            null => TypedResults.NoContent(),
            { Code: "not-found" } => TypedResults.NotFound(),
            var refusal => ApiProblems.Refused(http, refusal, StatusCodes.Status409Conflict, t),
        };
}
