using Athar.Core.Common;
using Athar.Core.Programs;
using Athar.Data;
using Athar.Data.Infrastructure;
using Athar.Data.Programs;
using Microsoft.EntityFrameworkCore;

namespace Athar.Web.Features.Programs;

/// <summary>Creates and edits programs with their tracks. The caller has checked who may.</summary>
public sealed class SaveProgram(AtharDbContext db, TimeProvider clock)
{
    public sealed record Result(Guid? Id, IReadOnlyList<FieldError> Errors);

    public static IReadOnlyList<FieldError> Check(ProgramInput input) =>
        [.. ProgramRules.Validate(input).Errors, .. ProgramRules.ValidateTracks(input.Tracks).Errors];

    public async Task<Result> CreateAsync(ProgramInput input, Guid? organizationId, Guid actorId, CancellationToken ct)
    {
        var (valid, errors) = ProgramRules.Validate(input);
        var (tracks, trackErrors) = ProgramRules.ValidateTracks(input.Tracks);
        if (valid is null || trackErrors.Count > 0)
            return new Result(null, [.. errors, .. trackErrors]);
        var now = clock.GetUtcNow();
        var program = new VolunteerProgram
        {
            Id = Guid.CreateVersion7(now), OrganizationId = organizationId, Title = valid.Title, Description = valid.Description,
            CreatedBy = actorId, CreatedAt = now,
        };
        Apply(program, valid, tracks, now);
        db.Programs.Add(program);
        await db.SaveChangesAsync(ct);
        return new Result(program.Id, []);
    }

    public async Task<Result> UpdateAsync(Guid id, ProgramInput input, CancellationToken ct)
    {
        var (valid, errors) = ProgramRules.Validate(input);
        var (tracks, trackErrors) = ProgramRules.ValidateTracks(input.Tracks);
        if (valid is null || trackErrors.Count > 0)
            return new Result(null, [.. errors, .. trackErrors]);
        return await db.ExecuteOnceAsync(AttemptStart.ClearTracker, async _ =>
        {
            var program = await db.Programs.FirstAsync(p => p.Id == id, ct);
            program.Title = valid.Title;
            program.Description = valid.Description;
            // Tracks are replaced as a whole: they carry no history of their own.
            await db.ProgramTracks.Where(t => t.ProgramId == id).ExecuteDeleteAsync(ct);
            Apply(program, valid, tracks, clock.GetUtcNow());
            db.ProgramTracks.AddRange(program.Tracks);
            await db.SaveChangesAsync(ct);
            return new Result(id, []);
        }, ct);
    }

    private static void Apply(VolunteerProgram program, ValidPeriod valid, IReadOnlyList<Core.Localization.LocalizedText> tracks, DateTimeOffset now)
    {
        program.StartsOn = valid.StartsOn;
        program.EndsOn = valid.EndsOn;
        program.Status = valid.Status;
        program.TargetVolunteers = valid.Targets.Volunteers;
        program.TargetOpportunities = valid.Targets.Opportunities;
        program.TargetHours = valid.Targets.Hours;
        program.TargetBeneficiaries = valid.Targets.Beneficiaries;
        program.UpdatedAt = now;
        program.Tracks = tracks.Select((name, i) => new ProgramTrack { Id = Guid.CreateVersion7(now), ProgramId = program.Id, Position = i, Name = name }).ToList();
    }
}
