using Athar.Data;
using Athar.Data.Accounts;
using Athar.Web.Localization;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Athar.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;

namespace Athar.Web.Security;

public static class IdentitySetup
{
    /// <summary>The default scheme: a bearer token when the request carries one (API clients), else the cookie (pages).</summary>
    public const string SmartScheme = "Athar";

    public static IServiceCollection AddAtharIdentity(this IServiceCollection services, IWebHostEnvironment environment)
    {
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = SmartScheme;
                o.DefaultChallengeScheme = SmartScheme;
                o.DefaultSignInScheme = IdentityConstants.ApplicationScheme;
            })
            .AddPolicyScheme(SmartScheme, "Cookie or bearer", o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.FirstOrDefault()?.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) == true
                    ? IdentityConstants.BearerScheme
                    : IdentityConstants.ApplicationScheme)
            .AddBearerToken(IdentityConstants.BearerScheme, o =>
            {
                o.BearerTokenExpiration = TimeSpan.FromHours(1);
                o.RefreshTokenExpiration = TimeSpan.FromDays(14);
            })
            .AddIdentityCookies();

        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "athar.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/account/access-denied";
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            // API callers get status codes, never a redirect to an HTML login page.
            o.Events.OnRedirectToLogin = context => ApiAwareRedirect(context, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = context => ApiAwareRedirect(context, StatusCodes.Status403Forbidden);
        });

        services.AddIdentityCore<AtharUser>(AtharIdentityPolicy.Apply)
            .AddAtharPasswordRules()
            .AddRoles<IdentityRole<Guid>>()
            .AddEntityFrameworkStores<AtharDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            // Replaces Identity's authenticator provider: each code signs in once.
            .AddTokenProvider<OneUseAuthenticatorTokenProvider>(TokenOptions.DefaultAuthenticatorProvider)
            .AddClaimsPrincipalFactory<AtharClaimsFactory>()
            .AddErrorDescriber<LocalizedIdentityErrorDescriber>();

        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(5));
        services.Configure<BearerTokenOptions>(IdentityConstants.BearerScheme, _ => { });
        return services;
    }

    private static Task ApiAwareRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.IsApi())
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
