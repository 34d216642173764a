namespace Athar.Web.Features.Organizations;

/// <summary>The organizations feature's services and endpoints, registered from AtharServices and AtharPipeline.</summary>
public static class OrganizationsFeature
{
    public static IServiceCollection AddOrganizationsFeature(this IServiceCollection services) => services;

    public static RouteGroupBuilder MapOrganizationsEndpoints(this RouteGroupBuilder api) => api;
}
