using Athar.Core.Applications;
using Athar.Core.Attendance;
using Athar.Core.Calendar;
using Athar.Core.Common;
using Athar.Data;
using Athar.Data.Infrastructure;
using Athar.Data.Participation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Athar.Web.Features.Participation;

/// <summary>
/// Check-in and check-out, by a supervisor on the roster or by the volunteer scanning the shift's code.
/// Both are idempotent: a repeated check-in or check-out returns the record as it is. Check-out computes
/// the hours once (unique per attendance) and flags what looks wrong.
/// </summary>
public sealed class RecordAttendance(AtharDbContext db, IOptions<HoursPolicy> policy, TimeProvider clock)
{
    /// <summary>Volunteers may check in this long before the shift starts.</summary>
    public static readonly TimeSpan EarlyCheckIn = TimeSpan.FromMinutes(60);

    public sealed record Result(AttendanceRecord? Attendance, VolunteerHours? Hours, Refusal? Refusal);

    public async Task<Result> CheckInAsync(Guid applicationId, CheckMethod method, Guid? actorId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var existing = await db.Attendance.FirstOrDefaultAsync(a => a.ApplicationId == applicationId, cancellationToken);
        if (existing is not null)
            return new(existing, null, null);

        var row = await (
                from a in db.Applications.AsNoTracking()
                join s in db.Shifts on a.ShiftId equals s.Id
                where a.Id == applicationId
                select new { a.Status, a.VolunteerId, a.ShiftId, s.StartsAt, s.EndsAt })
            .FirstOrDefaultAsync(cancellationToken);
        if (row is null || row.Status != ApplicationStatus.Accepted)
            return Refused("not-accepted");
        if (now < row.StartsAt - EarlyCheckIn)
            return Refused("too-early");
        if (now >= row.EndsAt)
            return Refused("shift-ended");

        var attendance = new AttendanceRecord
        {
            Id = Guid.CreateVersion7(now),
            ApplicationId = applicationId,
            ShiftId = row.ShiftId,
            VolunteerId = row.VolunteerId,
            CheckInAt = now,
            CheckInMethod = method,
            CheckedInBy = actorId,
        };
        db.Attendance.Add(attendance);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return new(attendance, null, null);
        }
        catch (DbUpdateException)
        {
            // A concurrent check-in for the same application won; return it unchanged.
            db.ChangeTracker.Clear();
            return new(await db.Attendance.AsNoTracking().FirstAsync(a => a.ApplicationId == applicationId, cancellationToken), null, null);
        }
    }

    public async Task<Result> CheckOutAsync(Guid applicationId, CheckMethod method, Guid? actorId, CancellationToken cancellationToken = default)
    {
        var attendance = await db.Attendance.FirstOrDefaultAsync(a => a.ApplicationId == applicationId, cancellationToken);
        if (attendance is null)
            return Refused("not-checked-in");
        if (attendance.CheckOutAt is not null)
            return new(attendance, await db.VolunteerHours.AsNoTracking().FirstOrDefaultAsync(h => h.AttendanceId == attendance.Id, cancellationToken), null);

        var now = clock.GetUtcNow();
        attendance.CheckOutAt = now;
        attendance.CheckOutMethod = method;
        attendance.CheckedOutBy = actorId;
        var hours = await ComputeHoursAsync(attendance, now, HoursConcerns.None, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return new(attendance, hours, null);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            var saved = await db.Attendance.AsNoTracking().FirstAsync(a => a.ApplicationId == applicationId, cancellationToken);
            return new(saved, await db.VolunteerHours.AsNoTracking().FirstOrDefaultAsync(h => h.AttendanceId == saved.Id, cancellationToken), null);
        }
    }

    /// <summary>
    /// The volunteer scanned the site's code: the first scan checks in, a later one checks out. A second
    /// scan within a few minutes of checking in is taken as a repeat and changes nothing.
    /// </summary>
    public async Task<Result> ScanAsync(Guid applicationId, Guid volunteerId, CancellationToken cancellationToken = default)
    {
        var attendance = await db.Attendance.AsNoTracking().FirstOrDefaultAsync(a => a.ApplicationId == applicationId, cancellationToken);
        if (attendance is null)
            return await CheckInAsync(applicationId, CheckMethod.QrCode, volunteerId, cancellationToken);
        if (attendance.CheckOutAt is null && clock.GetUtcNow() - attendance.CheckInAt < RepeatScanWindow)
            return new(attendance, null, null);
        return await CheckOutAsync(applicationId, CheckMethod.QrCode, volunteerId, cancellationToken);
    }

    public static readonly TimeSpan RepeatScanWindow = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Closes forgotten check-outs at the shift's end and flags the hours for review. Each record is
    /// claimed with a conditional update, so a supervisor's check-out or another node running the same
    /// job at the same moment can never produce the hours twice.
    /// </summary>
    public async Task<int> CloseForgottenAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var open = await (
                from a in db.Attendance.AsNoTracking()
                join s in db.Shifts on a.ShiftId equals s.Id
                where a.CheckOutAt == null && s.EndsAt <= now
                orderby s.EndsAt
                select new { a.Id, s.EndsAt })
            .Take(200)
            .ToListAsync(cancellationToken);
        var closed = 0;
        foreach (var item in open)
        {
            // Claim and compute in one transaction: the hours exist exactly when the check-out does.
            closed += await db.ExecuteOnceAsync(AttemptStart.ClearTracker, async _ =>
            {
                // A retried attempt must not add the hours a failed attempt already added to the tracker.
                var claimed = await db.Attendance
                    .Where(a => a.Id == item.Id && a.CheckOutAt == null)
                    .ExecuteUpdateAsync(a => a.SetProperty(x => x.CheckOutAt, item.EndsAt).SetProperty(x => x.CheckOutMethod, CheckMethod.Automatic), cancellationToken);
                if (claimed == 0)
                    return 0;
                var attendance = await db.Attendance.AsNoTracking().FirstAsync(a => a.Id == item.Id, cancellationToken);
                await ComputeHoursAsync(attendance, now, HoursConcerns.AutoClosed, cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
                return 1;
            }, cancellationToken);
        }
        return closed;
    }

    private async Task<VolunteerHours> ComputeHoursAsync(AttendanceRecord attendance, DateTimeOffset now, HoursConcerns concerns, CancellationToken cancellationToken)
    {
        var context = await (
                from s in db.Shifts.AsNoTracking()
                join o in db.Opportunities on s.OpportunityId equals o.Id
                where s.Id == attendance.ShiftId
                select new { s.StartsAt, s.EndsAt, s.Date, s.OpportunityId, o.OrganizationId, o.FieldId, o.RegionId })
            .FirstAsync(cancellationToken);

        var attended = HoursCalculator.CreditedMinutes(attendance.CheckInAt, attendance.CheckOutAt!.Value, context.StartsAt, context.EndsAt, now);
        var start = attendance.CheckInAt > context.StartsAt ? attendance.CheckInAt : context.StartsAt;
        var end = start.AddMinutes(attended);

        // The same minutes are never credited twice, even across organisations.
        var others = await (
                from a in db.Attendance.AsNoTracking()
                join h in db.VolunteerHours on a.Id equals h.AttendanceId
                where a.VolunteerId == attendance.VolunteerId && a.Id != attendance.Id && h.Status != HoursStatus.Rejected
                      && a.CheckInAt < end && a.CheckOutAt > start
                select new { a.CheckInAt, CheckOutAt = a.CheckOutAt!.Value, h.OrganizationId })
            .ToListAsync(cancellationToken);
        var credited = HoursCalculator.WithoutOverlap(start, end, others.Select(o => (o.CheckInAt, o.CheckOutAt)));
        if (others.Any(o => o.OrganizationId != context.OrganizationId))
            concerns |= HoursConcerns.OverlapsAnotherOrganization;

        var weekStart = context.Date.AddDays(-6);
        var totals = await db.VolunteerHours.AsNoTracking()
            .Where(h => h.VolunteerId == attendance.VolunteerId && h.Status != HoursStatus.Rejected && h.Date >= weekStart && h.Date <= context.Date)
            .Select(h => new { h.Date, h.CreditedMinutes })
            .ToListAsync(cancellationToken);
        var day = totals.Where(t => t.Date == context.Date).Sum(t => t.CreditedMinutes) + credited;
        var week = totals.Sum(t => t.CreditedMinutes) + credited;
        concerns |= HoursRules.ConcernsFromTotals(day, week, policy.Value);

        var today = DualDate.ToSaudiDate(now);
        var late = HoursRules.IsOutsideApprovalWindow(context.Date, today, policy.Value);
        if (late)
            concerns |= HoursConcerns.LateEntry;

        var hours = new VolunteerHours
        {
            Id = Guid.CreateVersion7(now),
            AttendanceId = attendance.Id,
            VolunteerId = attendance.VolunteerId,
            OrganizationId = context.OrganizationId,
            OpportunityId = context.OpportunityId,
            ShiftId = attendance.ShiftId,
            FieldId = context.FieldId,
            RegionId = context.RegionId,
            Date = context.Date,
            AttendedMinutes = attended,
            CreditedMinutes = credited,
            Status = late ? HoursStatus.UnderReview : HoursStatus.Pending,
            Concerns = concerns,
            CreatedAt = now,
        };
        db.VolunteerHours.Add(hours);
        db.HoursAudit.Add(new HoursAuditEntry
        {
            HoursId = hours.Id,
            ActorId = attendance.CheckedOutBy,
            At = now,
            Action = "computed",
            StatusAfter = hours.Status,
            MinutesAfter = credited,
        });
        return hours;
    }

    private static Result Refused(string code) => new(null, null, new Refusal(code));
}
