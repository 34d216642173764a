using Athar.Data.Audit;

namespace Athar.Web.Features.Audit;

public static class AuditFeature
{
    public static IServiceCollection AddAuditFeature(this IServiceCollection services)
    {
        services.AddScoped<AuditTrail>();
        services.AddScoped<AuditSealer>();
        services.AddScoped<AuditVerifier>();
        services.AddScoped<AuditQueries>();
        services.AddHostedService<AuditSealingJob>();
        return services;
    }
}
