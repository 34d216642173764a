using System.Security.Claims;
using Athar.Core.Opportunities;
using Athar.Web.Infrastructure.Cluster;
using Athar.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Athar.Web.Features.Opportunities;

/// <summary>The opportunities feature's services and endpoints, registered from AtharServices and AtharPipeline.</summary>
public static class OpportunitiesFeature
{
    public static IServiceCollection AddOpportunitiesFeature(this IServiceCollection services)
    {
        services.AddScoped<OpportunityMessages>();
        services.AddScoped<OpportunityAccess>();
        services.AddScoped<SaveOpportunity>();
        services.AddScoped<ChangeOpportunityStatus>();
        // Search tolerates replication lag: it reads from the hot standby when one is configured.
        services.AddScoped(sp => new SearchOpportunities(sp.GetRequiredService<ReadDb>().Context, sp.GetRequiredService<TimeProvider>()));
        services.AddScoped<OpportunityQueries>();
        services.AddSingleton<OpportunityJobs>();
        services.AddHostedService(sp => sp.GetRequiredService<OpportunityJobs>());
        return services;
    }

    public static RouteGroupBuilder MapOpportunitiesEndpoints(this RouteGroupBuilder api)
    {
        var opportunities = api.MapGroup("/opportunities").WithTags("Opportunities");

        opportunities.MapGet("/", SearchAsync)
            .RequireRateLimiting(RateLimits.Search)
            .CacheOutput(SearchCache.Policy)
            .AllowAnonymous()
            .WithName("SearchOpportunities")
            .WithSummary("Searches published opportunities of verified organisations that have a shift ahead.")
            .WithDescription("Free text (q) is normalised like the stored text: Arabic hamza, taa marbuta, alef maqsura, diacritics and tatweel, "
                + "and English plurals do not matter; each word must start a word of the opportunity. Filters: regionId, cityId, fieldId, "
                + "from/to (a shift on a date in the range), gender (any|male|female: opportunities open to that gender), mode (inPerson|remote), "
                + "seatsLeft, license (none|practitioner|teamLeadership). sort: soonest (default), newest, mostSeats. "
                + "Pages of 20: pass nextCursor back as cursor with the same filters and sort.");

        opportunities.MapGet("/{id:guid}", GetAsync)
            .AllowAnonymous()
            .WithName("GetOpportunity")
            .WithSummary("An opportunity with its shifts and seats left; drafts only for the organisation's staff.");

        opportunities.MapPut("/{id:guid}", UpdateAsync)
            .RequireAuthorization()
            .WithName("UpdateOpportunity")
            .WithSummary("Edits an opportunity and its shifts (shifts without an id are added, missing ones removed); refused when it would strand accepted volunteers.");

        opportunities.MapPost("/{id:guid}/publish", PublishAsync)
            .RequireAuthorization()
            .WithName("PublishOpportunity")
            .WithSummary("Publishes a draft (or reopens a closed opportunity); only a verified organisation publishes.");

        opportunities.MapPost("/{id:guid}/close", CloseAsync)
            .RequireAuthorization()
            .WithName("CloseOpportunity")
            .WithSummary("Closes a published opportunity: it stays visible but takes no new applications.");

        opportunities.MapPost("/{id:guid}/complete", CompleteAsync)
            .RequireAuthorization()
            .WithName("CompleteOpportunity")
            .WithSummary("Marks a published or closed opportunity as completed, once no accepted volunteer waits for a shift.");

        opportunities.MapPost("/{id:guid}/cancel", CancelAsync)
            .RequireAuthorization()
            .WithName("CancelOpportunity")
            .WithSummary("Cancels an opportunity with a reason; its applications are cancelled and each volunteer is notified.");

        var organization = api.MapGroup("/organizations/{organizationId:guid}/opportunities").WithTags("Opportunities").RequireAuthorization();

        organization.MapPost("/", CreateAsync)
            .WithName("CreateOpportunity")
            .WithSummary("Creates a draft opportunity with its shifts for an organisation the caller manages.");

        organization.MapGet("/", ListAsync)
            .WithName("ListOrganizationOpportunities")
            .WithSummary("The organisation's opportunities in every status, newest first, 50 a page (pass nextCursor back as cursor).");

        return api;
    }

    public sealed record OrganizationRef(Guid Id, string NameAr, string? NameEn);

    public sealed record SearchItemResponse(
        Guid Id, string TitleAr, string? TitleEn, OrganizationRef Organization, int FieldId, int RegionId, int CityId, bool IsRemote,
        DateOnly StartDate, DateOnly EndDate, DateTimeOffset? NextShiftStartsAt, int SeatsTotal, int SeatsLeft, OpportunityStatus Status,
        bool AcceptsApplications, GenderRequirement Gender, LicenseRequirement RequiredLicense, VolunteeringType Type, DateTimeOffset? PublishedAt);

    public sealed record SearchResponse(IReadOnlyList<SearchItemResponse> Items, string? NextCursor);

