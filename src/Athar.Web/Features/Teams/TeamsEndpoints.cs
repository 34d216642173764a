using System.Security.Claims;
using Athar.Core.Applications;
using Athar.Core.Teams;
using Athar.Web.Features.Organizations;
using Athar.Web.Infrastructure;
using Athar.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Athar.Web.Features.Teams;

public static class TeamsEndpoints
{
    public sealed class TeamBody
    {
        public string? NameAr { get; set; }
        public string? NameEn { get; set; }
        public string? DescriptionAr { get; set; }
        public string? DescriptionEn { get; set; }
        public int? RegionId { get; set; }
        public int? CityId { get; set; }
        public string? Neighbourhood { get; set; }
        public string? LeaderEmail { get; set; }

        public TeamInput ToInput() => new()
        {
            NameAr = NameAr, NameEn = NameEn, DescriptionAr = DescriptionAr, DescriptionEn = DescriptionEn,
            RegionId = RegionId, CityId = CityId, Neighbourhood = Neighbourhood,
        };
    }

    public sealed record LeaderBody(string? LeaderEmail);

    public sealed record InviteBody(string? Email);

    public sealed record RoleBody(TeamRole Role);

    public sealed record TeamApplicationBody(Guid ShiftId, List<Guid>? MemberIds);

    public sealed record Created(Guid Id);

    public sealed record MemberResponse(Guid UserId, string NameAr, string? NameEn, TeamRole Role, TeamMemberState State);

    public sealed record OpportunityResponse(Guid OpportunityId, string TitleAr, string? TitleEn, int Applications, DateOnly LastShift);

    public sealed record TeamResponse(
        Guid Id, string NameAr, string? NameEn, string? DescriptionAr, string? DescriptionEn, Guid OrganizationId, int RegionId, int CityId, string? Neighbourhood,
        Guid LeaderUserId, bool LeaderLicenceValid, bool Closed, decimal VerifiedHours, IReadOnlyList<string> Achievements,
        IReadOnlyList<MemberResponse> Members, IReadOnlyList<MemberResponse> Pending, IReadOnlyList<OpportunityResponse> Opportunities,
        TeamRole? MyRole, TeamMemberState? MyState);

    public sealed record CardResponse(Guid Id, string NameAr, string? NameEn, string OrganizationAr, string? OrganizationEn, int RegionId, int CityId, string? Neighbourhood, int Members);

    public sealed record MemberApplicationResponse(Guid UserId, ApplicationStatus? Status, string? RefusalCode, string? Refusal);

