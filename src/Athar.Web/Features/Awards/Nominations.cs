using Athar.Core.Attendance;
using Athar.Core.Common;
using Athar.Core.Localization;
using Athar.Core.Recognition;
using Athar.Data;
using Athar.Data.Organizations;
using Athar.Data.Recognition;
using Microsoft.EntityFrameworkCore;

namespace Athar.Web.Features.Awards;

/// <summary>A nomination as the form and the API take it.</summary>
public sealed class NominationInput
{
    public Guid? OrganizationId { get; set; }
    public AwardTrack? Track { get; set; }

    /// <summary>For the teams track: the team's name.</summary>
    public string? TeamName { get; set; }

    /// <summary>For the individuals track: a volunteer with verified hours at the nominating organisation.</summary>
    public Guid? VolunteerId { get; set; }
    public string? Statement { get; set; }
}

/// <summary>
/// Organisations nominate, while a cycle's nominations are open: themselves in the organisation track
/// their type belongs to, one of their teams by name, or a volunteer who has verified hours with them.
/// Each nominee stands once per track and year (unique indexes settle a race). An organisation's admins
/// see its own nominations only, never the scores.
/// </summary>
public sealed class Nominations(AtharDbContext db, TimeProvider clock)
{
    public sealed record Outcome(Guid? Id, IReadOnlyList<FieldError> Errors, Refusal? Refusal);

    public sealed record Volunteer(Guid UserId, LocalizedText Name);

    public Task<AwardCycle?> OpenCycleAsync(CancellationToken ct) =>
        db.AwardCycles.AsNoTracking().Where(c => c.Status == AwardCycleStatus.Open).OrderByDescending(c => c.Year).FirstOrDefaultAsync(ct);

    /// <summary>Volunteers the organisation may nominate: those with verified hours in its opportunities.</summary>
    public Task<List<Volunteer>> VolunteersOfAsync(Guid organizationId, CancellationToken ct) =>
        db.Users.AsNoTracking()
            .Where(u => db.VolunteerHours.Any(h => h.VolunteerId == u.Id && h.OrganizationId == organizationId && h.Status == HoursStatus.Approved))
            .OrderBy(u => u.FullNameAr)
            .Select(u => new Volunteer(u.Id, new LocalizedText(u.FullNameAr, u.FullNameEn)))
            .ToListAsync(ct);

    /// <param name="organization">The nominating organisation; the caller has checked the Manage right on it.</param>
    public async Task<Outcome> NominateAsync(Guid cycleId, Organization organization, NominationInput input, Guid actorId, CancellationToken ct)
    {
        var cycle = await db.AwardCycles.AsNoTracking().FirstOrDefaultAsync(c => c.Id == cycleId, ct);
        if (cycle is null || !AwardRules.AcceptsNominations(cycle.Status))
            return new Outcome(null, [], new Refusal(AwardRules.WrongStage));
        var errors = new List<FieldError>();
        if (input.Track is not { } track || !Enum.IsDefined(track))
        {
            errors.Add(new(nameof(input.Track), input.Track is null ? "Field.Required" : "Binding.Invalid"));
            return new Outcome(null, errors, null);
        }
        var (statement, statementErrors) = AwardRules.ValidateStatement(input.Statement);
        errors.AddRange(statementErrors);

        var nomination = new AwardNomination
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()),
            CycleId = cycleId,
            Track = track,
            Statement = statement ?? "",
            NominatorOrganizationId = organization.Id,
            NominatedBy = actorId,
            CreatedAt = clock.GetUtcNow(),
        };
        switch (AwardRules.NomineeFor(track))
        {
            case NomineeKind.Organization:
                if (AwardEligibility.OwnTrack(organization.Type) != track || organization.Status != OrganizationStatus.Verified)
                    return new Outcome(null, [], new Refusal(AwardRules.TrackNotForOrganization));
                nomination.NomineeOrganizationId = organization.Id;
                break;
            case NomineeKind.TeamName:
                var team = TextRules.CheckFreeText(input.TeamName, nameof(input.TeamName), errors, AwardRules.TeamNameMaxLength);
                if (team is null && !errors.Any(e => e.Field == nameof(input.TeamName)))
                    errors.Add(new(nameof(input.TeamName), "Field.Required"));
                nomination.NomineeName = team;
                break;
            case NomineeKind.Volunteer:
                if (input.VolunteerId is not { } volunteerId)
                    errors.Add(new(nameof(input.VolunteerId), "Field.Required"));
                else if (!await db.VolunteerHours.AnyAsync(h => h.VolunteerId == volunteerId && h.OrganizationId == organization.Id && h.Status == HoursStatus.Approved, ct))
                    return new Outcome(null, [], new Refusal(AwardRules.NomineeNotEligible));
                nomination.NomineeUserId = input.VolunteerId;
                break;
        }
        if (errors.Count > 0)
            return new Outcome(null, errors, null);

        var taken = await db.AwardNominations.AnyAsync(n => n.CycleId == cycleId && n.Track == track &&
            ((nomination.NomineeOrganizationId != null && n.NomineeOrganizationId == nomination.NomineeOrganizationId) ||
             (nomination.NomineeUserId != null && n.NomineeUserId == nomination.NomineeUserId) ||
             (nomination.NomineeName != null && n.NominatorOrganizationId == organization.Id && n.NomineeName == nomination.NomineeName)), ct);
        if (taken)
            return new Outcome(null, [], new Refusal(AwardRules.AlreadyNominated));
        db.AwardNominations.Add(nomination);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same nominee was nominated a moment earlier: the unique indexes decided.
            db.ChangeTracker.Clear();
            return new Outcome(null, [], new Refusal(AwardRules.AlreadyNominated));
        }
        return new Outcome(nomination.Id, [], null);
    }
}
