using Athar.Core.Applications;
using Athar.Core.Attendance;
using Athar.Core.Import;
using Athar.Core.Opportunities;
using Athar.Data.Opportunities;
using Athar.Data.Participation;
using Microsoft.EntityFrameworkCore;

namespace Athar.Data.Import;

/// <summary>
/// Attendance hours as the organisation attests them (ADR 0013). Each row becomes what a supervised
/// shift would have produced: an accepted application, an attendance record and hours, on a "record"
/// shift of that opportunity and date (00:00–23:59 Saudi time, one per date, its seats equal to the
/// people recorded on it). The hours follow the rules of recorded hours: the organisation's import is its
/// approval within the approval window (Approved, decided by the importing admin); older hours wait for a
/// platform-level review (UnderReview, LateEntry), as late attendance does; implausible daily or weekly
/// totals are flagged for the regional supervisor. Hours already recorded for the same volunteer,
/// opportunity and date are skipped, so an import never counts a day twice.
/// </summary>
internal static class HoursImport
{
    public static readonly TimeOnly RecordShiftStart = new(0, 0);
    public static readonly TimeOnly RecordShiftEnd = new(23, 59);

    private sealed record OpportunityFacts(Guid Id, DateOnly StartDate, DateOnly EndDate, int FieldId, int RegionId);

    private sealed record Planned(HoursRow Row, Guid VolunteerId, OpportunityFacts Opportunity, HoursStatus Status, HoursConcerns Concerns);

    public static async Task<ImportPlan> PlanAsync(ImportContext context, List<ImportRow> rows, List<ImportProblem> problems, CancellationToken cancellationToken)
    {
        var db = context.Db;
        var organizationId = context.Organization.Id;
        var opportunities = await db.Opportunities.AsNoTracking().Where(o => o.OrganizationId == organizationId && o.Status != OpportunityStatus.Cancelled)
            .Select(o => new OpportunityFacts(o.Id, o.StartDate, o.EndDate, o.FieldId, o.RegionId)).ToDictionaryAsync(o => o.Id, cancellationToken);
        var references = (await db.OpportunityReferences.AsNoTracking().Where(r => r.OrganizationId == organizationId).ToListAsync(cancellationToken))
            .ToDictionary(r => r.Reference, r => r.OpportunityId, StringComparer.OrdinalIgnoreCase);

        var parsed = new List<HoursRow>();
        foreach (var row in rows)
        {
            if (ImportRowRules.Hours(row, context.Today, problems) is { } hours)
                parsed.Add(hours);
        }
        var volunteers = await context.VolunteersAsync(parsed.Select(h => h.NationalId.Value), cancellationToken);

        var resolved = new List<(HoursRow Row, Guid VolunteerId, OpportunityFacts Opportunity)>();
        var seen = new Dictionary<(Guid, Guid, DateOnly), int>();
        foreach (var hours in parsed)
        {
            var count = problems.Count;
            if (!volunteers.TryGetValue(hours.NationalId.Value, out var volunteer))
                problems.Add(new ImportProblem(hours.Row, "national_id", "Hours.VolunteerUnknown"));
            var opportunity = FindOpportunity(hours.OpportunityReference, references, opportunities);
            if (opportunity is null)
                problems.Add(new ImportProblem(hours.Row, "opportunity", "Opportunity.Unknown"));
            else if (hours.Date < opportunity.StartDate || hours.Date > opportunity.EndDate)
                problems.Add(new ImportProblem(hours.Row, "date", "Hours.OutsideOpportunity"));
            if (problems.Count > count)
                continue;
            if (!seen.TryAdd((volunteer.UserId, opportunity!.Id, hours.Date), hours.Row))
            {
                problems.Add(new ImportProblem(hours.Row, "date", "Row.Duplicate", seen[(volunteer.UserId, opportunity.Id, hours.Date)]));
                continue;
            }
            resolved.Add((hours, volunteer.UserId, opportunity));
        }
        if (resolved.Count == 0)
            return new Plan(context, [], []);

        // Hours the people already have around these dates: what was recorded is skipped, and day and week totals include it.
        var from = resolved.Min(r => r.Row.Date).AddDays(-6);
        var to = resolved.Max(r => r.Row.Date).AddDays(6);
        var existing = new List<(Guid VolunteerId, Guid OpportunityId, DateOnly Date, int Minutes)>();
        foreach (var chunk in resolved.Select(r => r.VolunteerId).Distinct().Chunk(500))
        {
            var found = await db.VolunteerHours.AsNoTracking()
                .Where(h => chunk.Contains(h.VolunteerId) && h.Date >= from && h.Date <= to && h.Status != HoursStatus.Rejected)
                .Select(h => new { h.VolunteerId, h.OpportunityId, h.Date, h.CreditedMinutes }).ToListAsync(cancellationToken);
            existing.AddRange(found.Select(h => (h.VolunteerId, h.OpportunityId, h.Date, h.CreditedMinutes)));
            context.Progress.Add(chunk.Length / 2);
        }
        var recorded = existing.Select(e => (e.VolunteerId, e.OpportunityId, e.Date)).ToHashSet();
        var fresh = resolved.Where(r => !recorded.Contains((r.VolunteerId, r.Opportunity.Id, r.Row.Date))).ToList();

        var perDay = new Dictionary<(Guid, DateOnly), int>();
        foreach (var e in existing)
            perDay[(e.VolunteerId, e.Date)] = perDay.GetValueOrDefault((e.VolunteerId, e.Date)) + e.Minutes;
        foreach (var r in fresh)
            perDay[(r.VolunteerId, r.Row.Date)] = perDay.GetValueOrDefault((r.VolunteerId, r.Row.Date)) + r.Row.Minutes;

        var planned = new List<Planned>(fresh.Count);
        foreach (var (row, volunteerId, opportunity) in fresh)
        {
            var day = perDay[(volunteerId, row.Date)];
            var week = 0;
            for (var d = 0; d < 7; d++)
                week += perDay.GetValueOrDefault((volunteerId, row.Date.AddDays(-d)));
            var concerns = HoursRules.ConcernsFromTotals(day, week, context.Hours);
            var late = HoursRules.IsOutsideApprovalWindow(row.Date, context.Today, context.Hours);
            if (late)
                concerns |= HoursConcerns.LateEntry;
            planned.Add(new Planned(row, volunteerId, opportunity, late ? HoursStatus.UnderReview : HoursStatus.Approved, concerns));
        }

        var recordShifts = await RecordShiftsAsync(db, planned.Select(p => p.Opportunity.Id).Distinct().ToList(), cancellationToken);
        return new Plan(context, planned, recordShifts)
        {
            Added = planned.Count,
            Skipped = resolved.Count - fresh.Count,
            UnderReview = planned.Count(p => p.Status == HoursStatus.UnderReview),
            RowsToWrite = planned.Count * 4L,
        };
    }

