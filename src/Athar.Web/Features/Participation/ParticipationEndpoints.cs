using System.Globalization;
using System.Security.Claims;
using Athar.Core.Applications;
using Athar.Core.Attendance;
using Athar.Core.Common;
using Athar.Data;
using Athar.Data.Notifications;
using Athar.Web.Infrastructure;
using Athar.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Athar.Web.Features.Participation;

public static class ParticipationEndpoints
{
    public sealed record ReasonBody(string? Reason);

    public sealed record AdjustBody(int? Minutes, string? Reason);

    public sealed record ScanBody(string? Code);

    public sealed record MessageBody(Guid? ShiftId, string? Text);

    public sealed record ApplicationResponse(Guid Id, Guid ShiftId, Guid OpportunityId, ApplicationStatus Status);

    public sealed record AttendanceResponse(Guid Id, Guid ApplicationId, DateTimeOffset CheckInAt, DateTimeOffset? CheckOutAt, Guid? HoursId, int? CreditedMinutes, HoursStatus? HoursStatus);

    public sealed record CheckInCodeResponse(string Code, string Url, DateTimeOffset ExpiresAt);

    public sealed record NotificationResponse(long Id, string Kind, string Text, string? Link, DateTimeOffset CreatedAt, bool Read);

    public static RouteGroupBuilder Map(RouteGroupBuilder api)
    {
        var volunteer = api.MapGroup("/").WithTags("Participation").RequireAuthorization(Policies.Volunteer);
        volunteer.MapPost("/shifts/{shiftId:guid}/applications", ApplyAsync).WithName("ApplyToShift").WithSummary("Applies the signed-in volunteer to a shift; every eligibility rule is checked and explained.");
        volunteer.MapGet("/me/applications", MyApplicationsAsync).WithName("ListMyApplications").WithSummary("The signed-in volunteer's applications, newest shift first, with reliability.");
        volunteer.MapPost("/me/applications/{id:guid}/withdraw", WithdrawAsync).WithName("WithdrawApplication").WithSummary("Withdraws an application; a freed seat goes to the first on the waitlist.");
        volunteer.MapGet("/me/applications/{id:guid}/calendar.ics", CalendarAsync).WithName("DownloadShiftCalendar").WithSummary("An iCalendar file for an accepted shift.");
        volunteer.MapPost("/shifts/{shiftId:guid}/scan", ScanAsync).WithName("ScanCheckInCode").WithSummary("Checks the volunteer in (or out) with the code shown at the site.");
        volunteer.MapGet("/me/record", RecordAsync).WithName("GetMyRecord").WithSummary("The volunteer's record: verified hours per participation, field and year.");

        var people = api.MapGroup("/me/notifications").WithTags("Notifications").RequireAuthorization();
        people.MapGet("/", NotificationsAsync).WithName("ListNotifications").WithSummary("The signed-in person's notifications, newest first, in the request's language.");
        people.MapPost("/{id:long}/read", MarkReadAsync).WithName("MarkNotificationRead").WithSummary("Marks a notification read.");

        var staff = api.MapGroup("/").WithTags("Organisation work").RequireAuthorization(Policies.OrganizationWork);
        staff.MapGet("/organizations/{organizationId:guid}/applicants", ApplicantsAsync).WithName("ListApplicants").WithSummary("Applicants of the organisation's upcoming shifts with their reliability.");
        staff.MapPost("/applications/{id:guid}/accept", (Guid id, ClaimsPrincipal user, AtharDbContext db, StaffAccess access, DecideApplication decide, HttpContext http, IStringLocalizer<ParticipationText> t, CancellationToken ct) =>
                DecideAsync(id, DecideApplication.Decision.Accept, null, user, db, access, decide, http, t, ct))
            .WithName("AcceptApplication").WithSummary("Accepts an application if a seat is left.");
        staff.MapPost("/applications/{id:guid}/waitlist", (Guid id, ClaimsPrincipal user, AtharDbContext db, StaffAccess access, DecideApplication decide, HttpContext http, IStringLocalizer<ParticipationText> t, CancellationToken ct) =>
                DecideAsync(id, DecideApplication.Decision.Waitlist, null, user, db, access, decide, http, t, ct))
            .WithName("WaitlistApplication").WithSummary("Puts a pending application on the waiting list.");
        staff.MapPost("/applications/{id:guid}/reject", (Guid id, ReasonBody body, ClaimsPrincipal user, AtharDbContext db, StaffAccess access, DecideApplication decide, HttpContext http, IStringLocalizer<ParticipationText> t, CancellationToken ct) =>
                DecideAsync(id, DecideApplication.Decision.Reject, body.Reason, user, db, access, decide, http, t, ct))
            .WithName("RejectApplication").WithSummary("Rejects a pending or waitlisted application, with a reason.");
        staff.MapPost("/applications/{id:guid}/cancel", (Guid id, ReasonBody body, ClaimsPrincipal user, AtharDbContext db, StaffAccess access, DecideApplication decide, HttpContext http, IStringLocalizer<ParticipationText> t, CancellationToken ct) =>
                DecideAsync(id, DecideApplication.Decision.Cancel, body.Reason, user, db, access, decide, http, t, ct))
            .WithName("CancelApplication").WithSummary("Cancels an accepted volunteer's place, with a reason; the seat goes to the waiting list.");
        staff.MapGet("/organizations/{organizationId:guid}/roster", RosterAsync).WithName("GetRoster").WithSummary("The day's shifts and accepted volunteers with their attendance.");
        staff.MapPost("/applications/{id:guid}/check-in", CheckInAsync).WithName("CheckIn").WithSummary("Checks an accepted volunteer in; repeating it changes nothing.");
        staff.MapPost("/applications/{id:guid}/check-out", CheckOutAsync).WithName("CheckOut").WithSummary("Checks a volunteer out and computes the hours; repeating it changes nothing.");
        staff.MapGet("/shifts/{shiftId:guid}/check-in-code", CheckInCodeAsync).WithName("GetCheckInCode").WithSummary("The shift's current check-in code (valid for a short window).");
        staff.MapGet("/organizations/{organizationId:guid}/hours", HoursAsync).WithName("ListHours").WithSummary("Hours awaiting approval (or by status).");
        staff.MapPost("/hours/{id:guid}/approve", (Guid id, ClaimsPrincipal user, HttpContext http, ReviewHours review, StaffAccess access, IStringLocalizer<ParticipationText> t, CancellationToken ct) =>
                ReviewAsync(id, ReviewHours.Decision.Approve, null, null, user, http, review, access, t, ct))
            .WithName("ApproveHours").WithSummary("Approves computed hours: they become verified.");
        staff.MapPost("/hours/{id:guid}/adjust", (Guid id, AdjustBody body, ClaimsPrincipal user, HttpContext http, ReviewHours review, StaffAccess access, IStringLocalizer<ParticipationText> t, CancellationToken ct) =>
                ReviewAsync(id, ReviewHours.Decision.Adjust, body.Minutes, body.Reason, user, http, review, access, t, ct))
            .WithName("AdjustHours").WithSummary("Approves hours with fewer minutes than attended, with a reason.");
        staff.MapPost("/hours/{id:guid}/reject", (Guid id, ReasonBody body, ClaimsPrincipal user, HttpContext http, ReviewHours review, StaffAccess access, IStringLocalizer<ParticipationText> t, CancellationToken ct) =>
                ReviewAsync(id, ReviewHours.Decision.Reject, null, body.Reason, user, http, review, access, t, ct))
            .WithName("RejectHours").WithSummary("Rejects computed hours, with a reason.");
        staff.MapGet("/organizations/{organizationId:guid}/dashboard", DashboardAsync).WithName("GetOrganizationDashboard").WithSummary("Opportunities, applicants to review, today's rosters, hours awaiting approval and totals.");
        staff.MapPost("/opportunities/{opportunityId:guid}/messages", MessageAsync).WithName("MessageVolunteers").WithSummary("Sends a message to the accepted volunteers of an opportunity or one of its shifts.");

        return api;
    }

