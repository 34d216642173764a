namespace Athar.Web.Features.Organizations;

/// <summary>Organisations: registration, verification, staff and invitations, public profiles. Registered from AtharServices and AtharPipeline.</summary>
public static class OrganizationsFeature
{
    public static IServiceCollection AddOrganizationsFeature(this IServiceCollection services)
    {
        services.AddScoped<OrganizationsMessages>();
        services.AddScoped<OrganizationGate>();
        services.AddScoped<OrganizationQueries>();
        services.AddScoped<OrganizationNotifier>();
        services.AddScoped<StaffRoles>();
        services.AddScoped<RegisterOrganization>();
        services.AddScoped<ChangeOrganizationStatus>();
        services.AddScoped<InviteMember>();
        services.AddScoped<AcceptInvitation>();
        services.AddScoped<ChangeMemberRole>();
        services.AddScoped<RemoveMember>();
        return services;
    }

    public static RouteGroupBuilder MapOrganizationsEndpoints(this RouteGroupBuilder api) => OrganizationsEndpoints.Map(api);
}
