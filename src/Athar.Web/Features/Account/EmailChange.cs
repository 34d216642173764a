using System.ComponentModel.DataAnnotations;
using Athar.Core.Audit;
using Athar.Core.Common;
using Athar.Data;
using Athar.Data.Accounts;
using Athar.Data.Audit;
using Athar.Web.Security;
using Microsoft.AspNetCore.Identity;

namespace Athar.Web.Features.Account;

/// <summary>
/// A signed-in person changes their e-mail address (a sign-in identifier and where reset links go; ASVS 7.5.1):
/// the current password first, then a link to the new address, which changes only when the link is opened, and a
/// notice to the old one (6.3.7-style), so a left-open session cannot quietly take the account over. An address
/// another account uses gets the same answer (no enumeration); that account's owner is told instead.
/// </summary>
public sealed class EmailChange(
    UserManager<AtharUser> users, SignInManager<AtharUser> signIn, AccountMessages messages, AuditTrail audit, AtharDbContext db, SessionTracker sessions)
{
    public async Task<IReadOnlyList<FieldError>> RequestAsync(AtharUser user, string? newEmail, string? currentPassword, HttpContext http)
    {
        var email = newEmail?.Trim() ?? string.Empty;
        if (email.Length == 0)
            return [new FieldError("NewEmail", "Field.Required")];
        if (email.Length > 256 || !new EmailAddressAttribute().IsValid(email))
            return [new FieldError("NewEmail", "Email.Invalid")];
        if (string.IsNullOrEmpty(currentPassword))
            return [new FieldError("CurrentPassword", "Field.Required")];
        // Wrong passwords count towards the sign-in lockout, as on the other changes that need one.
        if (!(await signIn.CheckPasswordSignInAsync(user, currentPassword, lockoutOnFailure: true)).Succeeded)
        {
            http.EmailChangeRefused(user.Id, SecurityRefusal.WrongPassword);
            return [new FieldError("CurrentPassword", "Identity.PasswordMismatch")];
        }
        if (string.Equals(users.NormalizeEmail(email), user.NormalizedEmail, StringComparison.Ordinal))
            return [new FieldError("NewEmail", "EmailChange.SameAddress")];
        var owner = await users.FindByEmailAsync(email);
        if (owner is not null)
            messages.QueueEmailChangeAttempt(owner);
        else
        {
            await messages.QueueEmailChangeConfirmationAsync(user, email);
            messages.QueueEmailChangeNotice(user, email);
        }
        await db.SaveChangesAsync();
        http.EmailChangeRequested(user.Id, addressTaken: owner is not null);
        return [];
    }

    /// <summary>
    /// The link from the new address: the address changes (confirmed), the user name follows it, and every other
    /// session ends (the new security stamp ends them too). False for a wrong, used or expired link, or an address
    /// another account took meanwhile.
    /// </summary>
    public async Task<bool> ConfirmAsync(Guid userId, string? newEmail, string? code, HttpContext http)
    {
        var token = AccountMessages.Decode(code);
        var email = newEmail?.Trim();
        var user = token is null || string.IsNullOrEmpty(email) || email.Length > 256 ? null : await users.FindByIdAsync(userId.ToString());
        if (user is null)
        {
            http.EmailChangeRefused(null, SecurityRefusal.InvalidToken);
            return false;
        }
        var previous = user.Email;
        var result = await users.ChangeEmailAsync(user, email!, token!);
        if (result.Succeeded && string.Equals(user.UserName, previous, StringComparison.OrdinalIgnoreCase))
            result = await users.SetUserNameAsync(user, email);
        if (!result.Succeeded)
        {
            http.EmailChangeRefused(user.Id, SecurityRefusal.InvalidToken);
            return false;
        }
        audit.Record(AuditActions.EmailChanged, "User", user.Id, user.Id, personId: user.Id);
        await db.SaveChangesAsync();
        await sessions.EndOthersAsync(user.Id, http.User.UserId() == user.Id ? SessionTracker.IdOf(http.User) : null);
        http.EmailChanged(user.Id);
        return true;
    }
}
