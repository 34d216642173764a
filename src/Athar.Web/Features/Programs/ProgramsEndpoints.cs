using System.Security.Claims;
using Athar.Core.Programs;
using Athar.Data.Programs;
using Athar.Web.Infrastructure;
using Athar.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Athar.Web.Features.Programs;

public static class ProgramsEndpoints
{
    /// <summary>A program as the API takes it: its fields and tracks, and its owner (none for a platform program; fixed once created).</summary>
    public sealed class ProgramBody : ProgramInput
    {
        public Guid? OrganizationId { get; set; }
    }

    public sealed record LinkBody(Guid OpportunityId);

    public sealed record Created(Guid Id);

    public sealed record TrackResponse(string NameAr, string? NameEn);

    public sealed record TargetsResponse(long? Volunteers, long? Opportunities, long? Hours, long? Beneficiaries);

    public sealed record ProgramResponse(
        Guid Id, Guid? OrganizationId, string TitleAr, string? TitleEn, string DescriptionAr, string? DescriptionEn, DateOnly StartsOn, DateOnly EndsOn,
        ProgramStatus Status, TargetsResponse Targets, IReadOnlyList<TrackResponse> Tracks);

    /// <summary>Null figures are hidden (fewer than five volunteers, for people who do not run the program).</summary>
    public sealed record LineResponse(ProgressIndicator Indicator, decimal? Actual, long? Target, decimal? Percent, decimal? Previous, decimal? Growth, decimal? Projected, bool? OnTrack);

    public sealed record ProgressResponse(
        Guid Id, DateOnly AsOf, DateOnly StartsOn, DateOnly EndsOn, int TotalDays, int ElapsedDays, DateOnly? PreviousFrom, DateOnly? PreviousTo, IReadOnlyList<LineResponse> Lines);

    public static RouteGroupBuilder Map(RouteGroupBuilder api)
    {
        var open = api.MapGroup("/programs").WithTags("Programs").AllowAnonymous();
        open.MapGet("/", ListAsync).WithName("ListPrograms").WithSummary("Active and closed programs, and the drafts the caller owns.");
        open.MapGet("/{id:guid}", GetAsync).WithName("GetProgram").WithSummary("A program with its tracks and targets; drafts only for their owners.");
        open.MapGet("/{id:guid}/progress", ProgressAsync).WithName("GetProgramProgress")
            .WithSummary("Actual against target per indicator, percentage, growth against the previous window of equal length, and the straight-line projection to the end.");

        var owners = api.MapGroup("/programs").WithTags("Programs").RequireAuthorization();
        owners.MapPost("/", CreateAsync).WithName("CreateProgram").WithSummary("Creates a program (platform admins: platform programs; organisation admins: their organisation's).");
        owners.MapPut("/{id:guid}", UpdateAsync).WithName("UpdateProgram").WithSummary("Edits a program, its period, targets, status and tracks.");
        owners.MapPost("/{id:guid}/opportunities", LinkAsync).WithName("LinkProgramOpportunity").WithSummary("Links one of the caller's organisation's opportunities to the program.");
        owners.MapDelete("/{id:guid}/opportunities/{opportunityId:guid}", UnlinkAsync).WithName("UnlinkProgramOpportunity").WithSummary("Takes an opportunity out of the program.");
        return api;
    }

    private static async Task<Ok<List<ProgramQueries.ProgramSummary>>> ListAsync(ClaimsPrincipal user, ProgramQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await queries.ListAsync(user, ct));

    private static async Task<Results<Ok<ProgramResponse>, NotFound>> GetAsync(Guid id, ClaimsPrincipal user, ProgramAccess access, CancellationToken ct) =>
        await access.VisibleProgramAsync(user, id, ct) is { } p ? TypedResults.Ok(Response(p)) : TypedResults.NotFound();

