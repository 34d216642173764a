using System.Security.Claims;
using Athar.Core.Common;
using Athar.Core.Recognition;
using Athar.Web.Features.Certificates;
using Athar.Web.Features.Organizations;
using Athar.Web.Infrastructure;
using Athar.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Athar.Web.Features.Awards;

public static class AwardsEndpoints
{
    public sealed record CycleBody(int? Year);

    public sealed record JudgeBody(string? Email, AwardTrack? Track);

    public sealed record ScoresBody(List<CriterionScore>? Scores);

    public sealed record Created(Guid Id);

    public sealed record NominationResponse(Guid Id, Guid CycleId, AwardTrack Track, NomineeKind Kind, string NomineeNameAr, string? NomineeNameEn, string Statement, DateTimeOffset CreatedAt, bool IsWinner);

    public sealed record AssignmentResponse(NominationResponse Nomination, int Year, AwardCycleStatus Status, IReadOnlyDictionary<AwardCriterion, int> MyScores);

    public sealed record HonourResponse(int Year, AwardTrack Track, string NameAr, string? NameEn, string NominatorAr, string? NominatorEn, decimal? Average, string? VerificationCode);

    public static RouteGroupBuilder Map(RouteGroupBuilder api)
    {
        api.MapGet("/honours", HonoursAsync).WithTags("Awards").AllowAnonymous()
            .WithName("ListHonours").WithSummary("Winners of published award cycles by year and track, names in both languages.");

        var admin = api.MapGroup("/awards/cycles").WithTags("Awards").RequireAuthorization(Policies.PlatformAdmin);
        admin.MapGet("/", (AwardCycles cycles, CancellationToken ct) => cycles.ListAsync(ct)).WithName("ListAwardCycles").WithSummary("Award cycles, newest first.");
        admin.MapPost("/", CreateAsync).WithName("CreateAwardCycle").WithSummary("Opens an award cycle for a year (nominations not yet open).");
        admin.MapPost("/{id:guid}/judges", AppointAsync).WithName("AppointAwardJudge").WithSummary("Appoints a person, by e-mail, as a judge of one track or of all.");
        admin.MapPost("/{id:guid}/open-nominations", (Guid id, ClaimsPrincipal user, AwardCycles cycles, HttpContext http, IStringLocalizer<AwardsText> t, CancellationToken ct) =>
            AdvanceAsync(id, AwardCycleStatus.Preparing, user, cycles, http, t, ct)).WithName("OpenAwardNominations").WithSummary("Opens nominations.");
        admin.MapPost("/{id:guid}/close-nominations", (Guid id, ClaimsPrincipal user, AwardCycles cycles, HttpContext http, IStringLocalizer<AwardsText> t, CancellationToken ct) =>
            AdvanceAsync(id, AwardCycleStatus.Open, user, cycles, http, t, ct)).WithName("CloseAwardNominations").WithSummary("Closes nominations; judges finish scoring.");
        admin.MapPost("/{id:guid}/publish", (Guid id, ClaimsPrincipal user, AwardCycles cycles, HttpContext http, IStringLocalizer<AwardsText> t, CancellationToken ct) =>
            AdvanceAsync(id, AwardCycleStatus.Judging, user, cycles, http, t, ct)).WithName("PublishAwardWinners")
            .WithSummary("Freezes the scores, marks the top nomination of each track as its winner and publishes them on the honours page.");

        var signedIn = api.MapGroup("/awards").WithTags("Awards").RequireAuthorization();
        signedIn.MapPost("/cycles/{id:guid}/nominations", NominateAsync).WithName("NominateForAward")
            .WithSummary("An organisation's admin nominates the organisation, one of its teams, or a volunteer who served with it.");
        signedIn.MapGet("/organizations/{organizationId:guid}/nominations", OrganizationNominationsAsync).WithName("ListOrganizationNominations")
            .WithSummary("The nominations an organisation made; never scores.");
        signedIn.MapGet("/judging", AssignmentsAsync).WithName("ListJudgingAssignments").WithSummary("The nominations the caller judges, with the caller's own scores only.");
        signedIn.MapPut("/nominations/{id:guid}/scores", ScoreAsync).WithName("ScoreNomination")
            .WithSummary("The caller's score sheet for a nomination: every criterion 0–10; replaces the caller's earlier sheet until publication.");
        return api;
    }

    public static IEndpointRouteBuilder MapDownloads(IEndpointRouteBuilder app)
    {
        app.MapGet("/awards/certificates/{nominationId:guid}", DownloadAsync).WithTags("Awards").RequireAuthorization()
            .WithName("DownloadAwardCertificate").WithSummary("A winner's certificate of appreciation (PDF), with a verification code.");
        return app;
    }

    private static async Task<Ok<List<HonourResponse>>> HonoursAsync(int? year, AwardResults results, CancellationToken ct) =>
        TypedResults.Ok((await results.HonoursAsync(year, ct)).Select(h => new HonourResponse(h.Year, h.Track, h.Winner.Name.Ar, h.Winner.Name.En,
            h.Winner.Nominator.Ar, h.Winner.Nominator.En, h.Average, h.CertificateCode)).ToList());