    public sealed record ShiftResponse(Guid Id, DateOnly Date, TimeOnly StartTime, TimeOnly EndTime, DateTimeOffset StartsAt, DateTimeOffset EndsAt, int Seats, int SeatsLeft, bool IsUpcoming);

    public sealed record OpportunityResponse(
        Guid Id, OrganizationRef Organization, string TitleAr, string? TitleEn, string DescriptionAr, string? DescriptionEn,
        int FieldId, int RegionId, int CityId, string? Address, bool IsRemote, DateOnly StartDate, DateOnly EndDate,
        GenderRequirement Gender, int? MinimumAge, bool AllowsMinors, string? RequiredSkills, LicenseRequirement RequiredLicense,
        VolunteeringType Type, int? ExpectedBeneficiaries, bool AutoAccept, OpportunityStatus Status, bool AcceptsApplications,
        string? CancellationReason, DateTimeOffset CreatedAt, DateTimeOffset? PublishedAt, int SeatsTotal, int SeatsLeft, IReadOnlyList<ShiftResponse> Shifts);

    public sealed record StaffItemResponse(
        Guid Id, string TitleAr, string? TitleEn, OpportunityStatus Status, DateOnly StartDate, DateOnly EndDate, int Shifts,
        int SeatsTotal, int SeatsTaken, DateTimeOffset? NextShiftStartsAt, DateTimeOffset CreatedAt, DateTimeOffset? PublishedAt);

    public sealed record StaffListResponse(IReadOnlyList<StaffItemResponse> Items, string? NextCursor);

    public sealed record CancelRequest(string? Reason);

    private static async Task<Results<Ok<SearchResponse>, ValidationProblem>> SearchAsync(
        [AsParameters] SearchParameters parameters, SearchOpportunities search, OpportunityMessages messages, CancellationToken cancellationToken)
    {
        var (query, errors) = parameters.ToQuery();
        if (errors.Count > 0)
            return messages.Invalid(errors);
        var page = await search.SearchAsync(query, cancellationToken);
        return TypedResults.Ok(new SearchResponse(
            page.Items.Select(i => new SearchItemResponse(
                i.Id, i.Title.Ar, i.Title.En, new OrganizationRef(i.OrganizationId, i.Organization.Ar, i.Organization.En), i.FieldId, i.RegionId, i.CityId,
                i.IsRemote, i.StartDate, i.EndDate, i.NextShiftStartsAt, i.SeatsTotal, i.SeatsLeft, i.Status, i.AcceptsApplications, i.Gender,
                i.RequiredLicense, i.Type, i.PublishedAt)).ToList(),
            page.NextCursor));
    }

    private static async Task<Results<Ok<OpportunityResponse>, NotFound>> GetAsync(
        Guid id, ClaimsPrincipal user, OpportunityQueries queries, CancellationToken cancellationToken) =>
        await queries.DetailAsync(id, user, cancellationToken) is { } detail ? TypedResults.Ok(ToResponse(detail)) : TypedResults.NotFound();

    private static async Task<Results<Created<OpportunityResponse>, ValidationProblem, ProblemHttpResult, NotFound>> CreateAsync(
        Guid organizationId, OpportunityInput input, ClaimsPrincipal user, OpportunityAccess access, SaveOpportunity save,
        OpportunityQueries queries, OpportunityMessages messages, CancellationToken cancellationToken)
    {
        if (await access.OrganizationAsync(user, organizationId, OrganizationOperations.Manage, cancellationToken) is not { } organization)
            return TypedResults.NotFound();
        var outcome = await save.CreateAsync(organization, input, cancellationToken);
        if (!outcome.Succeeded)
            return Failure<Created<OpportunityResponse>>(outcome, messages);
        var detail = await queries.DetailAsync(outcome.Id, user, cancellationToken);
        return TypedResults.Created($"/api/v1/opportunities/{outcome.Id}", ToResponse(detail!));
    }

    private static async Task<Results<Ok<OpportunityResponse>, ValidationProblem, ProblemHttpResult, NotFound>> UpdateAsync(
        Guid id, OpportunityInput input, ClaimsPrincipal user, OpportunityAccess access, SaveOpportunity save,
        OpportunityQueries queries, OpportunityMessages messages, CancellationToken cancellationToken)
    {
        if (await access.OwnerAsync(user, id, OrganizationOperations.Manage, cancellationToken) is not { } organization)
            return TypedResults.NotFound();
        var outcome = await save.UpdateAsync(organization, id, input, cancellationToken);
        if (!outcome.Succeeded)
            return Failure<Ok<OpportunityResponse>>(outcome, messages);
        var detail = await queries.DetailAsync(id, user, cancellationToken);
        return TypedResults.Ok(ToResponse(detail!));
    }

