using Athar.Core.Licensing;

namespace Athar.Web.Features.Licensing;

/// <summary>The three-level volunteer licence: automatic issuance, renewal, suspension and revocation, and the register.</summary>
public static class LicensingFeature
{
    public static IServiceCollection AddLicensingFeature(this IServiceCollection services)
    {
        services.AddOptions<LicensePolicy>().BindConfiguration("Athar:Licenses");
        services.AddScoped<LicenseRegister>();
        services.AddScoped<LicenseIssuer>();
        services.AddScoped<LicenseDecisions>();
        return services;
    }

    public static RouteGroupBuilder MapLicensingEndpoints(this RouteGroupBuilder api) => LicensingEndpoints.Map(api);
}
