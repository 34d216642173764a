using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Athar.Data.Accounts;

/// <summary>
/// Identity's hook for <see cref="PasswordGuessability"/>: UserManager runs it on every password it sets (create,
/// change, reset, add), so registration, the change and reset pages and API, demo data and the CLI all apply it.
/// </summary>
public sealed class GuessablePasswordValidator(AtharDbContext db) : IPasswordValidator<AtharUser>
{
    public async Task<IdentityResult> ValidateAsync(UserManager<AtharUser> manager, AtharUser user, string? password)
    {
        if (string.IsNullOrEmpty(password))
            return IdentityResult.Success; // Identity's own validator reports the length.

        // A registration attaches the volunteer record before the account exists; otherwise it is looked up.
        var nationalId = user.Volunteer?.NationalId
            ?? await db.Volunteers.AsNoTracking().Where(v => v.UserId == user.Id).Select(v => v.NationalId).FirstOrDefaultAsync();
        var context = new PasswordContext([user.FullNameAr, user.FullNameEn], user.Email, nationalId, user.PhoneNumber);

        var describer = manager.ErrorDescriber as AtharIdentityErrorDescriber ?? AtharIdentityErrorDescriber.English;
        return PasswordGuessability.Check(password, context) switch
        {
            PasswordGuessability.Verdict.HasPersonalData => IdentityResult.Failed(describer.PasswordHasPersonalData()),
            PasswordGuessability.Verdict.Guessable => IdentityResult.Failed(describer.PasswordGuessable()),
            _ => IdentityResult.Success,
        };
    }
}

/// <summary>Identity's error describer with the two refusals Identity does not know; the web app's localised describer derives from it.</summary>
public class AtharIdentityErrorDescriber : IdentityErrorDescriber
{
    /// <summary>For hosts without a localised describer (the CLI).</summary>
    public static readonly AtharIdentityErrorDescriber English = new();

    public virtual IdentityError PasswordGuessable() => new()
    {
        Code = nameof(PasswordGuessable),
        Description = "This password is too easy to guess: it is a common or leaked password, or made of common words, dates or keyboard patterns. A few unrelated words make a strong one.",
    };

    public virtual IdentityError PasswordHasPersonalData() => new()
    {
        Code = nameof(PasswordHasPersonalData),
        Description = "The password must not contain your name, e-mail, national ID or mobile number.",
    };
}
