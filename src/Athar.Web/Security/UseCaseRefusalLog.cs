using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;

namespace Athar.Web.Security;

/// <summary>
/// Logs a refusal decided inside a use case, after the endpoint's policy let the caller in (a team member changing
/// another member's role, a trainee acting on someone else's enrolment…): every such answer is a <c>Forbid()</c>,
/// which reaches the authentication service whatever the scheme (cookie pages and bearer API alike), so it is logged
/// here as AccessForbidden (1030) with the policy <see cref="Policy"/> (ASVS 16.3.2). A refusal of the authorisation
/// middleware is logged by <see cref="AuthorizationRefusalLog"/> and marked, so it is not logged twice.
/// </summary>
public sealed class UseCaseRefusalLog(AuthenticationService inner) : IAuthenticationService
{
    /// <summary>What the log names as the refusing policy: the use case's own rule, not an endpoint policy.</summary>
    public const string Policy = "use-case";

    private static readonly object Logged = new();

    /// <summary>Notes that this request's refusal is already logged (by the authorisation middleware).</summary>
    public static void MarkLogged(HttpContext context) => context.Items[Logged] = true;

    public Task ForbidAsync(HttpContext context, string? scheme, AuthenticationProperties? properties)
    {
        if (context.Items.TryAdd(Logged, true))
            context.AccessForbidden(SecurityEvents.RouteOf(context), Policy, string.Empty);
        return inner.ForbidAsync(context, scheme, properties);
    }

    public Task<AuthenticateResult> AuthenticateAsync(HttpContext context, string? scheme) => inner.AuthenticateAsync(context, scheme);

    public Task ChallengeAsync(HttpContext context, string? scheme, AuthenticationProperties? properties) => inner.ChallengeAsync(context, scheme, properties);

    public Task SignInAsync(HttpContext context, string? scheme, ClaimsPrincipal principal, AuthenticationProperties? properties) =>
        inner.SignInAsync(context, scheme, principal, properties);

    public Task SignOutAsync(HttpContext context, string? scheme, AuthenticationProperties? properties) => inner.SignOutAsync(context, scheme, properties);
}
