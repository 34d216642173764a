using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Athar.Data.Accounts;

/// <summary>The one account policy (password, lockout, unique e-mail) for the web app and the CLI alike.</summary>
public static class AtharIdentityPolicy
{
    public static void Apply(IdentityOptions o)
    {
        o.User.RequireUniqueEmail = true;
        // ASVS 5.0 6.2.1 and 6.2.5: a minimum length and no composition rules; no maximum below Identity's own
        // (none), so 64 characters and more, spaces and any Unicode (Arabic included) are accepted as typed.
        // Guessable passwords are refused by GuessablePasswordValidator (added with AddAtharPasswordRules).
        o.Password.RequiredLength = 8;
        o.Password.RequireDigit = false;
        o.Password.RequireLowercase = false;
        o.Password.RequireUppercase = false;
        o.Password.RequireNonAlphanumeric = false;
        o.Password.RequiredUniqueChars = 1;
        o.Lockout.MaxFailedAccessAttempts = 5;
        o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        o.Lockout.AllowedForNewUsers = true;
        o.SignIn.RequireConfirmedAccount = false;
    }

    /// <summary>The password rules beyond Identity's own, for every host that sets passwords (web app and CLI).</summary>
    public static IdentityBuilder AddAtharPasswordRules(this IdentityBuilder identity) =>
        identity.AddPasswordValidator<GuessablePasswordValidator>();
}
