using Athar.Core.Accounts;
using Athar.Core.Applications;
using Athar.Core.Common;
using Athar.Core.Opportunities;
using Athar.Data;
using Athar.Data.Infrastructure;
using Athar.Data.Organizations;
using Athar.Data.Participation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Athar.Web.Features.Participation;

/// <summary>
/// A volunteer applies to a shift. Every rule is checked and explained; the seat (for auto-accepting
/// opportunities) is claimed atomically; a second application to the same shift is refused by a
/// unique index even when the requests race.
/// </summary>
public sealed class ApplyToShift(AtharDbContext db, Seats seats, Notifier notifier, Licensing.LicenseRegister licenses, IOptions<RegistrationPolicy> registration, TimeProvider clock)
{
    public sealed record Result(Application? Application, Refusal? Refusal);

    public async Task<Result> ApplyAsync(Guid volunteerId, Guid shiftId, Guid? teamId = null, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var shift = await (
                from s in db.Shifts.AsNoTracking()
                join o in db.Opportunities on s.OpportunityId equals o.Id
                join org in db.Organizations on o.OrganizationId equals org.Id
                where s.Id == shiftId
                select new { Shift = s, o.Id, o.Title, o.Status, o.Gender, o.MinimumAge, o.AllowsMinors, o.RequiredLicense, o.AutoAccept, OrganizationStatus = org.Status })
            .FirstOrDefaultAsync(cancellationToken);
        if (shift is null || shift.OrganizationStatus != OrganizationStatus.Verified || shift.Status == OpportunityStatus.Draft)
            return Refused("shift-not-found");

        var volunteer = await db.Volunteers.AsNoTracking().FirstOrDefaultAsync(v => v.UserId == volunteerId, cancellationToken);
        if (volunteer is null)
            return Refused("not-a-volunteer");

        var existing = await db.Applications.FirstOrDefaultAsync(a => a.ShiftId == shiftId && a.VolunteerId == volunteerId, cancellationToken);
        if (existing is not null && existing.Status != ApplicationStatus.Withdrawn)
            return Refused("already-applied");

        var accepted = await (
                from a in db.Applications.AsNoTracking()
                join s in db.Shifts on a.ShiftId equals s.Id
                where a.VolunteerId == volunteerId && a.Status == ApplicationStatus.Accepted && s.EndsAt > now
                select new { s.Id, s.StartsAt, s.EndsAt })
            .ToListAsync(cancellationToken);
        // A concurrent duplicate may have been accepted since the check above.
        if (accepted.Any(s => s.Id == shiftId))
            return Refused("already-applied");
        var booked = accepted.Select(s => new BookedShift(s.StartsAt, s.EndsAt));

        // The register is read only for licence-gated shifts: most applications need no licence.
        var held = shift.RequiredLicense == LicenseRequirement.None ? LicenseRequirement.None : await licenses.HeldRequirementAsync(volunteerId, cancellationToken);
        var applicant = new Applicant(volunteer.Gender, volunteer.BirthDate, volunteer.MayApply, held, registration.Value.AdultAge);
        var terms = new ShiftTerms(shift.Status, shift.Gender, shift.MinimumAge, shift.AllowsMinors, shift.RequiredLicense, shift.Shift.Date, shift.Shift.StartsAt, shift.Shift.EndsAt);
        if (Eligibility.Check(applicant, terms, booked, now) is { } refusal)
            return Refused(refusal);

        try
        {
            return await db.ExecuteOnceAsync(AttemptStart.ForgetAdded, async token =>
            {
                var status = ApplicationStatus.Pending;
                if (shift.AutoAccept)
                    status = await seats.TryClaimAsync(shiftId, token) ? ApplicationStatus.Accepted : ApplicationStatus.Waitlisted;

                var application = existing ?? new Application { Id = Guid.CreateVersion7(now), OpportunityId = shift.Id, ShiftId = shiftId, VolunteerId = volunteerId };
                application.Status = status;
                application.TeamId = teamId;
                application.CreatedAt = now;
                application.DecidedAt = status == ApplicationStatus.Pending ? null : now;
                application.Reason = null;
                if (existing is null)
                    db.Applications.Add(application);

                if (status != ApplicationStatus.Pending)
                    await notifier.NotifyAsync(volunteerId, status == ApplicationStatus.Accepted ? "ApplicationAccepted" : "ApplicationWaitlisted", "/me/applications", Notifier.Bilingual(shift.Title));
                await db.SaveChangesAsync(token);
                return new Result(application, null);
            }, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The unique (shift, volunteer) index refused a concurrent duplicate; the seat claim rolled back with it.
            db.ChangeTracker.Clear();
            return Refused("already-applied");
        }
    }

    private static Result Refused(string code) => new(null, new Refusal(code));
}
