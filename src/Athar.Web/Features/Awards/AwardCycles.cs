using Athar.Core.Common;
using Athar.Core.Recognition;
using Athar.Data;
using Athar.Data.Infrastructure;
using Athar.Data.Recognition;
using Microsoft.EntityFrameworkCore;

namespace Athar.Web.Features.Awards;

/// <summary>
/// The platform admins' side of the award: a cycle per year, judges per track, and the stages
/// (open nominations → close nominations → publish). Each stage change is conditional on the stage read,
/// so two admins clicking at once move the cycle once; publishing marks the winners in the same transaction.
/// </summary>
public sealed class AwardCycles(AtharDbContext db, AwardResults results, TimeProvider clock)
{
    public const int MinYear = 2000;
    public const int MaxYear = 2100;

    public sealed record CycleRow(Guid Id, int Year, AwardCycleStatus Status, DateTimeOffset CreatedAt, DateTimeOffset? PublishedAt, int Nominations, int Judges);

    public sealed record JudgeRow(Guid UserId, AwardTrack Track, string NameAr, string? NameEn, string? Email);

    public Task<List<CycleRow>> ListAsync(CancellationToken ct) =>
        db.AwardCycles.AsNoTracking().OrderByDescending(c => c.Year)
            .Select(c => new CycleRow(c.Id, c.Year, c.Status, c.CreatedAt, c.PublishedAt,
                db.AwardNominations.Count(n => n.CycleId == c.Id), db.AwardJudges.Where(j => j.CycleId == c.Id).Select(j => j.UserId).Distinct().Count()))
            .ToListAsync(ct);

    public Task<AwardCycle?> FindAsync(Guid id, CancellationToken ct) => db.AwardCycles.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);

    public Task<List<JudgeRow>> JudgesAsync(Guid cycleId, CancellationToken ct) =>
        (from j in db.AwardJudges.AsNoTracking()
         join u in db.Users on j.UserId equals u.Id
         where j.CycleId == cycleId
         orderby j.Track
         select new JudgeRow(j.UserId, j.Track, u.FullNameAr, u.FullNameEn, u.Email)).ToListAsync(ct);

    public async Task<(Guid? Id, IReadOnlyList<FieldError> Errors, Refusal? Refusal)> CreateAsync(int? year, CancellationToken ct)
    {
        if (year is not { } y || y is < MinYear or > MaxYear)
            return (null, [new FieldError("Year", year is null ? "Field.Required" : "Award.YearRange", MinYear, MaxYear)], null);
        if (await db.AwardCycles.AnyAsync(c => c.Year == y, ct))
            return (null, [], new Refusal(AwardRules.YearTaken));
        var now = clock.GetUtcNow();
        var cycle = new AwardCycle { Id = Guid.CreateVersion7(now), Year = y, CreatedAt = now, StatusChangedAt = now };
        db.AwardCycles.Add(cycle);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another admin opened the same year a moment earlier: the unique index on Year decided.
            db.ChangeTracker.Clear();
            return (null, [], new Refusal(AwardRules.YearTaken));
        }
        return (cycle.Id, [], null);
    }

    /// <summary>Appoints a person (by e-mail) as a judge of one track, or of every track when none is named.</summary>
    public async Task<Refusal?> AppointAsync(Guid cycleId, string? email, AwardTrack? track, CancellationToken ct)
    {
        var cycle = await FindAsync(cycleId, ct);
        if (cycle is null)
            return new Refusal(NotFound);
        if (cycle.Status == AwardCycleStatus.Published)
            return new Refusal(AwardRules.WrongStage);
        var normalized = email?.Trim().ToUpperInvariant();
        var userId = string.IsNullOrEmpty(normalized) ? null
            : await db.Users.Where(u => u.NormalizedEmail == normalized).Select(u => (Guid?)u.Id).FirstOrDefaultAsync(ct);
        if (userId is null)
            return new Refusal(AwardRules.UnknownPerson);
        if (track is { } t && !Enum.IsDefined(t))
            return new Refusal(AwardRules.UnknownPerson);
        var tracks = track is { } one ? [one] : AwardRules.Tracks;
        var existing = await db.AwardJudges.Where(j => j.CycleId == cycleId && j.UserId == userId).Select(j => j.Track).ToListAsync(ct);
        foreach (var added in tracks.Except(existing))
            db.AwardJudges.Add(new AwardJudge { CycleId = cycleId, Track = added, UserId = userId.Value });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same appointment made twice at once: the key holds it once, which is what was asked.
            db.ChangeTracker.Clear();
        }
        return null;
    }

    public async Task<Refusal?> RemoveJudgeAsync(Guid cycleId, Guid userId, AwardTrack track, CancellationToken ct)
    {
        if (await FindAsync(cycleId, ct) is not { } cycle)
            return new Refusal(NotFound);
        if (cycle.Status == AwardCycleStatus.Published)
            return new Refusal(AwardRules.WrongStage);
        await db.AwardJudges.Where(j => j.CycleId == cycleId && j.UserId == userId && j.Track == track).ExecuteDeleteAsync(ct);
        return null;
    }

    /// <summary>Moves the cycle from <paramref name="from"/> to the next stage; publishing also marks the winners.</summary>
    public async Task<Refusal?> AdvanceAsync(Guid cycleId, AwardCycleStatus from, Guid actorId, CancellationToken ct)
    {
        if (await FindAsync(cycleId, ct) is null)
            return new Refusal(NotFound);
        if (AwardRules.Next(from) is not { } to)
            return new Refusal(AwardRules.WrongStage);
        var now = clock.GetUtcNow();
        return await db.ExecuteOnceAsync(AttemptStart.ClearTracker, async _ =>
        {
            var changed = to == AwardCycleStatus.Published
                ? await db.AwardCycles.Where(c => c.Id == cycleId && c.Status == from).ExecuteUpdateAsync(s => s
                    .SetProperty(c => c.Status, to).SetProperty(c => c.StatusChangedAt, now).SetProperty(c => c.PublishedAt, now).SetProperty(c => c.PublishedBy, actorId), ct)
                : await db.AwardCycles.Where(c => c.Id == cycleId && c.Status == from).ExecuteUpdateAsync(s => s
                    .SetProperty(c => c.Status, to).SetProperty(c => c.StatusChangedAt, now), ct);
            if (changed == 0)
            {
                await db.Database.RollbackTransactionAsync(ct);
                return new Refusal(AwardRules.WrongStage);
            }
            if (to == AwardCycleStatus.Published)
            {
                // Scores are frozen from here on (AcceptsScores), so this ranking is the final one.
                var winners = (await results.RankingsAsync(cycleId, ct)).Values.Select(AwardRules.Winner).OfType<Guid>().ToList();
                await db.AwardNominations.Where(n => n.CycleId == cycleId && winners.Contains(n.Id)).ExecuteUpdateAsync(s => s.SetProperty(n => n.IsWinner, true), ct);
            }
            return (Refusal?)null;
        }, ct);
    }

    public const string NotFound = "not-found";
}