    private static ProblemHttpResult Refused(HttpContext http, Refusal refusal, IStringLocalizer<ParticipationText> t) =>
        ApiProblems.Refused(http, refusal, refusal.Code is "shift-not-found" or "not-found" ? StatusCodes.Status404NotFound : StatusCodes.Status409Conflict, t);

    private static async Task<Results<Created<ApplicationResponse>, ProblemHttpResult>> ApplyAsync(
        Guid shiftId, ClaimsPrincipal user, ApplyToShift apply, HttpContext http, IStringLocalizer<ParticipationText> t, CancellationToken cancellationToken)
    {
        var result = await apply.ApplyAsync(user.RequiredUserId(), shiftId, teamId: null, cancellationToken);
        if (result.Refusal is { } refusal)
            return Refused(http, refusal, t);
        var a = result.Application!;
        return TypedResults.Created($"/api/v1/me/applications/{a.Id}", new ApplicationResponse(a.Id, a.ShiftId, a.OpportunityId, a.Status));
    }

    private static async Task<Ok<object>> MyApplicationsAsync(ClaimsPrincipal user, ParticipationQueries queries, CancellationToken cancellationToken)
    {
        var id = user.RequiredUserId();
        var applications = await queries.MyApplicationsAsync(id, cancellationToken);
        var reliability = await queries.ReliabilityAsync(id, cancellationToken);
        return TypedResults.Ok<object>(new { applications, reliability = new { reliability.AcceptedEnded, reliability.Attended, reliability.NoShows, reliability.Rate } });
    }

