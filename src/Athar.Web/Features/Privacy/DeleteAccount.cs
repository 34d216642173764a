using Athar.Data.Accounts;
using Athar.Data.Privacy;
using Microsoft.AspNetCore.Identity;

namespace Athar.Web.Features.Privacy;

/// <summary>The person deletes their own account: their password again, then anonymisation (<see cref="AccountErasure"/>).</summary>
public sealed class DeleteAccount(UserManager<AtharUser> users, AccountErasure erasure, ActivityTracker activity)
{
    public enum Outcome
    {
        Deleted,
        WrongPassword,
        NotConfirmed,
    }

    public async Task<Outcome> DeleteAsync(Guid userId, string? password, bool confirmed, CancellationToken cancellationToken = default)
    {
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null || user.ErasedAt is not null)
            return Outcome.WrongPassword;
        if (string.IsNullOrEmpty(password) || !await users.CheckPasswordAsync(user, password))
            return Outcome.WrongPassword;
        if (!confirmed)
            return Outcome.NotConfirmed;
        await erasure.EraseAsync(userId, userId, AccountErasure.Reason.Request, cancellationToken);
        activity.Forget(userId);
        return Outcome.Deleted;
    }
}
