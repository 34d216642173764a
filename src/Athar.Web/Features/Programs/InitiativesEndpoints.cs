using System.Security.Claims;
using Athar.Core.Programs;
using Athar.Data.Programs;
using Athar.Web.Infrastructure;
using Athar.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Athar.Web.Features.Programs;

public static class InitiativesEndpoints
{
    public sealed record PartnerResponse(Guid OrganizationId, string NameAr, string? NameEn, PartnerRole Role);

    public sealed record InitiativeResponse(
        Guid Id, Guid LeadOrganizationId, string TitleAr, string? TitleEn, string DescriptionAr, string? DescriptionEn, DateOnly StartsOn, DateOnly EndsOn,
        ProgramStatus Status, ProgramsEndpoints.TargetsResponse Targets, IReadOnlyList<PartnerResponse> Partners);

    public static RouteGroupBuilder Map(RouteGroupBuilder api)
    {
        var open = api.MapGroup("/initiatives").WithTags("Initiatives").AllowAnonymous();
        open.MapGet("/", (ClaimsPrincipal user, Initiatives initiatives, CancellationToken ct) => initiatives.ListAsync(user, ct))
            .WithName("ListInitiatives").WithSummary("Active and closed initiatives, and the drafts the caller's organisation leads.");
        open.MapGet("/{id:guid}", GetAsync).WithName("GetInitiative").WithSummary("An initiative: lead, partners and their roles, period and targets.");

        var insiders = api.MapGroup("/initiatives").WithTags("Initiatives").RequireAuthorization();
        insiders.MapGet("/{id:guid}/progress", ProgressAsync).WithName("GetInitiativeProgress")
            .WithSummary("The initiative's indicators, for the lead's and partners' members and platform admins only.");
        insiders.MapPost("/", CreateAsync).WithName("CreateInitiative").WithSummary("Creates an initiative led by one of the caller's organisations.");
        insiders.MapPut("/{id:guid}", UpdateAsync).WithName("UpdateInitiative").WithSummary("Edits an initiative and replaces its partners.");
        insiders.MapPost("/{id:guid}/opportunities", (Guid id, ProgramsEndpoints.LinkBody body, ClaimsPrincipal user, Initiatives initiatives, HttpContext http, IStringLocalizer<ProgramsText> t, CancellationToken ct) =>
            LinkAsync(id, body.OpportunityId, true, user, initiatives, http, t, ct)).WithName("LinkInitiativeOpportunity").WithSummary("Links an opportunity of the lead or a partner.");
        insiders.MapDelete("/{id:guid}/opportunities/{opportunityId:guid}", (Guid id, Guid opportunityId, ClaimsPrincipal user, Initiatives initiatives, HttpContext http, IStringLocalizer<ProgramsText> t, CancellationToken ct) =>
            LinkAsync(id, opportunityId, false, user, initiatives, http, t, ct)).WithName("UnlinkInitiativeOpportunity").WithSummary("Takes an opportunity out of the initiative.");
        return api;
    }

    private static async Task<Results<Ok<InitiativeResponse>, NotFound>> GetAsync(Guid id, ClaimsPrincipal user, Initiatives initiatives, CancellationToken ct)
    {
        if (await initiatives.VisibleAsync(user, id, ct) is not { } i)
            return TypedResults.NotFound();
        var partners = await initiatives.PartnersAsync(id, ct);
        return TypedResults.Ok(new InitiativeResponse(i.Id, i.LeadOrganizationId, i.Title.Ar, i.Title.En, i.Description.Ar, i.Description.En, i.StartsOn, i.EndsOn, i.Status,
            new ProgramsEndpoints.TargetsResponse(i.TargetVolunteers, i.TargetOpportunities, i.TargetHours, i.TargetBeneficiaries),
            partners.Select(p => new PartnerResponse(p.OrganizationId, p.Name.Ar, p.Name.En, p.Role)).ToList()));
    }

    private static async Task<Results<Ok<ProgramsEndpoints.ProgressResponse>, NotFound>> ProgressAsync(
        Guid id, ClaimsPrincipal user, Initiatives initiatives, ProgramQueries queries, ScopeIndicators indicators, CancellationToken ct)
    {
        if (await initiatives.VisibleAsync(user, id, ct) is not { } i || !await initiatives.IsInsiderAsync(user, id, i.LeadOrganizationId, ct))
            return TypedResults.NotFound();
        var view = await queries.ProgressAsync(indicators.InitiativeOpportunities(id), i.StartsOn, i.EndsOn, i.Targets, exact: true, ct);
        return TypedResults.Ok(ProgramsEndpoints.ProgressResponseOf(id, view));
    }

    private static async Task<Results<Created<ProgramsEndpoints.Created>, NotFound, ValidationProblem>> CreateAsync(
        InitiativeBody body, ClaimsPrincipal user, ProgramAccess access, Initiatives initiatives, HttpContext http, IStringLocalizer<ProgramsText> t, CancellationToken ct)
    {
        if (body.LeadOrganizationId is not { } lead || !await access.CanManageAsync(user, lead, ct))
            return TypedResults.NotFound();
        var (id, errors) = await initiatives.SaveAsync(null, body, lead, user.RequiredUserId(), ct);
        return id is null ? ApiProblems.Invalid(http, errors, t) : TypedResults.Created($"/api/v1/initiatives/{id}", new ProgramsEndpoints.Created(id.Value));
    }

    private static async Task<Results<NoContent, NotFound, ValidationProblem>> UpdateAsync(
        Guid id, InitiativeBody body, ClaimsPrincipal user, Initiatives initiatives, HttpContext http, IStringLocalizer<ProgramsText> t, CancellationToken ct)
    {
        if (await initiatives.ManagedAsync(user, id, ct) is not { } i)
            return TypedResults.NotFound();
        var (saved, errors) = await initiatives.SaveAsync(id, body, i.LeadOrganizationId, user.RequiredUserId(), ct);
        return saved is null ? ApiProblems.Invalid(http, errors, t) : TypedResults.NoContent();
    }

    private static async Task<Results<NoContent, NotFound, ProblemHttpResult>> LinkAsync(
        Guid id, Guid opportunityId, bool link, ClaimsPrincipal user, Initiatives initiatives, HttpContext http, IStringLocalizer<ProgramsText> t, CancellationToken ct) =>
        await initiatives.LinkAsync(user, id, opportunityId, link, ct) switch
        {
            null => TypedResults.NoContent(),
            { Code: Initiatives.NotFound } => TypedResults.NotFound(),
            var refusal => ApiProblems.Refused(http, refusal, StatusCodes.Status409Conflict, t),
        };
}
