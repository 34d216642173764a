namespace Athar.Web.Features.Ideas;

/// <summary>Volunteers' ideas for initiatives, proposed to an organisation, which declines or adopts them as draft opportunities.</summary>
public static class IdeasFeature
{
    public static IServiceCollection AddIdeasFeature(this IServiceCollection services)
    {
        services.AddScoped<ProposeIdea>();
        services.AddScoped<DecideIdea>();
        services.AddScoped<IdeaQueries>();
        return services;
    }

    public static RouteGroupBuilder MapIdeasEndpoints(this RouteGroupBuilder api) => IdeasEndpoints.Map(api);
}
