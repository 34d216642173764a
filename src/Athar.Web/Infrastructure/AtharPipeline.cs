using Athar.Web.Features.Account;
using Athar.Web.Features.Audit;
using Athar.Web.Features.Certificates;
using Athar.Web.Features.Language;
using Athar.Web.Features.Opportunities;
using Athar.Web.Features.Organizations;
using Athar.Web.Features.Licensing;
using Athar.Web.Features.Participation;
using Athar.Web.Features.Programs;
using Athar.Web.Features.Ideas;
using Athar.Web.Features.Awards;
using Athar.Web.Features.Training;
using Athar.Web.Features.Profile;
using Athar.Web.Features.Reference;
using Athar.Web.Features.Statistics;
using Athar.Web.Features.Teams;
using Athar.Web.Features.Recognition;
using Athar.Web.Features.Privacy;
using Athar.Web.Infrastructure.Cluster;
using Athar.Web.Security;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Builder;
using Scalar.AspNetCore;

namespace Athar.Web.Infrastructure;

public static class AtharPipeline
{
    public static WebApplication UseAtharPipeline(this WebApplication app)
    {
        app.UseAtharCluster();
        app.UsePlainNamesOverHttp();
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = "/error",
            StatusCodeSelector = UnexpectedExceptionHandler.StatusFor,
        });
        if (!app.Environment.IsDevelopment())
            app.UseHsts();
        // Pages get a friendly error page; API callers get ProblemDetails for bare status codes (401, 404, ...).
        app.UseWhen(context => !context.Request.IsApi(), branch => branch.UseStatusCodePagesWithReExecute("/error/{0}"));
        app.UseWhen(context => context.Request.IsApi(), branch => branch.UseStatusCodePages());
        app.UseAtharSecurityHeaders();
        app.UseNoStoreForSignedInResponses();
        app.UseRequestLocalization();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseBearerSessionCheck();
        app.UsePrivacyActivityTracking();
        app.UseAuthorization();
        app.UseAccountRateLimits();
        // After authentication and localisation: the search cache serves only anonymous visitors and varies by culture.
        app.UseOutputCache();
        app.UseAntiforgery();
        // Before idempotency: a consent refusal must not claim the caller's Idempotency-Key.
        ConsentGate.UseApiConsentGate(app);
        app.UseMiddleware<Idempotency.IdempotencyMiddleware>();
        return app;
    }

    public static WebApplication MapAtharEndpoints(this WebApplication app)
    {
        app.MapStaticAssets().AllowAnonymous();
        app.MapRazorPages().WithStaticAssets();

        app.MapHealthChecks("/health", new HealthCheckOptions()).AllowAnonymous();
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapScalarApiReference(SecurityHeaders.ApiReferencePath, o => o
                .WithTitle("Athar API")
                .DisableDefaultFonts()
                .WithOpenApiRoutePattern("/openapi/{documentName}.json"))
            .AllowAnonymous();

        var api = app.MapGroup("/api/v1");
        api.MapAccountEndpoints();
        api.MapProfileEndpoints();
        api.MapReferenceEndpoints();
        api.MapOrganizationsEndpoints();
        api.MapOpportunitiesEndpoints();
        api.MapParticipationEndpoints();
        api.MapLicensingEndpoints();
        api.MapTrainingEndpoints();
        api.MapCertificateEndpoints();
        api.MapStatisticsEndpoints();
        api.MapAuditEndpoints();
        api.MapTeamsEndpoints();
        api.MapRecognitionEndpoints();
        api.MapProgramsEndpoints();
        api.MapIdeasEndpoints();
        api.MapAwardsEndpoints();
        api.MapPrivacyEndpoints();
        StatisticsEndpoints.MapExports(app);
        app.MapLanguageEndpoints();
        app.MapCertificateDownloads();
        app.MapAwardCertificateDownloads();

        // Unknown addresses are 404 for everyone (not a sign-in redirect from the fallback policy).
        app.MapFallback(() => TypedResults.NotFound()).AllowAnonymous().ExcludeFromDescription();
        return app;
    }
}
