using Athar.Core.Applications;
using Athar.Data;
using Athar.Data.Infrastructure;
using Athar.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Athar.Web.Features.Participation;

/// <summary>
/// Background work that must survive restarts: day-before shift reminders (marked as sent in the same
/// transaction as the message, so never twice) and closing forgotten check-outs at the shift's end.
/// </summary>
public sealed class ParticipationJobs(IServiceScopeFactory scopes, TimeProvider clock, ILogger<ParticipationJobs> logger) : PeriodicJob(clock, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromMinutes(1);

    public override async Task RunOnceAsync(CancellationToken cancellationToken = default)
    {
        await using (var scope = scopes.CreateAsyncScope())
            await SendRemindersAsync(scope.ServiceProvider, cancellationToken);
        await using (var scope = scopes.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<RecordAttendance>().CloseForgottenAsync(cancellationToken);
    }

    private async Task SendRemindersAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<AtharDbContext>();
        var notifier = services.GetRequiredService<Notifier>();
        var now = Clock.GetUtcNow();
        var horizon = now.AddHours(24);
        var due = await (
                from a in db.Applications.AsNoTracking()
                join s in db.Shifts on a.ShiftId equals s.Id
                join o in db.Opportunities on a.OpportunityId equals o.Id
                where a.Status == ApplicationStatus.Accepted && a.ReminderSentAt == null && s.StartsAt > now && s.StartsAt <= horizon
                orderby s.StartsAt
                select new { a.Id, a.VolunteerId, o.Title, s.Date, s.StartTime })
            .Take(200)
            .ToListAsync(cancellationToken);
        foreach (var item in due)
        {
            // Claimed with a conditional update in the message's transaction: sent once, even with several nodes.
            await db.ExecuteOnceAsync(AttemptStart.ForgetAdded, async _ =>
            {
                var claimed = await db.Applications
                    .Where(a => a.Id == item.Id && a.ReminderSentAt == null)
                    .ExecuteUpdateAsync(a => a.SetProperty(x => x.ReminderSentAt, now), cancellationToken);
                if (claimed == 0)
                    return;
                await notifier.NotifyAsync(item.VolunteerId, "ShiftReminder", "/me/applications",
                    Notifier.Bilingual(item.Title),
                    item.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                    item.StartTime.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture));
                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
            }, cancellationToken);
        }
    }
}
