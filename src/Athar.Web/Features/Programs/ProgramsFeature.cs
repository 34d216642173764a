using Athar.Data.Programs;

namespace Athar.Web.Features.Programs;

/// <summary>Programs with targets and live progress, and initiatives with partner organisations.</summary>
public static class ProgramsFeature
{
    public static IServiceCollection AddProgramsFeature(this IServiceCollection services)
    {
        services.AddScoped<ProgramAccess>();
        services.AddScoped<SaveProgram>();
        services.AddScoped<LinkOpportunity>();
        services.AddScoped<ProgramQueries>();
        services.AddScoped<ScopeIndicators>();
        services.AddScoped<Initiatives>();
        return services;
    }

    public static RouteGroupBuilder MapProgramsEndpoints(this RouteGroupBuilder api) => InitiativesEndpoints.Map(ProgramsEndpoints.Map(api));
}
