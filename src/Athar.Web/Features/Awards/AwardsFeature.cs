namespace Athar.Web.Features.Awards;

/// <summary>The annual national volunteering award: cycles, judges, nominations, scores, winners, honours and certificates.</summary>
public static class AwardsFeature
{
    public static IServiceCollection AddAwardsFeature(this IServiceCollection services)
    {
        services.AddScoped<AwardCycles>();
        services.AddScoped<AwardResults>();
        services.AddScoped<Nominations>();
        services.AddScoped<Judging>();
        services.AddScoped<AwardCertificates>();
        services.AddScoped<AwardPublication>();
        return services;
    }

    public static RouteGroupBuilder MapAwardsEndpoints(this RouteGroupBuilder api) => AwardsEndpoints.Map(api);

    public static IEndpointRouteBuilder MapAwardCertificateDownloads(this IEndpointRouteBuilder app) => AwardsEndpoints.MapDownloads(app);
}