    private static OpportunityFacts? FindOpportunity(string reference, Dictionary<string, Guid> references, Dictionary<Guid, OpportunityFacts> opportunities)
    {
        if (references.TryGetValue(reference, out var id) && opportunities.TryGetValue(id, out var byReference))
            return byReference;
        // The opportunity's own id (as shown in its address) works too, for opportunities created on the platform.
        return Guid.TryParse(reference, out var guid) && opportunities.TryGetValue(guid, out var byId) ? byId : null;
    }

    private static async Task<Dictionary<(Guid, DateOnly), Guid>> RecordShiftsAsync(AtharDbContext db, List<Guid> opportunityIds, CancellationToken cancellationToken)
    {
        var shifts = new Dictionary<(Guid, DateOnly), Guid>();
        foreach (var chunk in opportunityIds.Chunk(500))
        {
            var found = await db.Shifts.AsNoTracking()
                .Where(s => chunk.Contains(s.OpportunityId) && s.StartTime == RecordShiftStart && s.EndTime == RecordShiftEnd)
                .Select(s => new { s.OpportunityId, s.Date, s.Id }).ToListAsync(cancellationToken);
            foreach (var s in found)
                shifts.TryAdd((s.OpportunityId, s.Date), s.Id);
        }
        return shifts;
    }