    private static async Task<Results<Created<Created>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CycleBody body, AwardCycles cycles, HttpContext http, IStringLocalizer<AwardsText> t, CancellationToken ct)
    {
        var (id, errors, refusal) = await cycles.CreateAsync(body.Year, ct);
        if (refusal is not null)
            return ApiProblems.Refused(http, refusal, StatusCodes.Status409Conflict, t);
        return id is { } created ? TypedResults.Created($"/api/v1/awards/cycles/{created}", new Created(created)) : ApiProblems.Invalid(http, errors, t);
    }

    private static async Task<Results<NoContent, NotFound, ProblemHttpResult>> AppointAsync(
        Guid id, JudgeBody body, AwardCycles cycles, HttpContext http, IStringLocalizer<AwardsText> t, CancellationToken ct) =>
        Map(await cycles.AppointAsync(id, body.Email, body.Track, ct), http, t);

    private static async Task<Results<NoContent, NotFound, ProblemHttpResult>> AdvanceAsync(
        Guid id, AwardCycleStatus from, ClaimsPrincipal user, AwardCycles cycles, HttpContext http, IStringLocalizer<AwardsText> t, CancellationToken ct)
    {
        var refusal = await cycles.AdvanceAsync(id, from, user.RequiredUserId(), ct);
        if (refusal is null && from == AwardCycleStatus.Judging)
            await http.RequestServices.GetRequiredService<AwardPublication>().AfterPublishingAsync(id, ct);
        return Map(refusal, http, t);
    }

    private static Results<NoContent, NotFound, ProblemHttpResult> Map(Refusal? refusal, HttpContext http, IStringLocalizer t) => refusal switch
    {
        null => TypedResults.NoContent(),
        { Code: AwardCycles.NotFound } => TypedResults.NotFound(),
        _ => ApiProblems.Refused(http, refusal, StatusCodes.Status409Conflict, t),
    };

    private static async Task<Results<Created<Created>, NotFound, ValidationProblem, ProblemHttpResult>> NominateAsync(
        Guid id, NominationInput body, ClaimsPrincipal user, OrganizationGate gate, Nominations nominations, HttpContext http, IStringLocalizer<AwardsText> t, CancellationToken ct)
    {
        if (body.OrganizationId is not { } organizationId)
            return ApiProblems.Invalid(http, [new FieldError(nameof(body.OrganizationId), "Field.Required")], t);
        var (organization, access) = await gate.CheckAsync(user, organizationId, OrganizationOperations.Manage, ct);
        if (organization is null || access != Organizations.OutcomeKind.Done)
            return TypedResults.NotFound();
        var outcome = await nominations.NominateAsync(id, organization, body, user.RequiredUserId(), ct);
        if (outcome.Refusal is { } refusal)
            return ApiProblems.Refused(http, refusal, StatusCodes.Status409Conflict, t);
        return outcome.Id is { } created ? TypedResults.Created($"/api/v1/awards/organizations/{organizationId}/nominations", new Created(created)) : ApiProblems.Invalid(http, outcome.Errors, t);
    }

    private static async Task<Results<Ok<List<NominationResponse>>, NotFound>> OrganizationNominationsAsync(
        Guid organizationId, ClaimsPrincipal user, OrganizationGate gate, AwardResults results, CancellationToken ct)
    {
        var (organization, access) = await gate.CheckAsync(user, organizationId, OrganizationOperations.Manage, ct);
        if (organization is null || access != Organizations.OutcomeKind.Done)
            return TypedResults.NotFound();
        var rows = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            results.Nominees(n => n.NominatorOrganizationId == organizationId), ct);
        return TypedResults.Ok(rows.OrderByDescending(n => n.CreatedAt).Select(Response).ToList());
    }

    private static async Task<Ok<List<AssignmentResponse>>> AssignmentsAsync(ClaimsPrincipal user, Judging judging, CancellationToken ct) =>
        TypedResults.Ok((await judging.AssignmentsAsync(user.RequiredUserId(), ct)).Select(a => new AssignmentResponse(Response(a.Nomination), a.Year, a.Status, a.MyScores)).ToList());

    private static async Task<Results<NoContent, NotFound, ValidationProblem, ProblemHttpResult>> ScoreAsync(
        Guid id, ScoresBody body, ClaimsPrincipal user, Judging judging, HttpContext http, IStringLocalizer<AwardsText> t, CancellationToken ct)
    {
        var outcome = await judging.ScoreAsync(user.RequiredUserId(), id, body.Scores, ct);
        return outcome switch
        {
            { NotFound: true } => TypedResults.NotFound(),
            { Refusal: { } refusal } => ApiProblems.Refused(http, refusal, StatusCodes.Status409Conflict, t),
            { Errors.Count: > 0 } => ApiProblems.Invalid(http, outcome.Errors, t),
            _ => TypedResults.NoContent(),
        };
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> DownloadAsync(
        Guid nominationId, ClaimsPrincipal user, AwardCertificates certificates, DocumentFiles files, CancellationToken ct)
    {
        if (!await certificates.MayDownloadAsync(user, nominationId, ct) || await certificates.RecordAsync(nominationId, ct) is not { } record)
            return TypedResults.NotFound();
        var file = await files.RenderAsync(record, ct);
        return TypedResults.File(file.Pdf, "application/pdf", file.FileName);
    }

    private static NominationResponse Response(AwardResults.NomineeView n) =>
        new(n.NominationId, n.CycleId, n.Track, n.Kind, n.Name.Ar, n.Name.En, n.Statement, n.CreatedAt, n.IsWinner);
}
