using Athar.Core.Common;
using Athar.Data.Privacy;
using Athar.Web.Infrastructure;
using Athar.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

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
        api.MapGet("/me/consent", ConsentStatusAsync).RequireAuthorization()
            .WithName("GetMyConsent").WithSummary("The privacy notice's current version, the version the signed-in person last accepted and when, and whether they must accept again.");
        api.MapPost("/me/consent", AcceptConsentAsync).RequireAuthorization()
            .WithName("AcceptPrivacyNotice").WithSummary("Records the signed-in person's acceptance of the privacy notice; the version sent must be the current one.");
        return api;
    }

    private static async Task<Ok<ConsentStatus>> ConsentStatusAsync(HttpContext context, ConsentGate gate, CancellationToken cancellationToken) =>
        TypedResults.Ok(await gate.StatusAsync(context.User.RequiredUserId(), cancellationToken));

    /// <summary>The version is required so a client cannot accept a notice it did not show: a stale one is refused (409).</summary>
    private static async Task<Results<Ok<ConsentStatus>, ValidationProblem, ProblemHttpResult>> AcceptConsentAsync(
        AcceptConsentRequest request, HttpContext context, ConsentGate gate, IStringLocalizer<PrivacyText> t, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Version))
            return ApiProblems.Invalid(context, [new FieldError(nameof(request.Version), "Consent.VersionRequired")], t);
        if (!string.Equals(request.Version, gate.CurrentVersion, StringComparison.Ordinal))
            return ApiProblems.Refused(context, new Refusal("consent_version_not_current"), StatusCodes.Status409Conflict, t);
        var userId = context.User.RequiredUserId();
        await gate.AcceptAsync(userId, cancellationToken);
        return TypedResults.Ok(await gate.StatusAsync(userId, cancellationToken));
    }

    private static async Task<FileContentHttpResult> MyDataAsync(HttpContext context, PersonalDataExport export, CancellationToken cancellationToken)
    {
        var record = await export.ForAsync(context.User.RequiredUserId(), cancellationToken);
        return TypedResults.File(PersonalDataExport.ToJson(record), "application/json", "athar-my-data.json");
    }
}

/// <summary>POST /api/v1/me/consent: the notice version the client showed the person.</summary>
public sealed record AcceptConsentRequest(string? Version);