    private static Task<Results<NoContent, ValidationProblem, ProblemHttpResult, NotFound>> PublishAsync(
        Guid id, ClaimsPrincipal user, OpportunityAccess access, ChangeOpportunityStatus change, OpportunityMessages messages, CancellationToken cancellationToken) =>
        MoveAsync(id, user, access, messages, (organization, ct) => change.PublishAsync(organization, id, ct), cancellationToken);

    private static Task<Results<NoContent, ValidationProblem, ProblemHttpResult, NotFound>> CloseAsync(
        Guid id, ClaimsPrincipal user, OpportunityAccess access, ChangeOpportunityStatus change, OpportunityMessages messages, CancellationToken cancellationToken) =>
        MoveAsync(id, user, access, messages, (organization, ct) => change.CloseAsync(organization, id, ct), cancellationToken);

    private static Task<Results<NoContent, ValidationProblem, ProblemHttpResult, NotFound>> CompleteAsync(
        Guid id, ClaimsPrincipal user, OpportunityAccess access, ChangeOpportunityStatus change, OpportunityMessages messages, CancellationToken cancellationToken) =>
        MoveAsync(id, user, access, messages, (organization, ct) => change.CompleteAsync(organization, id, ct), cancellationToken);

    private static Task<Results<NoContent, ValidationProblem, ProblemHttpResult, NotFound>> CancelAsync(
        Guid id, CancelRequest body, ClaimsPrincipal user, OpportunityAccess access, ChangeOpportunityStatus change, OpportunityMessages messages, CancellationToken cancellationToken) =>
        MoveAsync(id, user, access, messages, (organization, ct) => change.CancelAsync(organization, id, body.Reason, user.RequiredUserId(), ct), cancellationToken);

    private static async Task<Results<Ok<StaffListResponse>, ValidationProblem, NotFound>> ListAsync(
        Guid organizationId, [FromQuery] string? status, [FromQuery] string? cursor, ClaimsPrincipal user, OpportunityAccess access,
        OpportunityQueries queries, OpportunityMessages messages, CancellationToken cancellationToken)
    {
        if (await access.OrganizationAsync(user, organizationId, OrganizationOperations.View, cancellationToken) is null)
            return TypedResults.NotFound();
        OpportunityStatus? filter = null;
        if (!string.IsNullOrEmpty(status))
        {
            if (char.IsDigit(status[0]) || !Enum.TryParse<OpportunityStatus>(status, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
                return messages.Invalid([new("Status", "Binding.Invalid")]);
            filter = parsed;
        }
        var page = await queries.ForOrganizationAsync(organizationId, filter, cursor, cancellationToken);
        return TypedResults.Ok(new StaffListResponse(
            page.Items.Select(r => new StaffItemResponse(r.Id, r.Title.Ar, r.Title.En, r.Status, r.StartDate, r.EndDate, r.Shifts, r.SeatsTotal, r.SeatsTaken,
                r.NextShiftStartsAt, r.CreatedAt, r.PublishedAt)).ToList(),
            page.NextCursor));
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult, NotFound>> MoveAsync(
        Guid id, ClaimsPrincipal user, OpportunityAccess access, OpportunityMessages messages,
        Func<Data.Organizations.Organization, CancellationToken, Task<OpportunityOutcome>> move, CancellationToken cancellationToken)
    {
        if (await access.OwnerAsync(user, id, OrganizationOperations.Manage, cancellationToken) is not { } organization)
            return TypedResults.NotFound();
        var outcome = await move(organization, cancellationToken);
        return outcome.Succeeded ? TypedResults.NoContent() : Failure<NoContent>(outcome, messages);
    }

    private static Results<TOk, ValidationProblem, ProblemHttpResult, NotFound> Failure<TOk>(OpportunityOutcome outcome, OpportunityMessages messages)
        where TOk : IResult =>
        outcome switch
        {
            { NotFound: true } => TypedResults.NotFound(),
            { Refusal: { } refusal } => messages.Refused(refusal),
            _ => messages.Invalid(outcome.Errors),
        };

    private static OpportunityResponse ToResponse(OpportunityQueries.Detail d) => new(
        d.Id, new OrganizationRef(d.OrganizationId, d.Organization.Ar, d.Organization.En), d.Title.Ar, d.Title.En, d.Description.Ar, d.Description.En,
        d.FieldId, d.RegionId, d.CityId, d.Address, d.IsRemote, d.StartDate, d.EndDate, d.Gender, d.MinimumAge, d.AllowsMinors, d.RequiredSkills,
        d.RequiredLicense, d.Type, d.ExpectedBeneficiaries, d.AutoAccept, d.Status, d.AcceptsApplications, d.CancellationReason, d.CreatedAt,
        d.PublishedAt, d.SeatsTotal, d.SeatsLeft,
        d.Shifts.Select(s => new ShiftResponse(s.Id, s.Date, s.StartTime, s.EndTime, s.StartsAt, s.EndsAt, s.Seats, s.SeatsLeft, s.IsUpcoming)).ToList());
}