    public static ProgramResponse Response(VolunteerProgram p) =>
        new(p.Id, p.OrganizationId, p.Title.Ar, p.Title.En, p.Description.Ar, p.Description.En, p.StartsOn, p.EndsOn, p.Status,
            new TargetsResponse(p.TargetVolunteers, p.TargetOpportunities, p.TargetHours, p.TargetBeneficiaries),
            p.Tracks.OrderBy(t => t.Position).Select(t => new TrackResponse(t.Name.Ar, t.Name.En)).ToList());

    private static async Task<Results<Ok<ProgressResponse>, NotFound>> ProgressAsync(
        Guid id, ClaimsPrincipal user, ProgramAccess access, ProgramQueries queries, ScopeIndicators indicators, CancellationToken ct)
    {
        if (await access.VisibleProgramAsync(user, id, ct) is not { } p)
            return TypedResults.NotFound();
        var exact = await access.CanManageAsync(user, p.OrganizationId, ct);
        var view = await queries.ProgressAsync(indicators.ProgramOpportunities(id), p.StartsOn, p.EndsOn, p.Targets, exact, ct);
        return TypedResults.Ok(ProgressResponseOf(id, view));
    }

    public static ProgressResponse ProgressResponseOf(Guid id, ProgressView view)
    {
        var w = view.Window;
        return new ProgressResponse(id, view.AsOf, w.StartsOn, w.EndsOn, w.TotalDays, w.ElapsedDays,
            w.HasStarted ? w.PreviousFrom : null, w.HasStarted ? w.PreviousTo : null,
            view.Lines.Select(l => view.IsHidden(l.Indicator)
                ? new LineResponse(l.Indicator, null, l.Target, null, null, null, null, null)
                : new LineResponse(l.Indicator, l.Actual, l.Target, l.Percent, l.Previous, l.Growth, l.Projected, l.OnTrack)).ToList());
    }

    private static async Task<Results<Created<Created>, NotFound, ValidationProblem>> CreateAsync(
        ProgramBody body, ClaimsPrincipal user, ProgramAccess access, SaveProgram save, HttpContext http, IStringLocalizer<ProgramsText> t, CancellationToken ct)
    {
        if (!await access.CanCreateAsync(user, body.OrganizationId, ct))
            return TypedResults.NotFound();
        var result = await save.CreateAsync(body, body.OrganizationId, user.RequiredUserId(), ct);
        if (result.Id is not { } id)
            return ApiProblems.Invalid(http, result.Errors, t);
        return TypedResults.Created($"/api/v1/programs/{id}", new Created(id));
    }

    private static async Task<Results<NoContent, NotFound, ValidationProblem>> UpdateAsync(
        Guid id, ProgramBody body, ClaimsPrincipal user, ProgramAccess access, SaveProgram save, HttpContext http, IStringLocalizer<ProgramsText> t, CancellationToken ct)
    {
        if (await access.ManagedProgramAsync(user, id, ct) is null)
            return TypedResults.NotFound();
        var result = await save.UpdateAsync(id, body, ct);
        return result.Id is null ? ApiProblems.Invalid(http, result.Errors, t) : TypedResults.NoContent();
    }

    private static async Task<Results<NoContent, NotFound, ProblemHttpResult>> LinkAsync(
        Guid id, LinkBody body, ClaimsPrincipal user, LinkOpportunity link, HttpContext http, IStringLocalizer<ProgramsText> t, CancellationToken ct) =>
        await link.LinkAsync(user, id, body.OpportunityId, ct) switch
        {
            null => TypedResults.NoContent(),
            { Code: LinkOpportunity.NotFound } => TypedResults.NotFound(),
            var refusal => ApiProblems.Refused(http, refusal, StatusCodes.Status409Conflict, t),
        };

    private static async Task<Results<NoContent, NotFound>> UnlinkAsync(Guid id, Guid opportunityId, ClaimsPrincipal user, LinkOpportunity link, CancellationToken ct) =>
        await link.UnlinkAsync(user, id, opportunityId, ct) is null ? TypedResults.NoContent() : TypedResults.NotFound();
}
