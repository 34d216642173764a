using System.Globalization;
using Athar.Core.Accounts;
using Athar.Core.Calendar;
using Athar.Data;
using Athar.Data.Accounts;
using Athar.Data.Infrastructure;
using Athar.Data.Privacy;
using Athar.Web.Features.Participation;
using Athar.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Athar.Web.Features.Privacy;

/// <summary>
/// The retention period for inactive volunteer accounts: a warning <see cref="PrivacyOptions.RetentionWarning"/>
/// before the period ends, then anonymisation through <see cref="AccountErasure"/>. An account is anonymised only
/// after a warning given for its current stretch of inactivity has had its full notice; a visit in between starts
/// the count again. Staff and admin accounts are never swept: removing them is a decision for people.
/// </summary>
public sealed class InactiveAccounts(AtharDbContext db, AccountErasure erasure, Notifier notifier, IOptions<PrivacyOptions> options, TimeProvider clock)
{
    public const string WarningKind = "RetentionWarning";
    private const int Batch = 200;

    public sealed record Outcome(int Warned, int Erased);

    public async Task<Outcome> SweepAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var (retention, notice) = (options.Value.InactiveAccountRetention, options.Value.RetentionWarning);
        var warned = 0;
        var warnBefore = now - (retention - notice);
        while (true)
        {
            var due = await Sweepable().Where(u => (u.LastSeenAt ?? u.CreatedAt) < warnBefore && (u.RetentionWarnedAt == null || u.RetentionWarnedAt < (u.LastSeenAt ?? u.CreatedAt)))
                .OrderBy(u => u.Id).Select(u => new { u.Id, LastActive = u.LastSeenAt ?? u.CreatedAt }).Take(Batch).ToListAsync(cancellationToken);
            if (due.Count == 0)
                break;
            foreach (var person in due)
                warned += await WarnAsync(person.Id, person.LastActive + retention, now, cancellationToken) ? 1 : 0;
        }

        var erased = 0;
        var (eraseBefore, warnedBy) = (now - retention, now - notice);
        var skipped = new List<Guid>();
        while (true)
        {
            var due = await Sweepable()
                .Where(u => (u.LastSeenAt ?? u.CreatedAt) < eraseBefore && u.RetentionWarnedAt != null && u.RetentionWarnedAt >= (u.LastSeenAt ?? u.CreatedAt) && u.RetentionWarnedAt <= warnedBy)
                .Where(u => !skipped.Contains(u.Id))
                .OrderBy(u => u.Id).Select(u => u.Id).Take(Batch).ToListAsync(cancellationToken);
            if (due.Count == 0)
                break;
            foreach (var id in due)
            {
                if (await erasure.EraseAsync(id, null, AccountErasure.Reason.Retention, cancellationToken))
                    erased++;
                else
                    skipped.Add(id);
            }
        }
        return new Outcome(warned, erased);
    }

    /// <summary>Volunteer accounts that are nothing else: no organisation membership and no other role.</summary>
    private IQueryable<AtharUser> Sweepable()
    {
        var volunteerRole = db.Roles.Where(r => r.Name == Roles.Volunteer).Select(r => r.Id);
        return db.Users.Where(u => u.ErasedAt == null && u.Volunteer != null
            && !db.OrganizationMembers.Any(m => m.UserId == u.Id)
            && !db.UserRoles.Any(r => r.UserId == u.Id && !volunteerRole.Contains(r.RoleId)));
    }

    private async Task<bool> WarnAsync(Guid userId, DateTimeOffset eraseFrom, DateTimeOffset now, CancellationToken cancellationToken)
    {
        return await db.ExecuteOnceAsync(AttemptStart.ForgetAdded, async _ =>
        {
            // Claimed in the notification's transaction: one warning per stretch of inactivity, whatever the nodes do.
            var claimed = await db.Users
                .Where(u => u.Id == userId && u.ErasedAt == null && (u.RetentionWarnedAt == null || u.RetentionWarnedAt < (u.LastSeenAt ?? u.CreatedAt)))
                .ExecuteUpdateAsync(u => u.SetProperty(x => x.RetentionWarnedAt, now), cancellationToken);
            if (claimed == 0)
                return false;
            var day = DualDate.ToSaudiDate(eraseFrom < now + options.Value.RetentionWarning ? now + options.Value.RetentionWarning : eraseFrom);
            await notifier.NotifyAsync(userId, WarningKind, "/", day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return true;
        }, cancellationToken);
    }
}

/// <summary>Runs the retention sweep every hour.</summary>
public sealed class InactiveAccountsJob(IServiceScopeFactory scopes, TimeProvider clock, ILogger<InactiveAccountsJob> logger) : PeriodicJob(clock, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromHours(1);

    public override async Task RunOnceAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<InactiveAccounts>().SweepAsync(cancellationToken);
        if (outcome.Warned + outcome.Erased > 0)
            Logger.LogInformation("Retention: {Warned} inactive accounts warned, {Erased} anonymised", outcome.Warned, outcome.Erased);
    }
}
