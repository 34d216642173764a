using System.Text.Json.Serialization;
using Athar.Core.Accounts;
using Athar.Data.Seeding;
using Athar.Data;
using Athar.Data.Accounts;
using Athar.Data.Infrastructure;
using Athar.Web.Features.Account;
using Athar.Web.Features.Audit;
using Athar.Web.Features.Certificates;
using Athar.Web.Features.Guardian;
using Athar.Web.Features.Opportunities;
using Athar.Web.Features.Organizations;
using Athar.Web.Features.Licensing;
using Athar.Web.Features.Participation;
using Athar.Web.Features.Programs;
using Athar.Web.Features.Ideas;
using Athar.Web.Features.Awards;
using Athar.Web.Features.Training;
using Athar.Web.Features.Statistics;
using Athar.Web.Features.Teams;
using Athar.Web.Features.Recognition;
using Athar.Web.Features.Privacy;
using Athar.Web.Features.Import;
using Athar.Web.Infrastructure.Cluster;
using Athar.Web.Infrastructure.Messaging;
using Athar.Web.Localization;
using Athar.Web.Security;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Athar.Web.Infrastructure;

/// <summary>Service registration, kept out of Program.cs so it stays composition only.</summary>
public static class AtharServices
{
    public static WebApplicationBuilder AddAtharServices(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;

        var database = configuration.GetSection("Athar:Database").Get<DatabaseOptions>() ?? new DatabaseOptions();
        if (configuration.GetConnectionString("Athar") is { Length: > 0 } connectionString)
            database.ConnectionString = connectionString;
        services.AddAtharDatabase(database);

        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<PlatformKeys>();
        PlatformKeyRings.AddTo(services);
        services.Configure<RegistrationPolicy>(configuration.GetSection("Athar:Registration"));
        services.Configure<SmtpOptions>(configuration.GetSection("Athar:Messaging:Smtp"));
        services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(10));

        services.AddAtharLocalization();
        services.AddAtharIdentity(builder.Environment);
        services.AddAtharAuthorization();
        services.AddAtharCluster(configuration);
        services.AddAtharRateLimits(builder.Configuration);

        services.AddAtharKeyRing(configuration);

        services.AddRazorPages(options => options.RootDirectory = "/Features")
            .AddMvcOptions(options =>
            {
                options.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
                options.Filters.Add(new NulRejectingFormFilter());
            })
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)));
        services.AddOptions<MvcOptions>().Configure<IStringLocalizerFactory>(ModelBindingMessages.Localize);

        // Arabic text is written as UTF-8, not as numeric entities: readable and a third of the size.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));

        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = Athar.Web.Security.HostCookies.Antiforgery;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });

        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase));
            o.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
            o.SerializerOptions.Converters.Add(new NulRejectingStringConverter());
        });

        services.AddProblemDetails(o => o.CustomizeProblemDetails = ApiProblems.Customize);
        services.AddExceptionHandler<UnexpectedExceptionHandler>();
        services.AddOpenApi(o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "Athar API";
            doc.Info.Description = "National volunteer-work platform. Authenticate with POST /api/v1/auth/login and send the access token as a Bearer token.";
            return Task.CompletedTask;
        }));
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            // ASVS 3.4.1: every subdomain of the platform's domain is served over HTTPS too.
            o.IncludeSubDomains = true;
        });

        services.AddScoped<RegisterVolunteer>();
        services.AddScoped<GuardianConsents>();
        services.AddScoped<Features.Profile.VolunteerProfile>();
        services.AddScoped<AccountMessages>();
        services.AddScoped<SignInLookup>();
        services.AddScoped<PasswordChange>();
        services.AddScoped<PublicUrls>();
        services.AddHttpContextAccessor();
        services.AddScoped<Outbox>();
        services.AddAtharMessaging();
        services.AddScoped<DemoData>();
        services.AddSingleton<Idempotency.IdempotentRequests>();
        services.AddHostedService<Idempotency.IdempotencyCleanupJob>();
        services.AddOrganizationsFeature();
        services.AddOpportunitiesFeature();
        services.AddSearchCache(configuration);
        services.AddOptions<DashboardCacheOptions>().BindConfiguration("Athar:DashboardCache");
        services.AddSingleton<DashboardCache>();
        services.AddParticipationFeature();
        services.AddLicensingFeature();
        services.AddTrainingFeature();
        services.AddCertificatesFeature();
        services.AddStatisticsFeature();
        services.AddAuditFeature();
        services.AddTeamsFeature();
        services.AddRecognitionFeature();
        services.AddProgramsFeature();
        services.AddIdeasFeature();
        services.AddAwardsFeature();
        services.AddPrivacyFeature();
        services.AddImportFeature();

        return builder;
    }
}
