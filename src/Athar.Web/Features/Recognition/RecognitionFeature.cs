using Athar.Core.Recognition;

namespace Athar.Web.Features.Recognition;

/// <summary>Milestone badges, tiers by lifetime hours, public rankings and the International Volunteer Day thank-you.</summary>
public static class RecognitionFeature
{
    public static IServiceCollection AddRecognitionFeature(this IServiceCollection services)
    {
        services.AddOptions<TierOptions>().BindConfiguration("Athar:Recognition").Validate(TierRules.AreValid, "Athar:Recognition tiers must rise: 0 <= BronzeOver < SilverOver < GoldOver.").ValidateOnStart();
        services.AddScoped<Recognizer>();
        services.AddScoped<RecognitionQueries>();
        services.AddScoped<Rankings>();
        services.AddScoped<VolunteerDayThanksSender>();
        services.AddHostedService<VolunteerDayJob>();
        return services;
    }

    public static RouteGroupBuilder MapRecognitionEndpoints(this RouteGroupBuilder api) => RecognitionEndpoints.Map(api);
}
