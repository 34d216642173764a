using Athar.Core.Attendance;

namespace Athar.Web.Features.Participation;

/// <summary>Applications, attendance, verified hours, the volunteer's record and notifications.</summary>
public static class ParticipationFeature
{
    public static IServiceCollection AddParticipationFeature(this IServiceCollection services)
    {
        services.AddOptions<HoursPolicy>().BindConfiguration("Athar:Hours");
        services.AddScoped<Notifier>();
        services.AddScoped<Seats>();
        services.AddScoped<ApplyToShift>();
        services.AddScoped<DecideApplication>();
        services.AddScoped<RecordAttendance>();
        services.AddScoped<ReviewHours>();
        services.AddScoped<StaffAccess>();
        services.AddScoped<ParticipationQueries>();
        services.AddScoped<MessageVolunteers>();
        services.AddSingleton<NotificationTexts>();
        services.AddSingleton<CheckInCodes>();
        services.AddHostedService<ParticipationJobs>();
        services.AddSingleton<SeatCountJob>();
        services.AddHostedService(sp => sp.GetRequiredService<SeatCountJob>());
        return services;
    }

    public static RouteGroupBuilder MapParticipationEndpoints(this RouteGroupBuilder api) => ParticipationEndpoints.Map(api);
}
