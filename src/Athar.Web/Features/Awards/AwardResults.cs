using Athar.Core.Localization;
using Athar.Core.Recognition;
using Athar.Data;
using Microsoft.EntityFrameworkCore;

namespace Athar.Web.Features.Awards;

/// <summary>Rankings per track (for publication and, afterwards, for everyone to see) and the honours list.</summary>
public sealed class AwardResults(AtharDbContext db)
{
    /// <summary>A nomination as shown: the nominee's name in both languages and who nominated it.</summary>
    public sealed record NomineeView(Guid NominationId, Guid CycleId, AwardTrack Track, NomineeKind Kind, LocalizedText Name, LocalizedText Nominator,
        Guid NominatorOrganizationId, Guid? NomineeOrganizationId, Guid? NomineeUserId, string Statement, DateTimeOffset CreatedAt, bool IsWinner);

    public sealed record Honour(int Year, AwardTrack Track, NomineeView Winner, decimal? Average, string? CertificateCode);

    public async Task<Dictionary<AwardTrack, IReadOnlyList<RankedNomination>>> RankingsAsync(Guid cycleId, CancellationToken ct)
    {
        var nominations = await db.AwardNominations.AsNoTracking().Where(n => n.CycleId == cycleId)
            .Select(n => new { n.Id, n.Track, n.CreatedAt }).ToListAsync(ct);
        var sheets = await db.AwardScores.AsNoTracking()
            .Where(s => db.AwardNominations.Any(n => n.Id == s.NominationId && n.CycleId == cycleId))
            .GroupBy(s => new { s.NominationId, s.JudgeId })
            .Select(g => new { g.Key.NominationId, g.Key.JudgeId, Sum = g.Sum(s => s.Score), Count = g.Count() })
            .ToListAsync(ct);
        var byNomination = sheets.ToLookup(s => s.NominationId, s => new JudgeSheet(s.JudgeId, s.Sum, s.Count));
        return AwardRules.Tracks.ToDictionary(track => track, track => AwardRules.Rank(
            nominations.Where(n => n.Track == track).Select(n => new ScoredNomination(n.Id, n.CreatedAt, byNomination[n.Id].ToList()))));
    }

    /// <summary>Nominations matching <paramref name="filter"/> as shown (filter before the projection: EF cannot filter a constructed record).</summary>
    public IQueryable<NomineeView> Nominees(System.Linq.Expressions.Expression<Func<Data.Recognition.AwardNomination, bool>> filter) =>
        from n in db.AwardNominations.AsNoTracking().Where(filter)
        join nominator in db.Organizations on n.NominatorOrganizationId equals nominator.Id
        join org in db.Organizations on n.NomineeOrganizationId equals org.Id into orgs
        from org in orgs.DefaultIfEmpty()
        join user in db.Users on n.NomineeUserId equals user.Id into users
        from user in users.DefaultIfEmpty()
        select new NomineeView(n.Id, n.CycleId, n.Track,
            n.NomineeOrganizationId != null ? NomineeKind.Organization : n.NomineeUserId != null ? NomineeKind.Volunteer : NomineeKind.TeamName,
            n.NomineeOrganizationId != null ? new LocalizedText(org!.Name.Ar, org.Name.En)
                : n.NomineeUserId != null ? new LocalizedText(user!.FullNameAr, user.FullNameEn) : new LocalizedText(n.NomineeName!, n.NomineeName),
            nominator.Name, n.NominatorOrganizationId, n.NomineeOrganizationId, n.NomineeUserId, n.Statement, n.CreatedAt, n.IsWinner);

    /// <summary>Winners of published cycles only, newest year first, in track order.</summary>
    public async Task<List<Honour>> HonoursAsync(int? year, CancellationToken ct)
    {
        var cycles = await db.AwardCycles.AsNoTracking()
            .Where(c => c.Status == AwardCycleStatus.Published && (year == null || c.Year == year))
            .Select(c => new { c.Id, c.Year }).ToListAsync(ct);
        var ids = cycles.Select(c => c.Id).ToList();
        var winners = await Nominees(n => ids.Contains(n.CycleId) && n.IsWinner).ToListAsync(ct);
        var winnerIds = winners.Select(w => w.NominationId).ToList();
        var averages = await db.AwardScores.AsNoTracking().Where(s => winnerIds.Contains(s.NominationId))
            .GroupBy(s => s.NominationId).Select(g => new { g.Key, Sum = g.Sum(s => s.Score), Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => AwardRules.Average(x.Sum, x.Count), ct);
        var codes = await db.IssuedDocuments.AsNoTracking()
            .Where(d => d.Kind == Core.Certificates.DocumentKind.AwardWinner && d.SubjectId != null && winnerIds.Contains(d.SubjectId.Value))
            .Select(d => new { d.SubjectId, d.Code, d.IssuedAt }).ToListAsync(ct);
        var latest = codes.GroupBy(c => c.SubjectId!.Value).ToDictionary(g => g.Key, g => g.MaxBy(c => c.IssuedAt)!.Code);
        var years = cycles.ToDictionary(c => c.Id, c => c.Year);
        return winners
            .Select(w => new Honour(years[w.CycleId], w.Track, w, averages.GetValueOrDefault(w.NominationId), latest.GetValueOrDefault(w.NominationId)))
            .OrderByDescending(h => h.Year).ThenBy(h => h.Track)
            .ToList();
    }
}
