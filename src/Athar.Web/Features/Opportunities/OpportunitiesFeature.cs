namespace Athar.Web.Features.Opportunities;

/// <summary>The opportunities feature's services and endpoints, registered from AtharServices and AtharPipeline.</summary>
public static class OpportunitiesFeature
{
    public static IServiceCollection AddOpportunitiesFeature(this IServiceCollection services) => services;

    public static RouteGroupBuilder MapOpportunitiesEndpoints(this RouteGroupBuilder api) => api;
}
