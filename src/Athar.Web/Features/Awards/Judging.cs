using Athar.Core.Common;
using Athar.Core.Recognition;
using Athar.Data;
using Athar.Data.Infrastructure;
using Athar.Data.Recognition;
using Microsoft.EntityFrameworkCore;

namespace Athar.Web.Features.Awards;

/// <summary>One criterion's score as the form and the API send it.</summary>
public sealed class CriterionScore
{
    public AwardCriterion Criterion { get; set; }
    public int? Score { get; set; }
}

/// <summary>
/// Judges score the nominations of the tracks they were appointed to, one sheet (every criterion, 0–10)
/// per nomination, changeable until the winners are published. A judge sees only their own scores; a
/// judge who belongs to the nominated or nominating organisation, or is the nominee, does not score it.
/// </summary>
public sealed class Judging(AtharDbContext db, AwardResults results, TimeProvider clock)
{
    public sealed record Assignment(AwardResults.NomineeView Nomination, int Year, AwardCycleStatus Status, IReadOnlyDictionary<AwardCriterion, int> MyScores);

    public sealed record Outcome(bool NotFound, IReadOnlyList<FieldError> Errors, Refusal? Refusal)
    {
        public bool Succeeded => !NotFound && Errors.Count == 0 && Refusal is null;
    }

    /// <summary>The nominations the judge scores in cycles not yet published, with the judge's own scores only.</summary>
    public async Task<List<Assignment>> AssignmentsAsync(Guid judgeId, CancellationToken ct)
    {
        var judged = await db.AwardJudges.AsNoTracking().Where(j => j.UserId == judgeId).Select(j => new { j.CycleId, j.Track }).ToListAsync(ct);
        var judgedCycles = judged.Select(j => j.CycleId).Distinct().ToList();
        var cycles = await db.AwardCycles.AsNoTracking()
            .Where(c => (c.Status == AwardCycleStatus.Open || c.Status == AwardCycleStatus.Judging) && judgedCycles.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, ct);
        var ids = cycles.Keys.ToList();
        var nominations = (await results.Nominees(n => ids.Contains(n.CycleId)).ToListAsync(ct))
            .Where(n => judged.Any(j => j.CycleId == n.CycleId && j.Track == n.Track)).ToList();
        var nominationIds = nominations.Select(n => n.NominationId).ToList();
        var mine = (await db.AwardScores.AsNoTracking().Where(s => s.JudgeId == judgeId && nominationIds.Contains(s.NominationId)).ToListAsync(ct))
            .ToLookup(s => s.NominationId);
        return nominations.OrderBy(n => n.Track).ThenBy(n => n.CreatedAt)
            .Select(n => new Assignment(n, cycles[n.CycleId].Year, cycles[n.CycleId].Status,
                mine[n.NominationId].ToDictionary(s => s.Criterion, s => s.Score)))
            .ToList();
    }

    /// <summary>One nomination the judge may score, or null: anyone else gets "not found".</summary>
    public async Task<Assignment?> AssignmentAsync(Guid judgeId, Guid nominationId, CancellationToken ct) =>
        (await AssignmentsAsync(judgeId, ct)).FirstOrDefault(a => a.Nomination.NominationId == nominationId);

    public async Task<Outcome> ScoreAsync(Guid judgeId, Guid nominationId, IReadOnlyList<CriterionScore>? scores, CancellationToken ct)
    {
        var nomination = await db.AwardNominations.AsNoTracking().FirstOrDefaultAsync(n => n.Id == nominationId, ct);
        if (nomination is null || !await db.AwardJudges.AnyAsync(j => j.CycleId == nomination.CycleId && j.Track == nomination.Track && j.UserId == judgeId, ct))
            return new Outcome(true, [], null);

        var sheet = new Dictionary<AwardCriterion, int?>();
        var duplicate = false;
        foreach (var s in scores ?? [])
            duplicate |= !sheet.TryAdd(s.Criterion, s.Score);
        var errors = AwardRules.ValidateSheet(sheet).ToList();
        if (duplicate)
            errors.Add(new("Scores", "Binding.Invalid"));
        if (errors.Count > 0)
            return new Outcome(false, errors, null);

        if (nomination.NomineeUserId == judgeId || await db.OrganizationMembers.AnyAsync(m => m.UserId == judgeId &&
                (m.OrganizationId == nomination.NominatorOrganizationId || m.OrganizationId == nomination.NomineeOrganizationId), ct))
            return new Outcome(false, [], new Refusal(AwardRules.ConflictOfInterest));

        var now = clock.GetUtcNow();
        return await db.ExecuteOnceAsync(AttemptStart.ClearTracker, async _ =>
        {
            // A no-op write on the cycle row while it still takes scores: publication (which updates the
            // same row) waits for this sheet, or this sheet finds the cycle published and is refused.
            var open = await db.AwardCycles
                .Where(c => c.Id == nomination.CycleId && (c.Status == AwardCycleStatus.Open || c.Status == AwardCycleStatus.Judging))
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, c => c.Status), ct);
            if (open == 0)
            {
                await db.Database.RollbackTransactionAsync(ct);
                return new Outcome(false, [], new Refusal(AwardRules.WrongStage));
            }
            await db.AwardScores.Where(s => s.NominationId == nominationId && s.JudgeId == judgeId).ExecuteDeleteAsync(ct);
            foreach (var (criterion, score) in sheet)
                db.AwardScores.Add(new AwardScore { NominationId = nominationId, JudgeId = judgeId, Criterion = criterion, Score = score!.Value, ScoredAt = now });
            await db.SaveChangesAsync(ct);
            return new Outcome(false, [], null);
        }, ct);
    }
}
