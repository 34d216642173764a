using Athar.Core.Identity;
using Athar.Data;
using Athar.Data.Accounts;
using Athar.Web.Security;
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
            return Refused(null, SignInMethod.Password, SecurityRefusal.UnknownAccount);
        }
        var wasLockedOut = await users.IsLockedOutAsync(user);
        var result = await signIn.PasswordSignInAsync(user, password ?? string.Empty, remember, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            signIn.Context.SignInSucceeded(user.Id, SignInMethod.Password);
            return Outcome.Succeeded;
        }
        if (result.RequiresTwoFactor)
        {
            signIn.Context.SecondFactorRequired(user.Id);
            return Outcome.RequiresTwoFactor;
        }
        await RecordFailureAsync(user, SignInMethod.Password, wasLockedOut, result.IsNotAllowed);
        return result.IsLockedOut ? Outcome.LockedOut : result.IsNotAllowed ? Outcome.NotAllowed : Outcome.Failed;
    }

    /// <summary>
    /// The second step on the pages: the six digits of the authenticator, or a recovery code (spent once), for the
    /// account the two-factor cookie names.
    /// </summary>
    public async Task<SignInResult> SecondStepAsync(AtharUser user, string? typed, bool remember)
    {
        var code = CleanCode(typed);
        var method = code.Length == 6 && code.All(char.IsAsciiDigit) ? SignInMethod.Authenticator : SignInMethod.RecoveryCode;
        var wasLockedOut = await users.IsLockedOutAsync(user);
        var result = method == SignInMethod.Authenticator
            ? await signIn.TwoFactorAuthenticatorSignInAsync(code, remember, rememberClient: false)
            : code.Length > 0 ? await signIn.TwoFactorRecoveryCodeSignInAsync(typed!.Trim()) : SignInResult.Failed;
        if (result.Succeeded)
            signIn.Context.SignInSucceeded(user.Id, method);
        else
            await RecordFailureAsync(user, method, wasLockedOut, notAllowed: false);
        return result;
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
        var method = !string.IsNullOrWhiteSpace(code) ? SignInMethod.Authenticator : SignInMethod.RecoveryCode;
        if (ok)
        {
            signIn.Context.SignInSucceeded(user.Id, method);
            return true;
        }
        var wasLockedOut = await users.IsLockedOutAsync(user);
        await users.AccessFailedAsync(user);
        await RecordFailureAsync(user, method, wasLockedOut, notAllowed: false);
        return false;
    }

    /// <summary>
    /// The password step for API sign-in. A success is logged as a sign-in only for accounts without two-factor
    /// sign-in; the others are logged at their second step (<see cref="CheckSecondFactorAsync"/>).
    /// </summary>
    public async Task<(Outcome Outcome, AtharUser? User)> CheckAsync(string? identifier, string? password)
    {
        var user = await FindAsync(identifier);
        if (user is null)
        {
            new PasswordHasher<AtharUser>().VerifyHashedPassword(DummyUser, DummyHash.Value, password ?? string.Empty);
            return (Refused(null, SignInMethod.Password, SecurityRefusal.UnknownAccount), null);
        }
        var wasLockedOut = await users.IsLockedOutAsync(user);
        var result = await signIn.CheckPasswordSignInAsync(user, password ?? string.Empty, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            if (user.TwoFactorEnabled)
                signIn.Context.SecondFactorRequired(user.Id);
            else
                signIn.Context.SignInSucceeded(user.Id, SignInMethod.Password);
            return (Outcome.Succeeded, user);
        }
        await RecordFailureAsync(user, SignInMethod.Password, wasLockedOut, result.IsNotAllowed);
        if (result.IsLockedOut)
            return (Outcome.LockedOut, null);
        return (result.IsNotAllowed ? Outcome.NotAllowed : Outcome.Failed, null);
    }

    private Outcome Refused(Guid? userId, SignInMethod method, SecurityRefusal reason)
    {
        signIn.Context.SignInFailed(userId, method, reason);
        return Outcome.Failed;
    }

    /// <summary>
    /// A refused step: locked before it (the attempt was not even checked), or wrong, and then perhaps the attempt
    /// that locked the account, which is its own event so an alert can follow lockouts alone.
    /// </summary>
    private async Task RecordFailureAsync(AtharUser user, SignInMethod method, bool wasLockedOut, bool notAllowed)
    {
        var reason = wasLockedOut ? SecurityRefusal.LockedOut
            : notAllowed ? SecurityRefusal.NotAllowed
            : method == SignInMethod.Password ? SecurityRefusal.WrongPassword : SecurityRefusal.WrongSecondFactor;
        signIn.Context.SignInFailed(user.Id, method, reason);
        if (!wasLockedOut && await users.IsLockedOutAsync(user))
            signIn.Context.AccountLockedOut(user.Id, method);
    }
}
