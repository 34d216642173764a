using Athar.Web.Features.Account;
using Athar.Web.Features.Language;
using Athar.Web.Features.Profile;
using Athar.Web.Features.Reference;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Scalar.AspNetCore;

namespace Athar.Web.Infrastructure;

public static class AtharPipeline
{
    public static WebApplication UseAtharPipeline(this WebApplication app)
    {
        app.UseExceptionHandler("/error");
        if (!app.Environment.IsDevelopment())
            app.UseHsts();
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseAtharSecurityHeaders();
        app.UseRequestLocalization();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        return app;
    }

    public static WebApplication MapAtharEndpoints(this WebApplication app)
    {
        app.MapStaticAssets().AllowAnonymous();
        app.MapRazorPages().WithStaticAssets();

        app.MapHealthChecks("/health", new HealthCheckOptions()).AllowAnonymous();
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapScalarApiReference("/api-docs", o => o
                .WithTitle("Athar API")
                .WithOpenApiRoutePattern("/openapi/{documentName}.json"))
            .AllowAnonymous();

        var api = app.MapGroup("/api/v1");
        api.MapAccountEndpoints();
        api.MapProfileEndpoints();
        api.MapReferenceEndpoints();
        app.MapLanguageEndpoints();
        return app;
    }
}
