using System.Globalization;
using System.Security.Claims;
using Athar.Core.Organizations;
using Athar.Core.Reference;
using Athar.Data.Organizations;
using Athar.Web.Infrastructure;
using Athar.Web.Localization;
using Athar.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Athar.Web.Features.Organizations;

public static class OrganizationsEndpoints
{
    public sealed record RegisteredResponse(Guid Id, OrganizationStatus Status);

    public sealed record OrganizationResponse(
        Guid Id, string NameAr, string? NameEn, string Name, OrganizationType Type, string? RegistrationNumber,
        int RegionId, int CityId, IReadOnlyList<int> FieldIds, string? ContactEmail, string? ContactPhone, string? Website,
        OrganizationStatus Status, string? StatusReason, DateTimeOffset CreatedAt, DateTimeOffset? StatusChangedAt);

    public sealed record MineResponse(Guid Id, string Name, OrganizationRole Role, OrganizationStatus Status, string? StatusReason);

    public sealed record ReviewResponse(IReadOnlyList<ReviewItem> Items, bool HasMore);

    public sealed record ReviewItem(
        Guid Id, string Name, OrganizationType Type, string? RegistrationNumber, int RegionId, int CityId,
        OrganizationStatus Status, string? StatusReason, DateTimeOffset CreatedAt);

    public sealed record StatusResponse(Guid Id, OrganizationStatus Status, string? StatusReason);

    public sealed record ReasonBody(string? Reason);

    public sealed record RoleBody(OrganizationRole? Role);

    public sealed record TokenBody(string? Token);

    public sealed record MemberResponse(Guid UserId, string FullName, OrganizationRole Role, DateTimeOffset JoinedAt, string? Email);

    public sealed record InvitationResponse(Guid Id, string Contact, OrganizationRole Role, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, InvitationState State);

    public sealed record AcceptedResponse(Guid OrganizationId);

    public sealed record PublicOpportunity(Guid Id, string Title, string Status, DateOnly StartDate, DateOnly EndDate, string Url);

    public sealed record PublicTotals(int Opportunities, int Volunteers, decimal VerifiedHours);

    public sealed record PublicProfileResponse(
        Guid Id, string NameAr, string? NameEn, string Name, OrganizationType Type, int RegionId, string? Region, int CityId, string? City,
        IReadOnlyList<string> Fields, string? ContactEmail, string? ContactPhone, string? Website, PublicTotals Totals,
        IReadOnlyList<PublicOpportunity> Opportunities);

    public static RouteGroupBuilder Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/organizations").WithTags("Organisations").RequireAuthorization();

        group.MapPost("/", RegisterAsync)
            .WithName("RegisterOrganization")
            .WithSummary("Registers an organisation; it starts pending verification and the caller becomes its first admin.");
        group.MapGet("/mine", MineAsync)
            .WithName("ListMyOrganizations")
            .WithSummary("The organisations the signed-in person belongs to, with their role and each organisation's status.");
        group.MapGet("/", ReviewListAsync)
            .RequireAuthorization(Policies.Oversight)
            .WithName("ListOrganizationsForReview")
            .WithSummary("Organisations to review, pending first: every region for platform admins, their own for regional supervisors.");
        group.MapGet("/{id:guid}", PublicProfileAsync)
            .AllowAnonymous()
            .WithName("GetOrganizationProfile")
            .WithSummary("A verified organisation's public profile: names, type, place, fields, contact, opportunities and verified totals.");
        group.MapGet("/{id:guid}/details", DetailsAsync)
            .WithName("GetOrganizationDetails")
            .WithSummary("The organisation as its staff and reviewers see it, with its status and the reason for it.");

        group.MapPost("/{id:guid}/verify", (Guid id, ClaimsPrincipal user, ChangeOrganizationStatus change, OrganizationsMessages m, HttpContext http, CancellationToken ct) =>
                DecideAsync(id, OrganizationDecision.Verify, null, user, change, m, http, ct))
            .RequireAuthorization(Policies.Oversight)
            .WithName("VerifyOrganization")
            .WithSummary("Verifies a pending (or previously rejected) organisation; its admins are notified. Verified organisations may publish.");
        group.MapPost("/{id:guid}/reject", (Guid id, ReasonBody body, ClaimsPrincipal user, ChangeOrganizationStatus change, OrganizationsMessages m, HttpContext http, CancellationToken ct) =>
                DecideAsync(id, OrganizationDecision.Reject, body.Reason, user, change, m, http, ct))
            .RequireAuthorization(Policies.Oversight)
            .WithName("RejectOrganization")
            .WithSummary("Rejects a pending organisation with a reason (JSON body {\"reason\": \"...\"}) its admins are shown.");
        group.MapPost("/{id:guid}/suspend", (Guid id, ReasonBody body, ClaimsPrincipal user, ChangeOrganizationStatus change, OrganizationsMessages m, HttpContext http, CancellationToken ct) =>
                DecideAsync(id, OrganizationDecision.Suspend, body.Reason, user, change, m, http, ct))
            .RequireAuthorization(Policies.Oversight)
            .WithName("SuspendOrganization")
            .WithSummary("Suspends a verified organisation with a reason (JSON body {\"reason\": \"...\"}); it can no longer publish.");
        group.MapPost("/{id:guid}/reinstate", (Guid id, ClaimsPrincipal user, ChangeOrganizationStatus change, OrganizationsMessages m, HttpContext http, CancellationToken ct) =>
                DecideAsync(id, OrganizationDecision.Reinstate, null, user, change, m, http, ct))
            .RequireAuthorization(Policies.Oversight)
            .WithName("ReinstateOrganization")
            .WithSummary("Reinstates a suspended organisation: it is verified again.");