    public static RouteGroupBuilder Map(RouteGroupBuilder api)
    {
        var teams = api.MapGroup("/").WithTags("Teams").RequireAuthorization();
        teams.MapGet("/teams", DirectoryAsync).WithName("ListTeams").WithSummary("Open teams of verified organisations; q searches names, neighbourhood and city (Arabic-normalised).");
        teams.MapGet("/teams/{id:guid}", TeamAsync).WithName("GetTeam").WithSummary("A team: members (names only), opportunities, verified team hours, achievements.");
        teams.MapGet("/me/teams", (ClaimsPrincipal user, TeamQueries queries, CancellationToken ct) => queries.MineAsync(user.RequiredUserId(), ct))
            .WithName("ListMyTeams").WithSummary("The signed-in person's teams, invitations and requests.");
        teams.MapPost("/organizations/{id:guid}/teams", CreateAsync).WithName("CreateTeam").WithSummary("An organisation's admin creates a team and appoints its licensed leader.");
        teams.MapPut("/teams/{id:guid}/leader", ChangeLeaderAsync).WithName("ChangeTeamLeader").WithSummary("Appoints another leader (who must hold a valid team-leadership licence).");
        teams.MapPost("/teams/{id:guid}/close", CloseAsync).WithName("CloseTeam").WithSummary("Closes the team; it stops counting as active.");
        teams.MapPost("/teams/{id:guid}/join", (Guid id, ClaimsPrincipal user, TeamAccess access, TeamMembership membership, HttpContext http, IStringLocalizer<TeamsText> t, CancellationToken ct) =>
            ActAsync(id, user, access, http, t, c => membership.RequestAsync(c, ct), ct)).WithName("RequestToJoinTeam").WithSummary("Asks to join; the leader or a deputy decides.");
        teams.MapPost("/teams/{id:guid}/invitations", (Guid id, InviteBody body, ClaimsPrincipal user, TeamAccess access, TeamMembership membership, HttpContext http, IStringLocalizer<TeamsText> t, CancellationToken ct) =>
            ActAsync(id, user, access, http, t, c => membership.InviteAsync(c, body.Email, ct), ct)).WithName("InviteToTeam").WithSummary("The leader or a deputy invites a volunteer by e-mail.");
        teams.MapPost("/teams/{id:guid}/invitation/accept", (Guid id, ClaimsPrincipal user, TeamAccess access, TeamMembership membership, HttpContext http, IStringLocalizer<TeamsText> t, CancellationToken ct) =>
            ActAsync(id, user, access, http, t, c => membership.AnswerInvitationAsync(c, true, ct), ct)).WithName("AcceptTeamInvitation").WithSummary("The invited volunteer joins.");
        teams.MapPost("/teams/{id:guid}/invitation/decline", (Guid id, ClaimsPrincipal user, TeamAccess access, TeamMembership membership, HttpContext http, IStringLocalizer<TeamsText> t, CancellationToken ct) =>
            ActAsync(id, user, access, http, t, c => membership.AnswerInvitationAsync(c, false, ct), ct)).WithName("DeclineTeamInvitation").WithSummary("The invited volunteer declines.");
        teams.MapPost("/teams/{id:guid}/requests/{userId:guid}/accept", (Guid id, Guid userId, ClaimsPrincipal user, TeamAccess access, TeamMembership membership, HttpContext http, IStringLocalizer<TeamsText> t, CancellationToken ct) =>
            ActAsync(id, user, access, http, t, c => membership.DecideRequestAsync(c, userId, true, ct), ct)).WithName("AcceptTeamRequest").WithSummary("The leader or a deputy accepts a request to join.");
        teams.MapPost("/teams/{id:guid}/requests/{userId:guid}/decline", (Guid id, Guid userId, ClaimsPrincipal user, TeamAccess access, TeamMembership membership, HttpContext http, IStringLocalizer<TeamsText> t, CancellationToken ct) =>
            ActAsync(id, user, access, http, t, c => membership.DecideRequestAsync(c, userId, false, ct), ct)).WithName("DeclineTeamRequest").WithSummary("The leader or a deputy declines a request to join.");
        teams.MapPost("/teams/{id:guid}/leave", (Guid id, ClaimsPrincipal user, TeamAccess access, TeamMembership membership, HttpContext http, IStringLocalizer<TeamsText> t, CancellationToken ct) =>
            ActAsync(id, user, access, http, t, c => membership.LeaveAsync(c, ct), ct)).WithName("LeaveTeam").WithSummary("A member leaves (the leader is replaced first).");
        teams.MapPost("/teams/{id:guid}/members/{userId:guid}/remove", (Guid id, Guid userId, ClaimsPrincipal user, TeamAccess access, TeamMembership membership, HttpContext http, IStringLocalizer<TeamsText> t, CancellationToken ct) =>
            ActAsync(id, user, access, http, t, c => membership.RemoveAsync(c, userId, ct), ct)).WithName("RemoveTeamMember").WithSummary("The leader, a deputy or the organisation's admin removes a member.");
        teams.MapPut("/teams/{id:guid}/members/{userId:guid}/role", (Guid id, Guid userId, RoleBody body, ClaimsPrincipal user, TeamAccess access, TeamMembership membership, HttpContext http, IStringLocalizer<TeamsText> t, CancellationToken ct) =>
            ActAsync(id, user, access, http, t, c => membership.SetRoleAsync(c, userId, body.Role, ct), ct)).WithName("SetTeamMemberRole").WithSummary("The leader names a deputy or makes a deputy a member again.");
        teams.MapPost("/teams/{id:guid}/applications", ApplyAsync).WithName("ApplyAsTeam")
            .WithSummary("Applies selected members to a shift: one individual application each, every individual rule and the seat limit applying; the answer says what happened to each.");
        return api;
    }

    private static async Task<Ok<List<CardResponse>>> DirectoryAsync(string? q, int? regionId, TeamQueries queries, CancellationToken ct) =>
        TypedResults.Ok((await queries.DirectoryAsync(q, regionId, ct))
            .Select(c => new CardResponse(c.Id, c.Name.Ar, c.Name.En, c.Organization.Ar, c.Organization.En, c.RegionId, c.CityId, c.Neighbourhood, c.Members)).ToList());

    private static async Task<Results<Ok<TeamResponse>, NotFound>> TeamAsync(Guid id, ClaimsPrincipal user, TeamAccess access, TeamQueries queries, CancellationToken ct)
    {
        if (await access.LoadAsync(user, id, ct) is not { } context)
            return TypedResults.NotFound();
        var d = await queries.DetailsAsync(context, ct);
        var team = context.Team;
        static MemberResponse Member(TeamQueries.Person p) => new(p.UserId, p.Name.Ar, p.Name.En, p.Role, p.State);
        return TypedResults.Ok(new TeamResponse(
            team.Id, team.Name.Ar, team.Name.En, team.DescriptionAr, team.DescriptionEn, team.OrganizationId, team.RegionId, team.CityId, team.Neighbourhood,
            team.LeaderUserId, d.LeaderLicenceValid, context.IsClosed, Core.Statistics.Ratios.Hours(d.TeamMinutes), d.Milestones.Select(m => m.ToString()).ToList(),
            d.Members.Select(Member).ToList(), d.Pending.Select(Member).ToList(),
            d.Opportunities.Select(o => new OpportunityResponse(o.OpportunityId, o.Title.Ar, o.Title.En, o.Applications, o.LastShift)).ToList(),
            context.Role, context.State));
    }

