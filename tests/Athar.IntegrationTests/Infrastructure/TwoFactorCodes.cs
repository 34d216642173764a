using Athar.Data.Accounts;
using Athar.Web.Features.Account;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Athar.IntegrationTests.Infrastructure;

public static class TwoFactorCodes
{
    /// <summary>
    /// A code the app will accept for the account the identifier names (one it has not accepted before: codes sign
    /// in once), or null when the account has no two-factor sign-in.
    /// </summary>
    public static async Task<string?> CodeForAsync(this AtharAppFactory app, string identifier)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<SignInLookup>().FindAsync(identifier);
        if (user is null || !user.TwoFactorEnabled)
            return null;
        var key = await scope.ServiceProvider.GetRequiredService<UserManager<AtharUser>>().GetAuthenticatorKeyAsync(user);
        return key is null ? null : Totp.CodeAt(key, await Totp.UnusedStepAsync(user.LastAuthenticatorTimeStep));
    }

    /// <summary>A code the app will accept for the account with this authenticator key (see <see cref="CodeForAsync"/>).</summary>
    public static async Task<string> UnusedCodeAsync(this AtharAppFactory app, Guid userId, string key)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<AtharUser>>().FindByIdAsync(userId.ToString());
        return Totp.CodeAt(key, await Totp.UnusedStepAsync(user!.LastAuthenticatorTimeStep));
    }
}