        group.MapGet("/{id:guid}/members", MembersAsync)
            .WithName("ListOrganizationMembers")
            .WithSummary("The organisation's staff and their roles (e-mail addresses for its admins only).");
        group.MapPut("/{id:guid}/members/{userId:guid}", ChangeRoleAsync)
            .WithName("ChangeOrganizationMemberRole")
            .WithSummary("Makes a member admin or supervisor; the last admin cannot be demoted.");
        group.MapDelete("/{id:guid}/members/{userId:guid}", RemoveAsync)
            .WithName("RemoveOrganizationMember")
            .WithSummary("Removes a member from the organisation; the last admin cannot be removed.");
        group.MapGet("/{id:guid}/invitations", InvitationsAsync)
            .WithName("ListOrganizationInvitations")
            .WithSummary("Invitations not yet accepted, open or expired.");
        group.MapPost("/{id:guid}/invitations", InviteAsync)
            .WithName("InviteOrganizationMember")
            .WithSummary("Invites a person by e-mail or Saudi mobile as admin or supervisor; the link is sent through the outbox and expires after seven days.");
        group.MapDelete("/{id:guid}/invitations/{invitationId:guid}", RevokeAsync)
            .WithName("RevokeOrganizationInvitation")
            .WithSummary("Withdraws an invitation nobody has accepted.");
        group.MapPost("/invitations/accept", AcceptAsync)
            .WithName("AcceptOrganizationInvitation")
            .WithSummary("The signed-in person joins the organisation with the token from an invitation link; each link works once.");

