using Athar.Data;
using Athar.Data.Accounts;
using System.Security.Claims;
using Athar.Web.Features.Account;
using Athar.Web.Localization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
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
                IsBearer(context.Request)
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
            o.Cookie.Name = HostCookies.Session;
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
            o.Events.OnSigningIn = context => Sessions(context.HttpContext).AttachToCookieAsync(context.Principal!, context.Properties, context.HttpContext);
            o.Events.OnSigningOut = EndThisSessionAsync;
            var stampCheck = o.Events.OnValidatePrincipal;
            o.Events.OnValidatePrincipal = async context =>
            {
                await stampCheck(context);
                if (context.Principal is not null && !await Sessions(context.HttpContext).IsActiveAsync(context.Principal))
                {
                    context.RejectPrincipal();
                    await context.HttpContext.SignOutAsync(context.Scheme.Name);
                }
            };
        });
        // The cookie between the password and the second step names the account: the same __Host- protection (HostCookies).
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, o =>
        {
            o.Cookie.Name = HostCookies.TwoFactor;
            o.Cookie.Path = "/";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        });
        services.AddOptions<SessionLimits>().BindConfiguration(SessionLimits.Section);
        services.AddSingleton<SessionCache>();
        services.AddScoped<SessionTracker>();

        services.AddIdentityCore<AtharUser>(AtharIdentityPolicy.Apply)
            .AddAtharPasswordRules()
            .AddRoles<IdentityRole<Guid>>()
            .AddEntityFrameworkStores<AtharDbContext>()
            .AddUserManager<AtharUserManager>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            // Replaces Identity's authenticator provider: each code signs in once.
            .AddTokenProvider<OneUseAuthenticatorTokenProvider>(TokenOptions.DefaultAuthenticatorProvider)
            // E-mail change links expire on the app's clock (EmailChangeTokenProvider).
            .AddTokenProvider<EmailChangeTokenProvider>(EmailChangeTokenProvider.Name)
            .AddClaimsPrincipalFactory<AtharClaimsFactory>()
            .AddErrorDescriber<LocalizedIdentityErrorDescriber>();

        services.Configure<IdentityOptions>(o => o.Tokens.ChangeEmailTokenProvider = EmailChangeTokenProvider.Name);
        services.AddScoped<EmailChange>();
        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            o.ValidationInterval = TimeSpan.FromMinutes(5);
            // The stamp check rebuilds the claims from the database; the session id is not there, so carry it over.
            o.OnRefreshingPrincipal = context =>
            {
                if (context.CurrentPrincipal?.FindFirst(SessionTracker.Claim) is { } session && context.NewPrincipal?.Identity is ClaimsIdentity identity
                    && !identity.HasClaim(c => c.Type == SessionTracker.Claim))
                    identity.AddClaim(new Claim(SessionTracker.Claim, session.Value));
                return Task.CompletedTask;
            };
        });
        services.Configure<BearerTokenOptions>(IdentityConstants.BearerScheme, _ => { });
        return services;
    }

    /// <summary>
    /// API requests carry a bearer token, which has no validation event of its own: right after authentication, a
    /// token whose session was ended or outlived its absolute lifetime is treated as no token (401 ProblemDetails).
    /// Cookies are checked in the cookie's own validation event above.
    /// </summary>
    public static IApplicationBuilder UseBearerSessionCheck(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.User.Identity?.IsAuthenticated == true && IsBearer(context.Request)
                && !await Sessions(context).IsActiveAsync(context.User))
                context.User = new ClaimsPrincipal(new ClaimsIdentity());
            await next();
        });

    private static bool IsBearer(HttpRequest request) =>
        request.Headers.Authorization.FirstOrDefault()?.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) == true;

    private static SessionTracker Sessions(HttpContext http) => http.RequestServices.GetRequiredService<SessionTracker>();

    private static async Task EndThisSessionAsync(CookieSigningOutContext context)
    {
        if (SessionTracker.IdOf(context.HttpContext.User) is { } session && context.HttpContext.User.UserId() is { } userId)
            await Sessions(context.HttpContext).EndAsync(userId, session);
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
