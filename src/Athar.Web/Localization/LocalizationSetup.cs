namespace Athar.Web.Localization;

public static class LocalizationSetup
{
    public static IServiceCollection AddAtharLocalization(this IServiceCollection services)
    {
        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            var configured = AtharCultures.CreateOptions();
            o.DefaultRequestCulture = configured.DefaultRequestCulture;
            o.SupportedCultures = configured.SupportedCultures;
            o.SupportedUICultures = configured.SupportedUICultures;
            o.RequestCultureProviders = configured.RequestCultureProviders;
        });
        services.AddSingleton<Display>();
        return services;
    }
}
