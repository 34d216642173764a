using System.Runtime.CompilerServices;
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

    /// <summary>
    /// A second factor for the helpers that only need a two-factor account signed in: one of the account's recovery
    /// codes (each spent once), issued in batches through Identity and handed out one by one. An authenticator code
    /// signs in once per 30-second step, so tests signing the platform admin in again and again waited up to 30 s
    /// each; the authenticator itself is tested by TwoFactorTests and SecurityEventTests. Null for accounts without
    /// two-factor sign-in.
    /// </summary>
    public static async Task<string?> RecoveryCodeForAsync(this AtharAppFactory app, string identifier)
    {
        var book = RecoveryCodeBooks.GetOrCreateValue(app);
        await book.Lock.WaitAsync();
        try
        {
            await using var scope = app.Services.CreateAsyncScope();
            var user = await scope.ServiceProvider.GetRequiredService<SignInLookup>().FindAsync(identifier);
            if (user is null || !user.TwoFactorEnabled)
                return null;
            if (!book.Codes.TryGetValue(user.Id, out var codes) || codes.Count == 0)
            {
                var users = scope.ServiceProvider.GetRequiredService<UserManager<AtharUser>>();
                book.Codes[user.Id] = codes = new Queue<string>(await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 40) ?? []);
            }
            return codes.Dequeue();
        }
        finally
        {
            book.Lock.Release();
        }
    }

    /// <summary>
    /// Drops the recovery codes handed out so far for every account of this app: a test that set up two-factor
    /// sign-in again replaced them, and the next <see cref="RecoveryCodeForAsync"/> issues a new batch.
    /// </summary>
    public static void ForgetRecoveryCodes(this AtharAppFactory app)
    {
        var book = RecoveryCodeBooks.GetOrCreateValue(app);
        book.Lock.Wait();
        book.Codes.Clear();
        book.Lock.Release();
    }

    private static readonly ConditionalWeakTable<AtharAppFactory, RecoveryCodeBook> RecoveryCodeBooks = [];

    private sealed class RecoveryCodeBook
    {
        public SemaphoreSlim Lock { get; } = new(1, 1);

        public Dictionary<Guid, Queue<string>> Codes { get; } = [];
    }
}
