using System.Security.Claims;
using Athar.Core.Recognition;
using Athar.Web.Features.Organizations;
using Athar.Web.Infrastructure;
using Athar.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Athar.Web.Features.Ideas;

public static class IdeasEndpoints
{
    public sealed record IdeaResponse(
        Guid Id, Guid OrganizationId, string OrganizationNameAr, string? OrganizationNameEn, string Title, string Description, int FieldId, int RegionId, int CityId,
        int? ExpectedBeneficiaries, IdeaStatus Status, string? DeclineReason, Guid? OpportunityId, DateTimeOffset CreatedAt, DateTimeOffset? DecidedAt, string ProposerName);

    public sealed record Created(Guid Id);

    public sealed record Adopted(Guid OpportunityId);

    public sealed record DeclineBody(string? Reason);

    public static RouteGroupBuilder Map(RouteGroupBuilder api)
    {
        var volunteers = api.MapGroup("/").WithTags("Ideas").RequireAuthorization(Policies.Volunteer);
        volunteers.MapPost("/organizations/{organizationId:guid}/ideas", ProposeAsync).WithName("ProposeIdea")
            .WithSummary("Proposes an idea for an initiative to a verified organisation.");
        volunteers.MapGet("/me/ideas", MineAsync).WithName("ListMyIdeas").WithSummary("The signed-in volunteer's ideas and their status.");

        var staff = api.MapGroup("/organizations/{organizationId:guid}/ideas").WithTags("Ideas").RequireAuthorization(Policies.OrganizationWork);
        staff.MapGet("/", InboxAsync).WithName("ListOrganizationIdeas").WithSummary("Ideas addressed to the organisation, newest first; optionally by status.");
        staff.MapGet("/{ideaId:guid}", GetAsync).WithName("GetOrganizationIdea").WithSummary("One idea addressed to the organisation.");
        staff.MapPost("/{ideaId:guid}/decline", DeclineAsync).WithName("DeclineIdea").WithSummary("Declines a submitted idea with a reason; the proposer is told.");
        staff.MapPost("/{ideaId:guid}/adopt", AdoptAsync).WithName("AdoptIdea")
            .WithSummary("Adopts a submitted idea: one draft opportunity is created from it, whatever retries happen; the proposer is told.");
        return api;
    }

    private static async Task<Results<Created<Created>, NotFound, ValidationProblem>> ProposeAsync(
        Guid organizationId, IdeaInput body, ClaimsPrincipal user, ProposeIdea propose, HttpContext http, IStringLocalizer<IdeasText> t, CancellationToken ct)
    {
        var outcome = await propose.ProposeAsync(user.RequiredUserId(), organizationId, body, ct);
        if (outcome.NotFound)
            return TypedResults.NotFound();
        return outcome.Id is { } id ? TypedResults.Created($"/api/v1/me/ideas", new Created(id)) : ApiProblems.Invalid(http, outcome.Errors, t);
    }

    private static async Task<Ok<List<IdeaResponse>>> MineAsync(ClaimsPrincipal user, IdeaQueries queries, CancellationToken ct) =>
        TypedResults.Ok((await queries.MineAsync(user.RequiredUserId(), ct)).Select(Response).ToList());

    private static async Task<Results<Ok<List<IdeaResponse>>, NotFound>> InboxAsync(
        Guid organizationId, IdeaStatus? status, ClaimsPrincipal user, OrganizationGate gate, IdeaQueries queries, CancellationToken ct)
    {
        var (organization, access) = await gate.CheckAsync(user, organizationId, OrganizationOperations.View, ct);
        if (organization is null || access != OutcomeKind.Done)
            return TypedResults.NotFound();
        return TypedResults.Ok((await queries.InboxAsync(organization.Id, status, ct)).Select(Response).ToList());
    }

    private static async Task<Results<Ok<IdeaResponse>, NotFound>> GetAsync(
        Guid organizationId, Guid ideaId, ClaimsPrincipal user, OrganizationGate gate, IdeaQueries queries, CancellationToken ct)
    {
        var (organization, access) = await gate.CheckAsync(user, organizationId, OrganizationOperations.View, ct);
        if (organization is null || access != OutcomeKind.Done || await queries.InInboxAsync(organization.Id, ideaId, ct) is not { } idea)
            return TypedResults.NotFound();
        return TypedResults.Ok(Response(idea));
    }

    private static async Task<Results<NoContent, NotFound, ForbidHttpResult, ValidationProblem, ProblemHttpResult>> DeclineAsync(
        Guid organizationId, Guid ideaId, DeclineBody body, ClaimsPrincipal user, OrganizationGate gate, DecideIdea decide, HttpContext http,
        IStringLocalizer<IdeasText> t, CancellationToken ct)
    {
        var (organization, access) = await gate.CheckAsync(user, organizationId, OrganizationOperations.Manage, ct);
        if (organization is null)
            return TypedResults.NotFound();
        if (access != OutcomeKind.Done)
            return TypedResults.Forbid();
        var outcome = await decide.DeclineAsync(organization, ideaId, body.Reason, user.RequiredUserId(), ct);
        return outcome switch
        {
            { NotFound: true } => TypedResults.NotFound(),
            { Refusal: { } refusal } => ApiProblems.Refused(http, refusal, StatusCodes.Status409Conflict, t),
            { Errors.Count: > 0 } => ApiProblems.Invalid(http, outcome.Errors, t),
            _ => TypedResults.NoContent(),
        };
    }

    private static async Task<Results<Created<Adopted>, NotFound, ForbidHttpResult, ValidationProblem, ProblemHttpResult>> AdoptAsync(
        Guid organizationId, Guid ideaId, ClaimsPrincipal user, OrganizationGate gate, DecideIdea decide, HttpContext http, IStringLocalizer<IdeasText> t, CancellationToken ct)
    {
        var (organization, access) = await gate.CheckAsync(user, organizationId, OrganizationOperations.Manage, ct);
        if (organization is null)
            return TypedResults.NotFound();
        if (access != OutcomeKind.Done)
            return TypedResults.Forbid();
        var outcome = await decide.AdoptAsync(organization, ideaId, user.RequiredUserId(), ct);
        return outcome switch
        {
            { NotFound: true } => TypedResults.NotFound(),
            { Refusal: { } refusal } => ApiProblems.Refused(http, refusal, StatusCodes.Status409Conflict, t),
            { Errors.Count: > 0 } => ApiProblems.Invalid(http, outcome.Errors, t),
            _ => TypedResults.Created($"/api/v1/opportunities/{outcome.OpportunityId}", new Adopted(outcome.OpportunityId!.Value)),
        };
    }

    private static IdeaResponse Response(IdeaQueries.IdeaRow i) => new(
        i.Id, i.OrganizationId, i.Organization.Ar, i.Organization.En, i.Title, i.Description, i.FieldId, i.RegionId, i.CityId, i.ExpectedBeneficiaries,
        i.Status, i.DeclineReason, i.OpportunityId, i.CreatedAt, i.DecidedAt, i.Proposer.Current);
}
