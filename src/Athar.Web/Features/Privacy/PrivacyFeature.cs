using Athar.Data.Privacy;
using Athar.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Athar.Web.Features.Privacy;

/// <summary>Personal-data rights (PDPL): consent to the notice's version, download, deletion, retention, staff access log.</summary>
public static class PrivacyFeature
{
    public static IServiceCollection AddPrivacyFeature(this IServiceCollection services)
    {
        services.AddOptions<PrivacyOptions>().BindConfiguration("Athar:Privacy")
            .Validate(PrivacyOptions.AreValid, "Athar:Privacy: RetentionWarning must be positive and shorter than InactiveAccountRetention.").ValidateOnStart();
        services.AddSingleton<ConsentGate>();
        services.AddSingleton<ActivityTracker>();
        services.AddScoped<AccountErasure>();
        services.AddScoped<PersonalDataAccessLog>();
        services.AddScoped<PersonalDataExport>();
        services.AddScoped<DeleteAccount>();
        services.AddScoped<InactiveAccounts>();
        services.AddHostedService<InactiveAccountsJob>();
        services.AddOptions<Microsoft.AspNetCore.Mvc.MvcOptions>().Configure(o => o.Filters.Add<ConsentGate.Filter>());
        return services;
    }

    public static RouteGroupBuilder MapPrivacyEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/me/data", MyDataAsync).RequireAuthorization()
            .WithName("DownloadMyData").WithSummary("Everything Athar holds about the signed-in person (PDPL right of access), as JSON.");
        return api;
    }

    private static async Task<FileContentHttpResult> MyDataAsync(HttpContext context, PersonalDataExport export, CancellationToken cancellationToken)
    {
        var record = await export.ForAsync(context.User.RequiredUserId(), cancellationToken);
        return TypedResults.File(PersonalDataExport.ToJson(record), "application/json", "athar-my-data.json");
    }
}