    private static async Task<Results<Created<Created>, NotFound, ForbidHttpResult, ProblemHttpResult, ValidationProblem>> CreateAsync(
        Guid id, TeamBody body, ClaimsPrincipal user, ManageTeam manage, HttpContext http, IStringLocalizer<TeamsText> t, CancellationToken ct)
    {
        var outcome = await manage.CreateAsync(user, id, body.ToInput(), body.LeaderEmail, ct);
        return outcome.Kind == OutcomeKind.Done ? TypedResults.Created($"/api/v1/teams/{outcome.Id}", new Created(outcome.Id!.Value)) : Fail<Created<Created>>(outcome, http, t);
    }

    private static async Task<Results<NoContent, NotFound, ForbidHttpResult, ProblemHttpResult, ValidationProblem>> ChangeLeaderAsync(
        Guid id, LeaderBody body, ClaimsPrincipal user, TeamAccess access, ManageTeam manage, HttpContext http, IStringLocalizer<TeamsText> t, CancellationToken ct) =>
        await ActAsync(id, user, access, http, t, c => manage.ChangeLeaderAsync(user, c, body.LeaderEmail, ct), ct);

    private static async Task<Results<NoContent, NotFound, ForbidHttpResult, ProblemHttpResult, ValidationProblem>> CloseAsync(
        Guid id, ClaimsPrincipal user, TeamAccess access, ManageTeam manage, HttpContext http, IStringLocalizer<TeamsText> t, CancellationToken ct) =>
        await ActAsync(id, user, access, http, t, c => manage.CloseAsync(c, ct), ct);

    private static async Task<Results<Ok<List<MemberApplicationResponse>>, NotFound, ForbidHttpResult, ProblemHttpResult, ValidationProblem>> ApplyAsync(
        Guid id, TeamApplicationBody body, ClaimsPrincipal user, TeamAccess access, ApplyAsTeam apply, HttpContext http,
        IStringLocalizer<TeamsText> t, IStringLocalizer<Participation.ParticipationText> participation, CancellationToken ct)
    {
        if (await access.LoadAsync(user, id, ct) is not { } context)
            return TypedResults.NotFound();
        var result = await apply.ApplyAsync(context, body.ShiftId, body.MemberIds ?? [], ct);
        if (result.Outcome.Kind != OutcomeKind.Done)
            return Fail<Ok<List<MemberApplicationResponse>>>(result.Outcome, http, t);
        return TypedResults.Ok(result.Members
            .Select(m => new MemberApplicationResponse(m.UserId, m.Status, m.RefusalCode, m.RefusalCode is null ? null : MemberRefusal(t, participation, m.RefusalCode)))
            .ToList());
    }

    /// <summary>Why a member was not applied, said about them (not to them); falls back to the participation wording.</summary>
    public static string MemberRefusal(IStringLocalizer teams, IStringLocalizer participation, string code)
    {
        var text = teams[$"MemberRefusal.{code}"];
        return text.ResourceNotFound ? participation[$"Refusal.{code}"] : text;
    }

    private static async Task<Results<NoContent, NotFound, ForbidHttpResult, ProblemHttpResult, ValidationProblem>> ActAsync(
        Guid id, ClaimsPrincipal user, TeamAccess access, HttpContext http, IStringLocalizer<TeamsText> t, Func<TeamContext, Task<Outcome>> act, CancellationToken ct)
    {
        if (await access.LoadAsync(user, id, ct) is not { } context)
            return TypedResults.NotFound();
        var outcome = await act(context);
        return outcome.Kind == OutcomeKind.Done ? TypedResults.NoContent() : Fail<NoContent>(outcome, http, t);
    }

    private static Results<TDone, NotFound, ForbidHttpResult, ProblemHttpResult, ValidationProblem> Fail<TDone>(Outcome outcome, HttpContext http, IStringLocalizer t)
        where TDone : IResult => outcome.Kind switch
    {
        OutcomeKind.NotFound => TypedResults.NotFound(),
        OutcomeKind.Forbidden => TypedResults.Forbid(),
        OutcomeKind.Invalid => ApiProblems.Invalid(http, outcome.Refusal!.Errors!, t),
        _ => ApiProblems.Refused(http, outcome.Refusal!, StatusCodes.Status409Conflict, t),
    };
}
