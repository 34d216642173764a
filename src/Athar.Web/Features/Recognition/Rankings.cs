using Athar.Core.Localization;
using Athar.Core.Recognition;
using Athar.Core.Statistics;
using Athar.Data;
using Athar.Data.Statistics;
using Athar.Web.Features.Teams;
using Microsoft.EntityFrameworkCore;

namespace Athar.Web.Features.Recognition;

public enum RankingMeasure
{
    Hours = 1,
    Volunteers = 2,
    Beneficiaries = 3,
}

/// <summary>
/// Rankings for a period, nationally or in one region. Volunteers and organisations are read from the
/// statistics' activity facts (the dashboard's own source, so the figures agree with it); teams from their
/// team hours. Only volunteers who chose to appear are ranked, among themselves: someone who did not opt in
/// never appears and leaves no gap. Ties share a rank ("1, 1, 3"), listed in a stable order.
/// </summary>
public sealed class Rankings(AtharDbContext db, ActivityQueries activity, IndicatorQueries indicators, TeamQueries teams)
{
    public const int DefaultTop = 10;
    public const int MaxTop = 50;

    public sealed record Row(int Rank, Guid Id, LocalizedText Name, decimal Value);

    public sealed record Board(StatsPeriod Period, int? RegionId, RankingMeasure By, IReadOnlyList<Row> Volunteers, IReadOnlyList<Row> Organizations, IReadOnlyList<Row> Teams);

    private sealed record Entry(Guid Id, LocalizedText Name, decimal Value);

    public async Task<Board> ForAsync(StatsPeriod period, int? regionId, RankingMeasure by, int top, CancellationToken cancellationToken)
    {
        var filter = new StatsFilter(period) { RegionId = regionId };
        return new Board(period, regionId, by,
            await VolunteersAsync(filter, top, cancellationToken),
            await OrganizationsAsync(filter, by, top, cancellationToken),
            await TeamsAsync(filter, by, top, cancellationToken));
    }

    /// <summary>Opted-in volunteers by verified hours in the period (and region, where the hours were given).</summary>
    public async Task<IReadOnlyList<Row>> VolunteersAsync(StatsFilter filter, int top, CancellationToken cancellationToken)
    {
        var totals = await activity.Activity(filter)
            .Where(a => db.RankingConsents.Any(c => c.UserId == a.VolunteerId && c.ShowInRankings))
            .GroupBy(a => a.VolunteerId)
            .Select(g => new { Id = g.Key, Minutes = g.Sum(a => a.Minutes) })
            .ToListAsync(cancellationToken);
        var ids = totals.Select(t => t.Id).ToList();
        var names = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => new LocalizedText(u.FullNameAr, u.FullNameEn), cancellationToken);
        return Rank(totals.Select(t => new Entry(t.Id, names[t.Id], Ratios.Hours(t.Minutes))), top);
    }

    public async Task<IReadOnlyList<Row>> OrganizationsAsync(StatsFilter filter, RankingMeasure by, int top, CancellationToken cancellationToken)
    {
        var values = by switch
        {
            RankingMeasure.Beneficiaries => (await indicators.Published(filter)
                    .GroupBy(o => o.OrganizationId)
                    .Select(g => new { Id = g.Key, Value = g.Sum(o => (long?)o.ExpectedBeneficiaries) ?? 0 })
                    .ToListAsync(cancellationToken))
                .ToDictionary(x => x.Id, x => (decimal)x.Value),
            RankingMeasure.Volunteers => (await activity.Activity(filter).Where(a => a.Minutes > 0)
                    .GroupBy(a => a.OrganizationId)
                    .Select(g => new { Id = g.Key, Value = g.Select(a => a.VolunteerId).Distinct().Count() })
                    .ToListAsync(cancellationToken))
                .ToDictionary(x => x.Id, x => (decimal)x.Value),
            _ => (await activity.Activity(filter)
                    .GroupBy(a => a.OrganizationId)
                    .Select(g => new { Id = g.Key, Minutes = g.Sum(a => a.Minutes) })
                    .ToListAsync(cancellationToken))
                .ToDictionary(x => x.Id, x => Ratios.Hours(x.Minutes)),
        };
        var ids = values.Keys.ToList();
        var names = await db.Organizations.AsNoTracking().Where(o => ids.Contains(o.Id)).Select(o => new { o.Id, o.Name }).ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        return Rank(values.Select(v => new Entry(v.Key, names[v.Key], v.Value)), top);
    }

    /// <summary>Teams by their team hours given in the period (and region), their distinct members who gave them, or the expected beneficiaries of the opportunities they gave them in.</summary>
    public async Task<IReadOnlyList<Row>> TeamsAsync(StatsFilter filter, RankingMeasure by, int top, CancellationToken cancellationToken)
    {
        var (start, end) = (filter.Period.Start, filter.Period.End);
        var rows = teams.TeamHours().Where(x => x.Hours.Date >= start && x.Hours.Date < end && x.Hours.CreditedMinutes > 0);
        if (filter.RegionId is { } region)
            rows = rows.Where(x => x.Hours.RegionId == region);
        var facts = await rows
            .GroupBy(x => new { x.TeamId, x.Hours.VolunteerId, x.Hours.OpportunityId })
            .Select(g => new { g.Key.TeamId, g.Key.VolunteerId, g.Key.OpportunityId, Minutes = g.Sum(x => (long)x.Hours.CreditedMinutes) })
            .ToListAsync(cancellationToken);
        Dictionary<Guid, decimal> values;
        if (by == RankingMeasure.Beneficiaries)
        {
            var opportunityIds = facts.Select(f => f.OpportunityId).Distinct().ToList();
            var beneficiaries = await db.Opportunities.AsNoTracking().Where(o => opportunityIds.Contains(o.Id))
                .ToDictionaryAsync(o => o.Id, o => (decimal)(o.ExpectedBeneficiaries ?? 0), cancellationToken);
            values = facts.GroupBy(f => f.TeamId).ToDictionary(g => g.Key, g => g.Select(f => f.OpportunityId).Distinct().Sum(id => beneficiaries[id]));
        }
        else
        {
            values = facts.GroupBy(f => f.TeamId).ToDictionary(g => g.Key, g => by == RankingMeasure.Volunteers
                ? g.Select(f => f.VolunteerId).Distinct().Count()
                : Ratios.Hours(g.Sum(f => f.Minutes)));
        }
        var ids = values.Keys.ToList();
        var names = await db.Teams.AsNoTracking().Where(t => ids.Contains(t.Id)).Select(t => new { t.Id, t.Name }).ToDictionaryAsync(t => t.Id, t => t.Name, cancellationToken);
        return Rank(values.Select(v => new Entry(v.Key, names[v.Key], v.Value)), top);
    }

    private static List<Row> Rank(IEnumerable<Entry> entries, int top) =>
        CompetitionRanking.Rank(entries, e => e.Value, e => $"{e.Name.Ar}\u0001{e.Id:N}", top)
            .Select(r => new Row(r.Rank, r.Item.Id, r.Item.Name, r.Score))
            .ToList();
}
