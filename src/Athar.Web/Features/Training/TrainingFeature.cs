namespace Athar.Web.Features.Training;

/// <summary>Courses that qualify for the licence tracks: catalogue, sessions with seats, enrolment, results and training hours.</summary>
public static class TrainingFeature
{
    public static IServiceCollection AddTrainingFeature(this IServiceCollection services)
    {
        services.AddScoped<CourseAccess>();
        services.AddScoped<SaveCourse>();
        services.AddScoped<Enrollments>();
        services.AddScoped<TrainingQueries>();
        return services;
    }

    public static RouteGroupBuilder MapTrainingEndpoints(this RouteGroupBuilder api) => TrainingEndpoints.Map(api);
}
