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
    }

    private static readonly AtharUser DummyUser = new() { FullNameAr = "-", UserName = "-" };
    private static readonly Lazy<string> DummyHash = new(() => new PasswordHasher<AtharUser>().HashPassword(DummyUser, Guid.NewGuid().ToString()));

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