    private static async Task<Results<NoContent, NotFound, ProblemHttpResult>> WithdrawAsync(
        Guid id, ClaimsPrincipal user, DecideApplication decide, HttpContext http, IStringLocalizer<ParticipationText> t, CancellationToken cancellationToken)
    {
        if (await decide.OwnApplicationAsync(http, user.RequiredUserId(), id, cancellationToken) is not { } application)
            return TypedResults.NotFound();
        return await decide.WithdrawAsync(application, cancellationToken) is { } refusal ? Refused(http, refusal, t) : TypedResults.NoContent();
    }

    private static async Task<Results<ContentHttpResult, NotFound>> CalendarAsync(
        Guid id, ClaimsPrincipal user, AtharDbContext db, PublicUrls urls, TimeProvider clock, HttpContext http, CancellationToken cancellationToken)
    {
        var userId = user.RequiredUserId();
        var row = await (
                from a in db.Applications.AsNoTracking()
                join s in db.Shifts on a.ShiftId equals s.Id
                join o in db.Opportunities on a.OpportunityId equals o.Id
                where a.Id == id && a.VolunteerId == userId && a.Status == ApplicationStatus.Accepted
                select new { o.Id, o.Title, o.Address, s.StartsAt, s.EndsAt })
            .FirstOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            await http.LogIfSomeoneElsesAsync(db.Applications.Where(a => a.Id == id && a.VolunteerId != userId), "Application", id, "Calendar", cancellationToken);
            return TypedResults.NotFound();
        }
        var ics = CalendarFile.ForShift(id, row.Title.Current, row.Address, row.StartsAt, row.EndsAt, clock.GetUtcNow(), urls.Absolute($"/opportunities/{row.Id}"));
        return TypedResults.Content(ics, "text/calendar; charset=utf-8");
    }

    private static async Task<Results<Ok<AttendanceResponse>, NotFound, ProblemHttpResult>> ScanAsync(
        Guid shiftId, ScanBody body, ClaimsPrincipal user, AtharDbContext db, CheckInCodes codes, RecordAttendance attendance, HttpContext http,
        IStringLocalizer<ParticipationText> t, CancellationToken cancellationToken)
    {
        var userId = user.RequiredUserId();
        var application = await db.Applications.AsNoTracking().FirstOrDefaultAsync(a => a.ShiftId == shiftId && a.VolunteerId == userId, cancellationToken);
        if (application is null)
            return TypedResults.NotFound();
        if (!await codes.IsValidAsync(shiftId, body.Code))
            return ApiProblems.Refused(http, new Refusal("code-invalid"), StatusCodes.Status400BadRequest, t);
        var result = await attendance.ScanAsync(application.Id, userId, cancellationToken);
        return result.Refusal is { } refusal ? Refused(http, refusal, t) : TypedResults.Ok(ToResponse(result));
    }

    private static async Task<Ok<ParticipationQueries.VolunteerRecord>> RecordAsync(ClaimsPrincipal user, ParticipationQueries queries, CancellationToken cancellationToken) =>
        TypedResults.Ok(await queries.RecordAsync(user.RequiredUserId(), cancellationToken));

    private static async Task<Ok<List<NotificationResponse>>> NotificationsAsync(ClaimsPrincipal user, AtharDbContext db, NotificationTexts texts, CancellationToken cancellationToken)
    {
        var userId = user.RequiredUserId();
        var rows = await db.Notifications.AsNoTracking().Where(n => n.UserId == userId).OrderByDescending(n => n.Id).Take(100).ToListAsync(cancellationToken);
        return TypedResults.Ok(rows.Select(n => new NotificationResponse(n.Id, n.Kind, texts.Render(n), n.Link, n.CreatedAt, n.ReadAt is not null)).ToList());
    }

    private static async Task<Results<NoContent, NotFound>> MarkReadAsync(long id, ClaimsPrincipal user, AtharDbContext db, TimeProvider clock, HttpContext http, CancellationToken cancellationToken)
    {
        var userId = user.RequiredUserId();
        var now = clock.GetUtcNow();
        var changed = await db.Notifications.Where(n => n.Id == id && n.UserId == userId)
            .ExecuteUpdateAsync(n => n.SetProperty(x => x.ReadAt, x => x.ReadAt ?? now), cancellationToken);
        if (changed > 0)
            return TypedResults.NoContent();
        // Notification ids are sequential, so walking them is the obvious probe: log someone else's (ASVS 16.3.2).
        await http.LogIfSomeoneElsesAsync(db.Notifications.Where(n => n.Id == id && n.UserId != userId), nameof(Notification), id, "MarkRead", cancellationToken);
        return TypedResults.NotFound();
    }

    private static async Task<Results<Ok<IReadOnlyList<ParticipationQueries.Applicant>>, NotFound>> ApplicantsAsync(
        Guid organizationId, string? status, ClaimsPrincipal user, StaffAccess access, ParticipationQueries queries, Data.Privacy.PersonalDataAccessLog accessLog, CancellationToken cancellationToken)
    {
        if (!await access.CanOperateAsync(user, organizationId, cancellationToken))
            return TypedResults.NotFound();
        var statuses = Enum.TryParse<ApplicationStatus>(status, ignoreCase: true, out var s) ? [s] : new[] { ApplicationStatus.Pending, ApplicationStatus.Waitlisted, ApplicationStatus.Accepted };
        var applicants = await queries.ApplicantsAsync(organizationId, statuses, cancellationToken);
        await accessLog.RecordAsync(user.RequiredUserId(), organizationId, Data.Privacy.PersonalDataPurposes.Applicants, applicants.Select(a => a.VolunteerId), cancellationToken);
        return TypedResults.Ok(applicants);
    }

    private static async Task<Results<NoContent, NotFound, ProblemHttpResult>> DecideAsync(
        Guid id, DecideApplication.Decision decision, string? reason, ClaimsPrincipal user, AtharDbContext db, StaffAccess access, DecideApplication decide, HttpContext http,
        IStringLocalizer<ParticipationText> t, CancellationToken cancellationToken)
    {
        if (!await access.CanOperateApplicationAsync(user, id, cancellationToken))
            return TypedResults.NotFound();
        var application = await db.Applications.AsNoTracking().FirstAsync(a => a.Id == id, cancellationToken);
        return await decide.DecideAsync(application, decision, reason, user.RequiredUserId(), cancellationToken) is { } refusal
            ? Refused(http, refusal, t)
            : TypedResults.NoContent();
    }

    private static async Task<Results<Ok<IReadOnlyList<ParticipationQueries.RosterShift>>, NotFound, ProblemHttpResult>> RosterAsync(
        Guid organizationId, string? date, ClaimsPrincipal user, StaffAccess access, ParticipationQueries queries, TimeProvider clock, HttpContext http,
        IStringLocalizer<ParticipationText> t, CancellationToken cancellationToken)
    {
        if (!await access.CanOperateAsync(user, organizationId, cancellationToken))
            return TypedResults.NotFound();
        var day = Core.Calendar.DualDate.ToSaudiDate(clock.GetUtcNow());
        if (!string.IsNullOrEmpty(date) && !DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day))
            return ApiProblems.Refused(http, new Refusal("date-invalid"), StatusCodes.Status400BadRequest, t);
        return TypedResults.Ok(await queries.RosterAsync(organizationId, day, cancellationToken));
    }

    private static async Task<Results<Ok<AttendanceResponse>, NotFound, ProblemHttpResult>> CheckInAsync(
        Guid id, ClaimsPrincipal user, StaffAccess access, RecordAttendance attendance, HttpContext http, IStringLocalizer<ParticipationText> t, CancellationToken cancellationToken)
    {
        if (!await access.CanOperateApplicationAsync(user, id, cancellationToken))
            return TypedResults.NotFound();
        var result = await attendance.CheckInAsync(id, CheckMethod.Supervisor, user.RequiredUserId(), cancellationToken);
        return result.Refusal is { } refusal ? Refused(http, refusal, t) : TypedResults.Ok(ToResponse(result));
    }

    private static async Task<Results<Ok<AttendanceResponse>, NotFound, ProblemHttpResult>> CheckOutAsync(
        Guid id, ClaimsPrincipal user, StaffAccess access, RecordAttendance attendance, HttpContext http, IStringLocalizer<ParticipationText> t, CancellationToken cancellationToken)
    {
        if (!await access.CanOperateApplicationAsync(user, id, cancellationToken))
            return TypedResults.NotFound();
        var result = await attendance.CheckOutAsync(id, CheckMethod.Supervisor, user.RequiredUserId(), cancellationToken);
        return result.Refusal is { } refusal ? Refused(http, refusal, t) : TypedResults.Ok(ToResponse(result));
    }

    private static async Task<Results<Ok<CheckInCodeResponse>, NotFound>> CheckInCodeAsync(
        Guid shiftId, ClaimsPrincipal user, StaffAccess access, CheckInCodes codes, PublicUrls urls, CancellationToken cancellationToken)
    {
        if (!await access.CanOperateShiftAsync(user, shiftId, cancellationToken))
            return TypedResults.NotFound();
        var code = await codes.IssueAsync(shiftId);
        return TypedResults.Ok(new CheckInCodeResponse(code, urls.Absolute($"/check-in/{shiftId}?code={code}"), await codes.ExpiresAtAsync()));
    }

    private static async Task<Results<Ok<IReadOnlyList<ParticipationQueries.HoursRow>>, NotFound>> HoursAsync(
        Guid organizationId, string? status, ClaimsPrincipal user, StaffAccess access, ParticipationQueries queries, CancellationToken cancellationToken)
    {
        if (!await access.CanOperateAsync(user, organizationId, cancellationToken))
            return TypedResults.NotFound();
        var statuses = Enum.TryParse<HoursStatus>(status, ignoreCase: true, out var s) ? [s] : new[] { HoursStatus.Pending };
        return TypedResults.Ok(await queries.HoursAsync(organizationId, statuses, cancellationToken));
    }

    private static async Task<Results<NoContent, NotFound, ProblemHttpResult>> ReviewAsync(
        Guid id, ReviewHours.Decision decision, int? minutes, string? reason, ClaimsPrincipal user, HttpContext http, ReviewHours review, StaffAccess access,
        IStringLocalizer<ParticipationText> t, CancellationToken cancellationToken)
    {
        if (!await access.CanOperateHoursAsync(user, id, cancellationToken))
            return TypedResults.NotFound();
        var refusal = await review.DecideAsync(id, decision, minutes, reason, user.RequiredUserId(), platformReview: user.IsInRole(Core.Accounts.Roles.PlatformAdmin), cancellationToken);
        return refusal is null ? TypedResults.NoContent() : Refused(http, refusal, t);
    }

    private static async Task<Results<Ok<ParticipationQueries.Dashboard>, NotFound>> DashboardAsync(
        Guid organizationId, ClaimsPrincipal user, StaffAccess access, ParticipationQueries queries, CancellationToken cancellationToken) =>
        await access.CanOperateAsync(user, organizationId, cancellationToken)
            ? TypedResults.Ok(await queries.DashboardAsync(organizationId, cancellationToken))
            : TypedResults.NotFound();

    private static async Task<Results<Ok<int>, NotFound, ProblemHttpResult>> MessageAsync(
        Guid opportunityId, MessageBody body, ClaimsPrincipal user, AtharDbContext db, StaffAccess access, MessageVolunteers messages, HttpContext http,
        IStringLocalizer<ParticipationText> t, CancellationToken cancellationToken)
    {
        var organizationId = await db.Opportunities.Where(o => o.Id == opportunityId).Select(o => (Guid?)o.OrganizationId).FirstOrDefaultAsync(cancellationToken);
        if (organizationId is null || !await access.CanOperateAsync(user, organizationId.Value, cancellationToken))
            return TypedResults.NotFound();
        var (sent, refusal) = await messages.SendAsync(opportunityId, body.ShiftId, body.Text, cancellationToken);
        return refusal is null ? TypedResults.Ok(sent) : ApiProblems.Refused(http, refusal, StatusCodes.Status400BadRequest, t);
    }

    private static AttendanceResponse ToResponse(RecordAttendance.Result result)
    {
        var a = result.Attendance!;
        return new AttendanceResponse(a.Id, a.ApplicationId, a.CheckInAt, a.CheckOutAt, result.Hours?.Id, result.Hours?.CreditedMinutes, result.Hours?.Status);
    }
}
