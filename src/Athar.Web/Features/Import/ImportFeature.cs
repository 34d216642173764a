using Athar.Data.Import;

namespace Athar.Web.Features.Import;

/// <summary>Bulk import of volunteers, opportunities and hours by organisation admins (/org/{id}/import).</summary>
public static class ImportFeature
{
    public static IServiceCollection AddImportFeature(this IServiceCollection services)
    {
        services.AddScoped<ImportEngine>();
        services.AddSingleton<ImportJobs>();
        services.AddSingleton<RunImport>();
        services.AddScoped<ImportFollowUps>();
        services.AddHostedService<ImportFollowUpJob>();
        return services;
    }
}
