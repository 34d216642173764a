using Athar.Core.Accounts;
using Athar.Data.Accounts;
using Athar.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using System.Security.Claims;

namespace Athar.Web.Security;

/// <summary>
/// Platform admins must have two-factor sign-in switched on before anything but the set-up page opens for them.
/// Part of every signed-in policy, so no page or endpoint can forget it; ADR 0014.
/// </summary>
public sealed class TwoFactorForAdminsRequirement : IAuthorizationRequirement, IAuthorizationHandler
{
    public const string Claim = "athar:2fa";

    public Task HandleAsync(AuthorizationHandlerContext context)
    {
        var user = context.User;
        if (!user.IsInRole(Roles.PlatformAdmin) || user.HasClaim(Claim, "on"))
            context.Succeed(this);
        return Task.CompletedTask;
    }
}

/// <summary>Adds the two-factor claim the requirement reads, so no request needs the database to check it.</summary>
public sealed class AtharClaimsFactory(UserManager<AtharUser> users, RoleManager<IdentityRole<Guid>> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AtharUser, IdentityRole<Guid>>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AtharUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.TwoFactorEnabled)
            identity.AddClaim(new Claim(TwoFactorForAdminsRequirement.Claim, "on"));
        return identity;
    }
}

/// <summary>A page refused only for want of two-factor sign-in sends the admin to set it up, then back.</summary>
public sealed class TwoFactorSetupRedirect : IAuthorizationMiddlewareResultHandler
{
    public const string SetupPath = "/profile/two-factor";

    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden && !context.Request.IsApi()
            && authorizeResult.AuthorizationFailure?.FailedRequirements.OfType<TwoFactorForAdminsRequirement>().Any() == true)
        {
            var back = context.Request.PathBase + context.Request.Path + context.Request.QueryString;
            context.Response.Redirect($"{SetupPath}?returnUrl={Uri.EscapeDataString(back)}");
            return Task.CompletedTask;
        }
        return _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
