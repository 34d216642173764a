namespace Athar.Web.Features.Certificates;

/// <summary>Verifiable documents: participation and training certificates, licence cards, annual statements, the volunteer card, and public verification.</summary>
public static class CertificatesFeature
{
    public static IServiceCollection AddCertificatesFeature(this IServiceCollection services)
    {
        services.AddSingleton<DocumentSeal>();
        services.AddScoped<CertifiedRecords>();
        services.AddScoped<DocumentIssuer>();
        services.AddScoped<DocumentContent>();
        services.AddScoped<DocumentFiles>();
        services.AddScoped<Verification>();
        services.AddScoped<CertificateCatalog>();
        return services;
    }

    public static RouteGroupBuilder MapCertificateEndpoints(this RouteGroupBuilder api) => CertificateEndpoints.Map(api);
}
