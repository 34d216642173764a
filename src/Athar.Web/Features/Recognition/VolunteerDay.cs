using System.Globalization;
using Athar.Core.Attendance;
using Athar.Core.Calendar;
using Athar.Core.Statistics;
using Athar.Data;
using Athar.Data.Recognition;
using Athar.Web.Features.Participation;
using Athar.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Athar.Web.Features.Recognition;

/// <summary>
/// International Volunteer Day (5 December): every volunteer with verified hours dated in that Gregorian year
/// gets one thank-you with their year in numbers — hours, opportunities, organisations and the economic value
/// at the statistics' hourly value. The (volunteer, year) key is written in the notification's transaction, so
/// a second run, a restart or a second node sends nothing twice.
/// </summary>
public sealed class VolunteerDayThanksSender(AtharDbContext db, Notifier notifier, IOptions<HourlyValueOptions> rates, TimeProvider clock, ILogger<VolunteerDayThanksSender> logger)
{
    public const int Month = 12;
    public const int Day = 5;
    private const int Batch = 200;

    public static bool IsVolunteerDay(DateOnly saudiDate) => saudiDate.Month == Month && saudiDate.Day == Day;

    /// <returns>How many thank-yous this run sent.</returns>
    public async Task<int> SendAsync(int year, CancellationToken cancellationToken = default)
    {
        var (from, to) = (new DateOnly(year, 1, 1), new DateOnly(year + 1, 1, 1));
        var sent = 0;
        var skipped = new List<Guid>();
        while (true)
        {
            var due = await db.VolunteerHours.AsNoTracking()
                .Where(h => h.Status == HoursStatus.Approved && h.CreditedMinutes > 0 && h.Date >= from && h.Date < to)
                .Where(h => !db.VolunteerDayThanks.Any(x => x.UserId == h.VolunteerId && x.Year == year))
                .Select(h => h.VolunteerId).Where(id => !skipped.Contains(id)).Distinct().OrderBy(id => id).Take(Batch)
                .ToListAsync(cancellationToken);
            if (due.Count == 0)
                return sent;
            var rows = await db.VolunteerHours.AsNoTracking()
                .Where(h => due.Contains(h.VolunteerId) && h.Status == HoursStatus.Approved && h.CreditedMinutes > 0 && h.Date >= from && h.Date < to)
                .Select(h => new { h.VolunteerId, h.OpportunityId, h.OrganizationId, h.FieldId, h.CreditedMinutes })
                .ToListAsync(cancellationToken);
            foreach (var volunteer in rows.GroupBy(r => r.VolunteerId))
            {
                var minutes = volunteer.Sum(r => (long)r.CreditedMinutes);
                var value = EconomicValue.Compute(volunteer.GroupBy(r => r.FieldId).Select(g => (year, g.Key, g.Sum(r => (long)r.CreditedMinutes))), rates.Value);
                db.VolunteerDayThanks.Add(new VolunteerDayThanks { UserId = volunteer.Key, Year = year, SentAt = clock.GetUtcNow() });
                await notifier.NotifyAsync(volunteer.Key, "VolunteerDayThanks", "/record",
                    year.ToString(CultureInfo.InvariantCulture),
                    Ratios.Hours(minutes).ToString("0.##", CultureInfo.InvariantCulture),
                    volunteer.Select(r => r.OpportunityId).Distinct().Count().ToString(CultureInfo.InvariantCulture),
                    volunteer.Select(r => r.OrganizationId).Distinct().Count().ToString(CultureInfo.InvariantCulture),
                    value.ToString("0.00", CultureInfo.InvariantCulture));
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                    sent++;
                }
                catch (DbUpdateException)
                {
                    // Another node thanked this volunteer a moment ago; its message stands, this one rolled back.
                    db.ChangeTracker.Clear();
                    skipped.Add(volunteer.Key);
                }
            }
            db.ChangeTracker.Clear();
            logger.LogInformation("Volunteer Day {Year}: {Sent} thank-yous sent so far", year, sent);
        }
    }
}

/// <summary>Checks every hour whether it is 5 December in Saudi Arabia, and if so sends what has not been sent.</summary>
public sealed class VolunteerDayJob(IServiceScopeFactory scopes, TimeProvider clock, ILogger<VolunteerDayJob> logger) : PeriodicJob(clock, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromHours(1);

    public override async Task RunOnceAsync(CancellationToken cancellationToken = default)
    {
        var today = DualDate.ToSaudiDate(Clock.GetUtcNow());
        if (!VolunteerDayThanksSender.IsVolunteerDay(today))
            return;
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<VolunteerDayThanksSender>().SendAsync(today.Year, cancellationToken);
    }
}
