using Athar.Core.Attendance;
using Athar.Core.Programs;
using Athar.Core.Statistics;
using Athar.Data.Statistics;
using Microsoft.EntityFrameworkCore;

namespace Athar.Data.Programs;

/// <summary>
/// The four progress indicators of a set of opportunities (a program's or an initiative's) over a window of
/// Saudi calendar days, with the national indicators' definitions (<see cref="IndicatorQueries"/>) at day
/// resolution: verified hours are approved credited minutes dated in the window; unique volunteers are the
/// distinct people with such minutes; opportunities are those published in the window; beneficiaries are
/// those opportunities' expected beneficiaries. For a window that is a whole month, quarter or year these
/// equal the dashboard's program cut (a test holds them together).
/// </summary>
public sealed class ScopeIndicators(AtharDbContext db)
{
    public IQueryable<Guid> ProgramOpportunities(Guid programId) =>
        db.Opportunities.Where(o => o.ProgramId == programId).Select(o => o.Id);

    public IQueryable<Guid> InitiativeOpportunities(Guid initiativeId) =>
        db.InitiativeOpportunities.Where(x => x.InitiativeId == initiativeId).Select(x => x.OpportunityId);

    /// <summary>The opportunities (not cancelled) of the given organisations, newest first, for link lists.</summary>
    public IQueryable<Guid> OpportunitiesOf(IReadOnlyCollection<Guid> organizationIds) =>
        db.Opportunities.Where(o => organizationIds.Contains(o.OrganizationId) && o.Status != Core.Opportunities.OpportunityStatus.Cancelled)
            .OrderByDescending(o => o.CreatedAt).Take(200).Select(o => o.Id);

    /// <summary>The figures for the days <paramref name="from"/> to <paramref name="to"/>, both inclusive; zero for an empty window.</summary>
    public async Task<ScopeFigures> FiguresAsync(IQueryable<Guid> opportunityIds, DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        if (to < from)
            return ScopeFigures.Zero;
        var verified = db.VolunteerHours.AsNoTracking()
            .Where(h => h.Status == HoursStatus.Approved && h.Date >= from && h.Date <= to && opportunityIds.Contains(h.OpportunityId));
        var minutes = await verified.SumAsync(h => (long?)h.CreditedMinutes, ct) ?? 0;
        var volunteers = await verified.Where(h => h.CreditedMinutes > 0).Select(h => h.VolunteerId).Distinct().CountAsync(ct);

        var (start, end) = (IndicatorQueries.SaudiMidnight(from), IndicatorQueries.SaudiMidnight(to.AddDays(1)));
        var published = db.Opportunities.AsNoTracking()
            .Where(o => o.PublishedAt != null && o.PublishedAt >= start && o.PublishedAt < end && opportunityIds.Contains(o.Id));
        var opportunities = await published.CountAsync(ct);
        var beneficiaries = await published.SumAsync(o => (long?)o.ExpectedBeneficiaries, ct) ?? 0;
        return new ScopeFigures(volunteers, opportunities, Ratios.Hours(minutes), beneficiaries);
    }

    /// <summary>Progress on <paramref name="today"/>: the counted window, the previous window of equal length, and the lines.</summary>
    public async Task<(ProgressWindow Window, ScopeFigures Actual, ScopeFigures Previous, IReadOnlyList<ProgressLine> Lines)> ProgressAsync(
        IQueryable<Guid> opportunityIds, DateOnly startsOn, DateOnly endsOn, IndicatorTargets targets, DateOnly today, CancellationToken ct = default)
    {
        var window = ProgressWindow.On(startsOn, endsOn, today);
        var actual = await FiguresAsync(opportunityIds, window.StartsOn, window.CountedTo, ct);
        var previous = await FiguresAsync(opportunityIds, window.PreviousFrom, window.PreviousTo, ct);
        return (window, actual, previous, ProgressArithmetic.Lines(actual, previous, targets, window));
    }
}
