using Athar.Data.Accounts;
using Athar.Web.Features.Account;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Athar.IntegrationTests.Infrastructure;

public static class TwoFactorCodes
{
    /// <summary>The current code of the account the identifier names, or null when it has no two-factor sign-in.</summary>
    public static async Task<string?> CodeForAsync(this AtharAppFactory app, string identifier)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<SignInLookup>().FindAsync(identifier);
        if (user is null || !user.TwoFactorEnabled)
            return null;
        var key = await scope.ServiceProvider.GetRequiredService<UserManager<AtharUser>>().GetAuthenticatorKeyAsync(user);
        return key is null ? null : Totp.Code(key);
    }
}
