namespace Athar.Web.Features.Teams;

/// <summary>Volunteer teams: organisations create them and appoint a licensed leader; volunteers join; leaders apply as a team.</summary>
public static class TeamsFeature
{
    public static IServiceCollection AddTeamsFeature(this IServiceCollection services)
    {
        services.AddScoped<TeamAccess>();
        services.AddScoped<ManageTeam>();
        services.AddScoped<TeamMembership>();
        services.AddScoped<ApplyAsTeam>();
        services.AddScoped<TeamQueries>();
        return services;
    }

    public static RouteGroupBuilder MapTeamsEndpoints(this RouteGroupBuilder api) => TeamsEndpoints.Map(api);
}