        return api;
    }

    private static async Task<Results<Created<RegisteredResponse>, ValidationProblem>> RegisterAsync(
        OrganizationRegistrationInput input, ClaimsPrincipal user, RegisterOrganization register, OrganizationsMessages messages, CancellationToken cancellationToken)
    {
        var result = await register.RegisterAsync(user.RequiredUserId(), input, cancellationToken);
        if (!result.Succeeded)
            return messages.Invalid(result.Errors);
        var id = result.OrganizationId!.Value;
        return TypedResults.Created($"/api/v1/organizations/{id}/details", new RegisteredResponse(id, OrganizationStatus.Pending));
    }

    private static async Task<Ok<List<MineResponse>>> MineAsync(ClaimsPrincipal user, OrganizationQueries queries, CancellationToken cancellationToken)
    {
        var rows = await queries.MineAsync(user.RequiredUserId(), cancellationToken);
        return TypedResults.Ok(rows.Select(r => new MineResponse(r.Id, r.Name.Current, r.Role, r.Status, r.StatusReason)).ToList());
    }

    private static async Task<Results<Ok<ReviewResponse>, ValidationProblem>> ReviewListAsync(
        string? status, int? regionId, int? page, ClaimsPrincipal user, OrganizationQueries queries, Athar.Data.AtharDbContext db,
        OrganizationsMessages messages, CancellationToken cancellationToken)
    {
        OrganizationStatus? filter = null;
        if (!string.IsNullOrEmpty(status))
        {
            if (!Enum.TryParse<OrganizationStatus>(status, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || int.TryParse(status, CultureInfo.InvariantCulture, out _))
                return messages.Invalid([new("Status", "Binding.Invalid")]);
            filter = parsed;
        }
        var scope = await ReviewScope.ForAsync(user, db, cancellationToken);
        var result = await queries.ReviewAsync(scope, filter, regionId, page ?? 1, cancellationToken);
        return TypedResults.Ok(new ReviewResponse(
            result.Rows.Select(r => new ReviewItem(r.Id, r.Name.Current, r.Type, r.RegistrationNumber, r.RegionId, r.CityId, r.Status, r.StatusReason, r.CreatedAt)).ToList(),
            result.HasMore));
    }

    private static async Task<Results<Ok<PublicProfileResponse>, NotFound>> PublicProfileAsync(Guid id, OrganizationQueries queries, CancellationToken cancellationToken)
    {
        if (await queries.PublicProfileAsync(id, cancellationToken) is not { } p)
            return TypedResults.NotFound();
        var arabic = AtharCultures.IsArabic(CultureInfo.CurrentUICulture);
        var region = ReferenceData.FindRegion(p.RegionId);
        var city = ReferenceData.FindCity(p.CityId);
        var fields = p.FieldIds.Select(f => ReferenceData.Fields.FirstOrDefault(x => x.Id == f)).Where(f => f is not null).Select(f => arabic ? f!.NameAr : f!.NameEn).ToList();
        return TypedResults.Ok(new PublicProfileResponse(
            p.Id, p.Name.Ar, p.Name.En, p.Name.Current, p.Type, p.RegionId, arabic ? region?.NameAr : region?.NameEn, p.CityId, arabic ? city?.NameAr : city?.NameEn,
            fields, p.ContactEmail, p.ContactPhone is null ? null : OrganizationPhone.ToLocal(p.ContactPhone), p.Website,
            new PublicTotals(p.Opportunities, p.Volunteers, p.VerifiedHours),
            p.Recent.Select(o => new PublicOpportunity(o.Id, o.Title.Current, JsonName(o.Status.ToString()), o.StartDate, o.EndDate, $"/opportunities/{o.Id}")).ToList()));
    }

    private static async Task<Results<Ok<OrganizationResponse>, NotFound>> DetailsAsync(
        Guid id, ClaimsPrincipal user, OrganizationGate gate, OrganizationQueries queries, CancellationToken cancellationToken)
    {
        var (o, access) = await gate.CheckAsync(user, id, OrganizationOperations.View, cancellationToken);
        if (o is null || access != OutcomeKind.Done)
            return TypedResults.NotFound();
        var fields = await queries.FieldIdsAsync(id, cancellationToken);
        return TypedResults.Ok(new OrganizationResponse(
            o.Id, o.Name.Ar, o.Name.En, o.Name.Current, o.Type, o.RegistrationNumber, o.RegionId, o.CityId, fields,
            o.ContactEmail, o.ContactPhone, o.Website, o.Status, o.StatusReason, o.CreatedAt, o.StatusChangedAt));
    }

    private static async Task<Results<Ok<StatusResponse>, NotFound, ForbidHttpResult, ProblemHttpResult, ValidationProblem>> DecideAsync(
        Guid id, OrganizationDecision decision, string? reason, ClaimsPrincipal user, ChangeOrganizationStatus change,
        OrganizationsMessages messages, HttpContext http, CancellationToken cancellationToken)
    {
        var outcome = await change.DecideAsync(user, id, decision, reason, cancellationToken);
        if (outcome.Kind != OutcomeKind.Done)
            return Fail<Ok<StatusResponse>>(outcome, messages, http);
        var db = http.RequestServices.GetRequiredService<Athar.Data.AtharDbContext>();
        var saved = await db.Organizations.AsNoTracking().Where(o => o.Id == id).Select(o => new StatusResponse(o.Id, o.Status, o.StatusReason)).FirstAsync(cancellationToken);
        return TypedResults.Ok(saved);
    }

    private static async Task<Results<Ok<List<MemberResponse>>, NotFound>> MembersAsync(
        Guid id, ClaimsPrincipal user, OrganizationGate gate, OrganizationQueries queries, CancellationToken cancellationToken)
    {
        var (organization, access) = await gate.CheckAsync(user, id, OrganizationOperations.View, cancellationToken);
        if (organization is null || access != OutcomeKind.Done)
            return TypedResults.NotFound();
        var canManage = await gate.CanAsync(user, organization, OrganizationOperations.Manage);
        var members = await queries.MembersAsync(id, cancellationToken);
        return TypedResults.Ok(members.Select(m => new MemberResponse(m.UserId, m.FullName.Current, m.Role, m.JoinedAt, canManage ? m.Email : null)).ToList());
    }

    private static async Task<Results<NoContent, NotFound, ForbidHttpResult, ProblemHttpResult, ValidationProblem>> ChangeRoleAsync(
        Guid id, Guid userId, RoleBody body, ClaimsPrincipal user, ChangeMemberRole change, OrganizationsMessages messages, HttpContext http, CancellationToken cancellationToken)
    {
        var outcome = await change.ChangeAsync(user, id, userId, body.Role, cancellationToken);
        return outcome.Kind == OutcomeKind.Done ? TypedResults.NoContent() : Fail<NoContent>(outcome, messages, http);
    }

    private static async Task<Results<NoContent, NotFound, ForbidHttpResult, ProblemHttpResult, ValidationProblem>> RemoveAsync(
        Guid id, Guid userId, ClaimsPrincipal user, RemoveMember remove, OrganizationsMessages messages, HttpContext http, CancellationToken cancellationToken)
    {
        var outcome = await remove.RemoveAsync(user, id, userId, cancellationToken);
        return outcome.Kind == OutcomeKind.Done ? TypedResults.NoContent() : Fail<NoContent>(outcome, messages, http);
    }

    private static async Task<Results<Ok<List<InvitationResponse>>, NotFound, ForbidHttpResult>> InvitationsAsync(
        Guid id, ClaimsPrincipal user, OrganizationGate gate, OrganizationQueries queries, CancellationToken cancellationToken)
    {
        var (organization, access) = await gate.CheckAsync(user, id, OrganizationOperations.Manage, cancellationToken);
        if (organization is null || access == OutcomeKind.NotFound)
            return TypedResults.NotFound();
        if (access == OutcomeKind.Forbidden)
            return TypedResults.Forbid();
        var rows = await queries.InvitationsAsync(id, cancellationToken);
        return TypedResults.Ok(rows.Select(i => new InvitationResponse(i.Id, i.Contact, i.Role, i.CreatedAt, i.ExpiresAt, i.State)).ToList());
    }

    private static async Task<Results<Created<InvitationResponse>, NotFound, ForbidHttpResult, ProblemHttpResult, ValidationProblem>> InviteAsync(
        Guid id, InvitationInput input, ClaimsPrincipal user, InviteMember invite, OrganizationsMessages messages, HttpContext http,
        Athar.Data.AtharDbContext db, CancellationToken cancellationToken)
    {
        var outcome = await invite.InviteAsync(user, id, input, CultureInfo.CurrentUICulture, cancellationToken);
        if (outcome.Kind != OutcomeKind.Done)
            return Fail<Created<InvitationResponse>>(outcome, messages, http);
        var i = await db.OrganizationInvitations.FindAsync([outcome.Id!.Value], cancellationToken);
        return TypedResults.Created($"/api/v1/organizations/{id}/invitations", new InvitationResponse(i!.Id, i.Contact, i.Role, i.CreatedAt, i.ExpiresAt, InvitationState.Open));
    }

    private static async Task<Results<NoContent, NotFound, ForbidHttpResult, ProblemHttpResult, ValidationProblem>> RevokeAsync(
        Guid id, Guid invitationId, ClaimsPrincipal user, InviteMember invite, OrganizationsMessages messages, HttpContext http, CancellationToken cancellationToken)
    {
        var outcome = await invite.RevokeAsync(user, id, invitationId, cancellationToken);
        return outcome.Kind == OutcomeKind.Done ? TypedResults.NoContent() : Fail<NoContent>(outcome, messages, http);
    }

    private static async Task<Results<Ok<AcceptedResponse>, NotFound, ForbidHttpResult, ProblemHttpResult, ValidationProblem>> AcceptAsync(
        TokenBody body, ClaimsPrincipal user, AcceptInvitation accept, OrganizationsMessages messages, HttpContext http, CancellationToken cancellationToken)
    {
        var outcome = await accept.AcceptAsync(user.RequiredUserId(), body.Token, cancellationToken);
        return outcome.Kind == OutcomeKind.Done ? TypedResults.Ok(new AcceptedResponse(outcome.Id!.Value)) : Fail<Ok<AcceptedResponse>>(outcome, messages, http);
    }

    /// <summary>Every refusal of this feature in one place: its code, its HTTP status and its localised title.</summary>
    private static Results<TDone, NotFound, ForbidHttpResult, ProblemHttpResult, ValidationProblem> Fail<TDone>(Outcome outcome, OrganizationsMessages messages, HttpContext http)
        where TDone : IResult => outcome.Kind switch
    {
        OutcomeKind.NotFound => TypedResults.NotFound(),
        OutcomeKind.Forbidden => TypedResults.Forbid(),
        OutcomeKind.Invalid => messages.Invalid(outcome.Refusal!.Errors!),
        _ => ApiProblems.Refused(http, outcome.Refusal!, StatusFor(outcome.Refusal!.Code), messages.Feature),
    };

    public static int StatusFor(string code) => code switch
    {
        AcceptInvitation.ExpiredCode => StatusCodes.Status410Gone,
        _ => StatusCodes.Status409Conflict,
    };

    private static string JsonName(string name) => string.Concat(char.ToLowerInvariant(name[0]).ToString(), name.AsSpan(1));
}
