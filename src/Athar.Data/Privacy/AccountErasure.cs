using Athar.Core.Audit;
using Athar.Core.Privacy;
using Athar.Data.Audit;
using Microsoft.EntityFrameworkCore;

namespace Athar.Data.Privacy;

/// <summary>
/// Erases a person (PDPL right to destruction) while keeping what they did: the account row and the volunteer
/// record stay, so verified hours, applications, licences and the statistics built on them are unchanged, but
/// every field that identifies or contacts the person is removed or replaced by a value that carries nothing of
/// them. Gender, home region and city and the month of birth stay: the indicators are cut by them (ADR 0015).
/// The account can never sign in again. One transaction, with its audit entry.
/// </summary>
public sealed class AccountErasure(AtharDbContext db, AuditTrail audit, TimeProvider clock)
{
    public enum Reason
    {
        /// <summary>The person deleted their own account.</summary>
        Request,

        /// <summary>The inactivity retention period ran out.</summary>
        Retention,
    }

    /// <returns>False when there is no such account or it was erased already.</returns>
    public async Task<bool> EraseAsync(Guid userId, Guid? actorId, Reason reason, CancellationToken cancellationToken = default)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var now = clock.GetUtcNow();
            // Claimed by a conditional update: a second request, job run or node finds nothing left to erase.
            var claimed = await db.Users.Where(u => u.Id == userId && u.ErasedAt == null)
                .ExecuteUpdateAsync(u => u.SetProperty(x => x.ErasedAt, now), cancellationToken);
            if (claimed == 0)
                return false;
            var user = await db.Users.Include(u => u.Volunteer).FirstAsync(u => u.Id == userId, cancellationToken);

            user.FullNameAr = Anonymisation.ErasedNameAr;
            user.FullNameEn = Anonymisation.ErasedNameEn;
            // The user name stays unique and says nothing; no e-mail or phone is left to find or message the person by.
            user.UserName = "erased-" + user.Id.ToString("N");
            user.NormalizedUserName = user.UserName.ToUpperInvariant();
            user.Email = null;
            user.NormalizedEmail = null;
            user.EmailConfirmed = false;
            user.PhoneNumber = null;
            user.PhoneNumberConfirmed = false;
            user.PasswordHash = null;
            user.TwoFactorEnabled = false;
            user.LockoutEnabled = true;
            user.LockoutEnd = DateTimeOffset.MaxValue;
            // A new stamp ends every other signed-in session at its next validation.
            user.SecurityStamp = Guid.NewGuid().ToString("N");
            user.ConcurrencyStamp = Guid.NewGuid().ToString();
            user.RetentionWarnedAt = null;

            if (user.Volunteer is { } volunteer)
            {
                volunteer.NationalId = await FreshNationalIdPlaceholderAsync(cancellationToken);
                volunteer.BirthDate = Anonymisation.CoarseBirthDate(volunteer.BirthDate);
                volunteer.Skills = null;
                volunteer.Education = null;
                volunteer.Profession = null;
            }

            // Rows that exist only to reach or describe the person, or a third party (the guardian), go entirely.
            await db.GuardianConsents.Where(g => g.VolunteerId == userId).ExecuteDeleteAsync(cancellationToken);
            await db.Notifications.Where(n => n.UserId == userId).ExecuteDeleteAsync(cancellationToken);
            await db.OutboxMessages.Where(m => m.UserId == userId).ExecuteDeleteAsync(cancellationToken);
            await db.RankingConsents.Where(r => r.UserId == userId).ExecuteDeleteAsync(cancellationToken);
            await db.UserLogins.Where(l => l.UserId == userId).ExecuteDeleteAsync(cancellationToken);
            await db.UserTokens.Where(t => t.UserId == userId).ExecuteDeleteAsync(cancellationToken);
            await db.UserClaims.Where(c => c.UserId == userId).ExecuteDeleteAsync(cancellationToken);
            // Device labels and sign-in times say when and on what the person used the platform: personal, and of no use once the account is gone.
            await db.UserSessions.Where(s => s.UserId == userId).ExecuteDeleteAsync(cancellationToken);

            audit.Record(AuditActions.AccountErased, "User", userId, actorId, personId: userId,
                detail: AuditTrail.Detail(("reason", reason == Reason.Request ? "request" : "retention")));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return true;
        });
    }

    private async Task<string> FreshNationalIdPlaceholderAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var candidate = Anonymisation.NationalIdPlaceholder();
            if (!await db.Volunteers.AnyAsync(v => v.NationalId == candidate, cancellationToken))
                return candidate;
        }
    }
}
