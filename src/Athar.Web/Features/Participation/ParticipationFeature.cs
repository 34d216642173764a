namespace Athar.Web.Features.Participation;

/// <summary>The participation feature's services and endpoints, registered from AtharServices and AtharPipeline.</summary>
public static class ParticipationFeature
{
    public static IServiceCollection AddParticipationFeature(this IServiceCollection services) => services;

    public static RouteGroupBuilder MapParticipationEndpoints(this RouteGroupBuilder api) => api;
}
