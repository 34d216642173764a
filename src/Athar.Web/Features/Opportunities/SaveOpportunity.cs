using Athar.Core.Common;
using Athar.Core.Opportunities;
using Athar.Data;
using Athar.Data.Infrastructure;
using Athar.Data.Opportunities;
using Athar.Data.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Athar.Web.Features.Opportunities;

/// <summary>
/// Creates and edits an opportunity with its shifts. The caller has checked the Manage right on the
/// organisation. Edits never strand accepted volunteers (<see cref="ShiftChangeRules"/>); the seats
/// total, next shift and search text are rewritten with every change.
/// </summary>
public sealed class SaveOpportunity(AtharDbContext db, OpportunitySearchCache searchCache, TimeProvider clock)
{
    /// <summary>The pure rules only, for a form whose input already failed binding.</summary>
    public IReadOnlyList<FieldError> Check(OpportunityInput input) => OpportunityRules.Validate(input, clock.GetUtcNow()).Errors;

    public async Task<OpportunityOutcome> CreateAsync(Organization organization, OpportunityInput input, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var (valid, errors) = OpportunityRules.Validate(input, now);
        if (valid is null)
            return OpportunityOutcome.Invalid(errors);

        var opportunity = new Opportunity
        {
            Id = Guid.CreateVersion7(now),
            OrganizationId = organization.Id,
            Title = valid.Title,
            Description = valid.Description,
            Status = OpportunityStatus.Draft,
            CreatedAt = now,
        };
        Apply(opportunity, valid);
        foreach (var shift in valid.Shifts)
            opportunity.Shifts.Add(NewShift(opportunity.Id, shift, now));
        OpportunityIndexing.Refresh(opportunity, organization, now);

        db.Opportunities.Add(opportunity);
        await db.SaveChangesAsync(cancellationToken);
        return OpportunityOutcome.Done(opportunity.Id);
    }

    public async Task<OpportunityOutcome> UpdateAsync(Organization organization, Guid opportunityId, OpportunityInput input, CancellationToken cancellationToken = default)
    {
        OpportunityOutcome outcome;
        try
        {
            outcome = await TryUpdateAsync(organization, opportunityId, input, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A volunteer was accepted (or applied) between our read and our write, and the database's
            // constraints refused the edit. Read again: the rules now see the new volunteer and say why.
            db.ChangeTracker.Clear();
            outcome = await TryUpdateAsync(organization, opportunityId, input, cancellationToken);
        }
        // After the commit: an eviction before it could let a search cache the old row again.
        if (outcome.Succeeded)
            await searchCache.EvictAsync(cancellationToken);
        return outcome;
    }

    private async Task<OpportunityOutcome> TryUpdateAsync(Organization organization, Guid opportunityId, OpportunityInput input, CancellationToken cancellationToken)
    {
        return await db.ExecuteOnceAsync(AttemptStart.ClearTracker, async _ =>
        {
            var opportunity = await db.Opportunities.Include(o => o.Shifts)
                .FirstOrDefaultAsync(o => o.Id == opportunityId && o.OrganizationId == organization.Id, cancellationToken);
            if (opportunity is null)
                return OpportunityOutcome.Missing;
            if (!OpportunityLifecycle.IsEditable(opportunity.Status))
                return OpportunityOutcome.Refused(new Refusal(OpportunityTransitions.NotEditable));

            var shiftIds = opportunity.Shifts.Select(s => s.Id).ToList();
            var applied = await db.Applications.AsNoTracking()
                .Where(a => shiftIds.Contains(a.ShiftId))
                .Select(a => a.ShiftId).Distinct()
                .ToListAsync(cancellationToken);
            var stored = opportunity.Shifts
                .Select(s => new StoredShift(s.Id, s.Date, s.StartTime, s.EndTime, s.Seats, s.Accepted, applied.Contains(s.Id)))
                .ToList();

            var now = clock.GetUtcNow();
            var (valid, errors) = OpportunityRules.Validate(input, now, stored);
            if (valid is null)
                return OpportunityOutcome.Invalid(errors);
            if (ShiftChangeRules.Check(stored, valid.Shifts) is { } refusal)
                return OpportunityOutcome.Refused(refusal);

            opportunity.Title = valid.Title;
            opportunity.Description = valid.Description;
            Apply(opportunity, valid);

            foreach (var removed in opportunity.Shifts.Where(s => valid.Shifts.All(v => v.Id != s.Id)).ToList())
            {
                opportunity.Shifts.Remove(removed);
                db.Shifts.Remove(removed);
            }
            foreach (var shift in valid.Shifts)
            {
                if (shift.Id is { } id && opportunity.Shifts.FirstOrDefault(s => s.Id == id) is { } existing)
                {
                    // Only the organisation's own columns: Accepted belongs to the participation feature.
                    existing.Date = shift.Date;
                    existing.StartTime = shift.StartTime;
                    existing.EndTime = shift.EndTime;
                    existing.StartsAt = shift.StartsAt;
                    existing.EndsAt = shift.EndsAt;
                    existing.Seats = shift.Seats;
                }
                else
                {
                    var added = NewShift(opportunity.Id, shift, now);
                    opportunity.Shifts.Add(added);
                    db.Shifts.Add(added);
                }
            }
            OpportunityIndexing.Refresh(opportunity, organization, now);

            await db.SaveChangesAsync(cancellationToken);
            return OpportunityOutcome.Done(opportunity.Id);
        }, cancellationToken);
    }

    private static void Apply(Opportunity opportunity, ValidOpportunity valid)
    {
        opportunity.FieldId = valid.FieldId;
        opportunity.RegionId = valid.RegionId;
        opportunity.CityId = valid.CityId;
        opportunity.Address = valid.Address;
        opportunity.IsRemote = valid.IsRemote;
        opportunity.StartDate = valid.StartDate;
        opportunity.EndDate = valid.EndDate;
        opportunity.Gender = valid.Gender;
        opportunity.MinimumAge = valid.MinimumAge;
        opportunity.AllowsMinors = valid.AllowsMinors;
        opportunity.RequiredSkills = valid.RequiredSkills;
        opportunity.RequiredLicense = valid.RequiredLicense;
        opportunity.Type = valid.Type;
        opportunity.ExpectedBeneficiaries = valid.ExpectedBeneficiaries;
        opportunity.AutoAccept = valid.AutoAccept;
    }

    private static Shift NewShift(Guid opportunityId, ValidShift shift, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        OpportunityId = opportunityId,
        Date = shift.Date,
        StartTime = shift.StartTime,
        EndTime = shift.EndTime,
        StartsAt = shift.StartsAt,
        EndsAt = shift.EndsAt,
        Seats = shift.Seats,
    };
}
