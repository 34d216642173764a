using Athar.Data.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Athar.Web.Security;

/// <summary>
/// Identity's user manager with lockouts on the app's <see cref="TimeProvider"/>: Identity 10 reads the system clock
/// for them (<c>DateTimeOffset.UtcNow</c> in <c>AccessFailedAsync</c> and <c>IsLockedOutAsync</c>; only the
/// security stamp validator takes a TimeProvider), so the lockout window followed a different clock from every other
/// expiry in the app and could not be tested by moving time.
/// </summary>
public sealed class AtharUserManager(
    IUserStore<AtharUser> store,
    IOptions<IdentityOptions> options,
    IPasswordHasher<AtharUser> passwordHasher,
    IEnumerable<IUserValidator<AtharUser>> userValidators,
    IEnumerable<IPasswordValidator<AtharUser>> passwordValidators,
    ILookupNormalizer keyNormalizer,
    IdentityErrorDescriber errors,
    IServiceProvider services,
    ILogger<UserManager<AtharUser>> logger,
    TimeProvider clock)
    : UserManager<AtharUser>(store, options, passwordHasher, userValidators, passwordValidators, keyNormalizer, errors, services, logger)
{
    private IUserLockoutStore<AtharUser> LockoutStore =>
        Store as IUserLockoutStore<AtharUser> ?? throw new NotSupportedException("The user store does not support lockout.");

    public override async Task<bool> IsLockedOutAsync(AtharUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        ThrowIfDisposed();
        return await LockoutStore.GetLockoutEnabledAsync(user, CancellationToken)
            && await LockoutStore.GetLockoutEndDateAsync(user, CancellationToken) >= clock.GetUtcNow();
    }

    public override async Task<IdentityResult> AccessFailedAsync(AtharUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        ThrowIfDisposed();
        // As Identity does: the failure that reaches the limit locks the account and starts the count again.
        if (await LockoutStore.IncrementAccessFailedCountAsync(user, CancellationToken) >= Options.Lockout.MaxFailedAccessAttempts)
        {
            await LockoutStore.SetLockoutEndDateAsync(user, clock.GetUtcNow().Add(Options.Lockout.DefaultLockoutTimeSpan), CancellationToken);
            await LockoutStore.ResetAccessFailedCountAsync(user, CancellationToken);
        }
        return await UpdateUserAsync(user);
    }
}
