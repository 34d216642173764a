using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Athar.Web.Security;

/// <summary>
/// Logs every refusal of the authorisation middleware (ASVS 16.3.2) as a security event, then lets the wrapped
/// handler answer as before (the two-factor set-up redirect, else 401/403). Object-level refusals happen later,
/// inside the features, and are logged there (<see cref="SecurityEvents.ObjectAccessRefused"/>); a use case's own
/// <c>Forbid()</c> is logged by <see cref="UseCaseRefusalLog"/>.
/// </summary>
public sealed class AuthorizationRefusalLog(IAuthorizationMiddlewareResultHandler inner) : IAuthorizationMiddlewareResultHandler
{
    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden)
        {
            context.AccessForbidden(SecurityEvents.RouteOf(context), PolicyOf(context), FailedRequirements(authorizeResult));
            UseCaseRefusalLog.MarkLogged(context);
        }
        else if (authorizeResult.Challenged)
            context.AccessChallenged(SecurityEvents.RouteOf(context), PolicyOf(context));
        return inner.HandleAsync(next, context, policy, authorizeResult);
    }

    /// <summary>The policy names and roles the endpoint declares; none means the fallback (signed in).</summary>
    private static string PolicyOf(HttpContext context)
    {
        var declared = context.GetEndpoint()?.Metadata.GetOrderedMetadata<IAuthorizeData>() ?? [];
        var names = declared.Select(a => a.Policy ?? (a.Roles is { } roles ? "roles:" + roles : null)).OfType<string>().Distinct().ToList();
        return names.Count > 0 ? string.Join(',', names) : "signed-in";
    }

    private static string FailedRequirements(PolicyAuthorizationResult result) =>
        result.AuthorizationFailure is { } failure
            ? string.Join(',', failure.FailedRequirements.Select(r => r.GetType().Name).Concat(failure.FailureReasons.Select(r => r.Message)).Distinct())
            : string.Empty;
}

/// <summary>
/// Logs a page form refused for a missing or wrong antiforgery token (ASVS 16.3.3). The antiforgery filter answers
/// 400 from an authorisation filter, which skips ordinary result filters; always-run result filters still see it.
/// </summary>
public sealed class AntiforgeryRefusalLog : IAlwaysRunResultFilter
{
    public void OnResultExecuting(ResultExecutingContext context)
    {
        if (context.Result is Microsoft.AspNetCore.Mvc.Core.Infrastructure.IAntiforgeryValidationFailedResult)
            context.HttpContext.AntiforgeryRejected();
    }

    public void OnResultExecuted(ResultExecutedContext context)
    {
    }
}
