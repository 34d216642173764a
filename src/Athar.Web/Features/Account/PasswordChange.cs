using Athar.Core.Audit;
using Athar.Core.Common;
using Athar.Data;
using Athar.Data.Accounts;
using Athar.Data.Audit;
using Microsoft.AspNetCore.Identity;

namespace Athar.Web.Features.Account;

/// <summary>
/// A signed-in person changes their own password, knowing the current one. Identity renews the security stamp,
/// so every other cookie or refresh token fails its next stamp check; their session records are ended too (ASVS
/// 7.4.3), so they leave the person's list at once and stop working on every node within the session cache's
/// minute. The caller's own session (<paramref name="keep"/>) stays; the page re-issues its cookie.
/// The owner is e-mailed, so a change they did not make does not go unnoticed, and the change is audited.
/// </summary>
public sealed class PasswordChange(UserManager<AtharUser> users, AccountMessages messages, AuditTrail audit, AtharDbContext db, SessionTracker sessions)
{
    public async Task<IReadOnlyList<FieldError>> ChangeAsync(AtharUser user, string? currentPassword, string? newPassword, string? confirmation, Guid? keep)
    {
        if (!string.Equals(newPassword, confirmation, StringComparison.Ordinal))
            return [new FieldError("ConfirmPassword", "Password.ConfirmMismatch")];
        var result = await users.ChangePasswordAsync(user, currentPassword ?? string.Empty, newPassword ?? string.Empty);
        if (!result.Succeeded)
            return result.Errors.Select(ToFieldError).ToList();
        audit.Record(AuditActions.PasswordChanged, "User", user.Id, user.Id, personId: user.Id);
        messages.QueuePasswordChanged(user);
        await db.SaveChangesAsync();
        await sessions.EndOthersAsync(user.Id, keep);
        return [];
    }

    private FieldError ToFieldError(IdentityError error)
    {
        var password = users.Options.Password;
        return error.Code switch
        {
            // Identity's name for a wrong current password.
            nameof(IdentityErrorDescriber.PasswordMismatch) => new FieldError("CurrentPassword", "Identity.PasswordMismatch"),
            nameof(IdentityErrorDescriber.PasswordTooShort) => new FieldError("NewPassword", "Identity.PasswordTooShort", password.RequiredLength),
            nameof(IdentityErrorDescriber.PasswordRequiresUniqueChars) => new FieldError("NewPassword", "Identity.PasswordRequiresUniqueChars", password.RequiredUniqueChars),
            _ => new FieldError("NewPassword", $"Identity.{error.Code}"),
        };
    }
}
