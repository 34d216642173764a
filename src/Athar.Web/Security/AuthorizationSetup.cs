using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Athar.Web.Security;

public static class AuthorizationSetup
{
    public static IServiceCollection AddAtharAuthorization(this IServiceCollection services)
    {
        var twoFactorForAdmins = new TwoFactorForAdminsRequirement();
        var signedIn = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().AddRequirements(twoFactorForAdmins).Build();
        var builder = services.AddAuthorizationBuilder()
            // Deny by default: anything not marked AllowAnonymous needs a signed-in user ([Authorize] alone means the same).
            .SetFallbackPolicy(signedIn)
            .SetDefaultPolicy(signedIn)
            // The two-factor set-up page itself: signed in, two-factor not yet required.
            .AddPolicy(Policies.SettingUpTwoFactor, p => p.RequireAuthenticatedUser());
        foreach (var (policy, roles) in Policies.RolesByPolicy)
            builder.AddPolicy(policy, p => p.RequireRole(roles).AddRequirements(twoFactorForAdmins));

        services.AddScoped<IAuthorizationHandler, OrganizationAccessHandler>();
        // Every refusal is logged as a security event before the two-factor redirect or the 401/403 answers it.
        services.AddSingleton<IAuthorizationMiddlewareResultHandler>(new AuthorizationRefusalLog(new TwoFactorSetupRedirect()));
        services.Configure<MvcOptions>(o => o.Filters.Add(new AntiforgeryRefusalLog()));
        // ...and so is a use case's own Forbid(), whatever the scheme: the authentication service is wrapped.
        services.AddScoped<AuthenticationService>();
        services.Replace(ServiceDescriptor.Scoped<IAuthenticationService, UseCaseRefusalLog>());
        return services;
    }
}