    private sealed class Plan(ImportContext context, List<Planned> planned, Dictionary<(Guid, DateOnly), Guid> recordShifts) : ImportPlan
    {
        public override async Task WriteAsync(ImportRowWriter writer, Guid batchId, CancellationToken cancellationToken)
        {
            var db = context.Db;
            var now = context.Now;
            var actor = context.ActorId;
            var newShifts = new Dictionary<(Guid, DateOnly), Shift>();
            var grownShifts = new Dictionary<Guid, int>();
            var applications = new List<Application>(planned.Count);
            var attendance = new List<AttendanceRecord>(planned.Count);
            var hours = new List<VolunteerHours>(planned.Count);
            var audit = new List<HoursAuditEntry>(planned.Count);

            foreach (var p in planned)
            {
                var key = (p.Opportunity.Id, p.Row.Date);
                Guid shiftId;
                DateTimeOffset startsAt;
                if (recordShifts.TryGetValue(key, out var existingShift))
                {
                    shiftId = existingShift;
                    startsAt = ShiftTimes.ToInstant(p.Row.Date, RecordShiftStart);
                    grownShifts[shiftId] = grownShifts.GetValueOrDefault(shiftId) + 1;
                }
                else
                {
                    if (!newShifts.TryGetValue(key, out var shift))
                    {
                        shift = new Shift
                        {
                            Id = Guid.CreateVersion7(now),
                            OpportunityId = p.Opportunity.Id,
                            Date = p.Row.Date,
                            StartTime = RecordShiftStart,
                            EndTime = RecordShiftEnd,
                            StartsAt = ShiftTimes.ToInstant(p.Row.Date, RecordShiftStart),
                            EndsAt = ShiftTimes.ToInstant(p.Row.Date, RecordShiftEnd),
                        };
                        newShifts[key] = shift;
                    }
                    // Seats equal the people recorded: the shift is full, never oversold, and takes no applications (it is in the past).
                    shift.Seats++;
                    shift.Accepted++;
                    shiftId = shift.Id;
                    startsAt = shift.StartsAt;
                }

                var application = new Application
                {
                    Id = Guid.CreateVersion7(now),
                    OpportunityId = p.Opportunity.Id,
                    ShiftId = shiftId,
                    VolunteerId = p.VolunteerId,
                    Status = ApplicationStatus.Accepted,
                    CreatedAt = now,
                    DecidedAt = now,
                    DecidedBy = actor,
                };
                var record = new AttendanceRecord
                {
                    Id = Guid.CreateVersion7(now),
                    ApplicationId = application.Id,
                    ShiftId = shiftId,
                    VolunteerId = p.VolunteerId,
                    CheckInAt = startsAt,
                    CheckInMethod = CheckMethod.Supervisor,
                    CheckedInBy = actor,
                    CheckOutAt = startsAt.AddMinutes(p.Row.Minutes),
                    CheckOutMethod = CheckMethod.Supervisor,
                    CheckedOutBy = actor,
                };
                var approved = p.Status == HoursStatus.Approved;
                var entry = new VolunteerHours
                {
                    Id = Guid.CreateVersion7(now),
                    AttendanceId = record.Id,
                    VolunteerId = p.VolunteerId,
                    OrganizationId = context.Organization.Id,
                    OpportunityId = p.Opportunity.Id,
                    ShiftId = shiftId,
                    FieldId = p.Opportunity.FieldId,
                    RegionId = p.Opportunity.RegionId,
                    Date = p.Row.Date,
                    AttendedMinutes = p.Row.Minutes,
                    CreditedMinutes = p.Row.Minutes,
                    Status = p.Status,
                    Concerns = p.Concerns,
                    CreatedAt = now,
                    DecidedAt = approved ? now : null,
                    DecidedBy = approved ? actor : null,
                };
                applications.Add(application);
                attendance.Add(record);
                hours.Add(entry);
                audit.Add(new HoursAuditEntry
                {
                    HoursId = entry.Id,
                    ActorId = actor,
                    At = now,
                    Action = "imported",
                    StatusAfter = entry.Status,
                    MinutesAfter = entry.CreditedMinutes,
                    Reason = "import " + batchId.ToString(),
                });
            }

            foreach (var (shiftId, added) in grownShifts)
            {
                await db.Shifts.Where(s => s.Id == shiftId)
                    .ExecuteUpdateAsync(s => s.SetProperty(x => x.Seats, x => x.Seats + added).SetProperty(x => x.Accepted, x => x.Accepted + added), cancellationToken);
            }
            // The opportunity's seat totals follow its shifts (search filters read them).
            foreach (var group in planned.GroupBy(p => p.Opportunity.Id))
            {
                var added = group.Count();
                await db.Opportunities.Where(o => o.Id == group.Key)
                    .ExecuteUpdateAsync(s => s.SetProperty(x => x.SeatsTotal, x => x.SeatsTotal + added).SetProperty(x => x.SeatsTaken, x => x.SeatsTaken + added), cancellationToken);
            }

            writer.Write(newShifts.Values.ToList(), cancellationToken);
            writer.Write(applications, cancellationToken);
            writer.Write(attendance, cancellationToken);
            writer.Write(hours, cancellationToken);
            writer.Write(audit, cancellationToken);
            writer.Write(planned.Where(p => p.Status == HoursStatus.Approved).Select(p => p.VolunteerId).Distinct()
                .Select(v => new ImportFollowUp { BatchId = batchId, VolunteerId = v }).ToList(), cancellationToken);
        }
    }
}
