using Athar.Core.Identity;
using Athar.Data;
using Athar.Data.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Athar.Web.Features.Account;

/// <summary>
/// People sign in with whatever they remember: e-mail, national ID/iqama, or mobile number.
/// The password check always runs (against a dummy hash when nobody matches) so the answer's
/// timing does not reveal whether an account exists.
/// </summary>
public sealed class SignInLookup(AtharDbContext db, UserManager<AtharUser> users, SignInManager<AtharUser> signIn)
{
    public enum Outcome
    {
        Succeeded,
        Failed,
        LockedOut,
        NotAllowed,

        /// <summary>The password was right; the person must now give an authenticator or recovery code.</summary>
        RequiresTwoFactor,
    }

    private static readonly AtharUser DummyUser = new() { FullNameAr = "-", UserName = "-" };
    private static readonly Lazy<string> DummyHash = new(() => new PasswordHasher<AtharUser>().HashPassword(DummyUser, Guid.NewGuid().ToString()));

    /// <summary>An authenticator or recovery code as typed: spaces and dashes dropped (apps show "123 456").</summary>
    public static string CleanCode(string? code) =>
        (code ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);

    public async Task<AtharUser?> FindAsync(string? identifier)
    {
        var text = Core.Text.ArabicNormalizer.NormalizeDigits(identifier?.Trim() ?? string.Empty);
        if (text.Length == 0 || text.Length > 256)
            return null;
        if (text.Contains('@', StringComparison.Ordinal))
            return await users.FindByEmailAsync(text);
        if (NationalId.TryParse(text, out var id))
            return await db.Users.FirstOrDefaultAsync(u => u.Volunteer != null && u.Volunteer.NationalId == id.Value.Value);
        if (SaudiMobile.Normalize(text) is { } mobile)
        {
            // A mobile number identifies an account only when exactly one account has it.
            var matches = await db.Users.Where(u => u.PhoneNumber == mobile).Take(2).ToListAsync();
            return matches.Count == 1 ? matches[0] : null;
        }
        return null;
    }

    /// <summary>
    /// Cookie sign-in for the pages: the password step, then either the session or (two-factor accounts) the
    /// short-lived two-factor cookie that the second step reads.
    /// </summary>
    public async Task<Outcome> SignInAsync(string? identifier, string? password, bool remember)
    {
        var user = await FindAsync(identifier);
        if (user is null)
        {
            new PasswordHasher<AtharUser>().VerifyHashedPassword(DummyUser, DummyHash.Value, password ?? string.Empty);
            return Outcome.Failed;
        }
        var result = await signIn.PasswordSignInAsync(user, password ?? string.Empty, remember, lockoutOnFailure: true);
        if (result.Succeeded)
            return Outcome.Succeeded;
        if (result.RequiresTwoFactor)
            return Outcome.RequiresTwoFactor;
        return result.IsLockedOut ? Outcome.LockedOut : result.IsNotAllowed ? Outcome.NotAllowed : Outcome.Failed;
    }

    /// <summary>
    /// The second step for API sign-in (no cookie to carry state): an authenticator code or a recovery code
    /// (spent once). Wrong codes count towards the lockout as wrong passwords do.
    /// </summary>
    public async Task<bool> CheckSecondFactorAsync(AtharUser user, string? code, string? recoveryCode)
    {
        var ok = !string.IsNullOrWhiteSpace(code)
            ? await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, CleanCode(code))
            : !string.IsNullOrWhiteSpace(recoveryCode) && (await users.RedeemTwoFactorRecoveryCodeAsync(user, recoveryCode.Trim())).Succeeded;
        if (!ok)
            await users.AccessFailedAsync(user);
        return ok;
    }

    public async Task<(Outcome Outcome, AtharUser? User)> CheckAsync(string? identifier, string? password)
    {
        var user = await FindAsync(identifier);
        if (user is null)
        {
            new PasswordHasher<AtharUser>().VerifyHashedPassword(DummyUser, DummyHash.Value, password ?? string.Empty);
            return (Outcome.Failed, null);
        }
        var result = await signIn.CheckPasswordSignInAsync(user, password ?? string.Empty, lockoutOnFailure: true);
        if (result.Succeeded)
            return (Outcome.Succeeded, user);
        if (result.IsLockedOut)
            return (Outcome.LockedOut, null);
        return (result.IsNotAllowed ? Outcome.NotAllowed : Outcome.Failed, null);
    }
}
