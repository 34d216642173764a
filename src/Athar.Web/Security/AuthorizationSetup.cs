using Microsoft.AspNetCore.Authorization;

namespace Athar.Web.Security;

public static class AuthorizationSetup
{
    public static IServiceCollection AddAtharAuthorization(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            // Deny by default: anything not marked AllowAnonymous needs a signed-in user.
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.Volunteer, p => p.RequireRole(Policies.RolesByPolicy[Policies.Volunteer]))
            .AddPolicy(Policies.OrganizationStaff, p => p.RequireRole(Policies.RolesByPolicy[Policies.OrganizationStaff]))
            .AddPolicy(Policies.RegionalSupervisor, p => p.RequireRole(Policies.RolesByPolicy[Policies.RegionalSupervisor]))
            .AddPolicy(Policies.PlatformAdmin, p => p.RequireRole(Policies.RolesByPolicy[Policies.PlatformAdmin]))
            .AddPolicy(Policies.Oversight, p => p.RequireRole(Policies.RolesByPolicy[Policies.Oversight]))
            .AddPolicy(Policies.OrganizationWork, p => p.RequireRole(Policies.RolesByPolicy[Policies.OrganizationWork]));

        services.AddScoped<IAuthorizationHandler, OrganizationAccessHandler>();
        return services;
    }
}
