using System.Security.Claims;
using Athar.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Athar.Web.Features.Account;

/// <summary>The signed-in person's own sessions: list them, end one. Another person's session id answers 404.</summary>
public static class SessionsEndpoints
{
    public static RouteGroupBuilder MapSessionsEndpoints(this RouteGroupBuilder api)
    {
        var sessions = api.MapGroup("/me/sessions").WithTags("Accounts").RequireAuthorization();

        sessions.MapGet("", ListAsync)
            .WithName("ListMySessions")
            .WithSummary("The signed-in person's open sessions (browsers and API tokens): device, start, last seen; current marks the one making this request.");

        sessions.MapDelete("/{id:guid}", EndAsync)
            .WithName("EndMySession")
            .WithSummary("Ends one of the signed-in person's sessions: its cookie, or its access and refresh token, stop working within a minute (at once on this node).");

        return api;
    }

    private static async Task<Results<Ok<IReadOnlyList<SessionItem>>, NotFound>> ListAsync(ClaimsPrincipal user, SessionTracker tracker)
    {
        if (user.UserId() is not { } userId)
            return TypedResults.NotFound();
        return TypedResults.Ok(await tracker.ListAsync(userId, SessionTracker.IdOf(user)));
    }

    private static async Task<Results<NoContent, NotFound>> EndAsync(Guid id, ClaimsPrincipal user, SessionTracker tracker, HttpContext http)
    {
        if (user.UserId() is not { } userId || !await tracker.EndOwnAsync(http, userId, id))
            return TypedResults.NotFound();
        return TypedResults.NoContent();
    }
}
