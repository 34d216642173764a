using System.Security.Claims;
using Athar.Core.Calendar;
using Athar.Core.Localization;
using Athar.Core.Opportunities;
using Athar.Core.Programs;
using Athar.Core.Statistics;
using Athar.Data;
using Athar.Data.Programs;
using Microsoft.EntityFrameworkCore;

namespace Athar.Web.Features.Programs;

public sealed class ProgramQueries(AtharDbContext db, ProgramAccess access, ScopeIndicators indicators, TimeProvider clock)
{
    public sealed record ProgramSummary(Guid Id, LocalizedText Title, LocalizedText? Owner, DateOnly StartsOn, DateOnly EndsOn, ProgramStatus Status, int Opportunities);

    public sealed record LinkedOpportunity(Guid Id, LocalizedText Title, Guid OrganizationId, LocalizedText Organization, OpportunityStatus Status, DateTimeOffset? PublishedAt);

    /// <summary>Active and closed programs for everyone, and the drafts this person owns.</summary>
    public async Task<List<ProgramSummary>> ListAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var own = (await access.AdministeredAsync(user, ct)).Select(o => (Guid?)o.Id).ToList();
        var admin = ProgramAccess.IsPlatformAdmin(user);
        return await db.Programs.AsNoTracking()
            .Where(p => p.Status != ProgramStatus.Draft || admin || own.Contains(p.OrganizationId))
            .OrderBy(p => p.Status).ThenByDescending(p => p.StartsOn)
            .Select(p => new ProgramSummary(p.Id, p.Title,
                db.Organizations.Where(o => o.Id == p.OrganizationId).Select(o => o.Name).FirstOrDefault(),
                p.StartsOn, p.EndsOn, p.Status, db.Opportunities.Count(o => o.ProgramId == p.Id)))
            .ToListAsync(ct);
    }

    public Task<LocalizedText?> OwnerNameAsync(Guid? organizationId, CancellationToken ct) =>
        organizationId is { } id ? db.Organizations.AsNoTracking().Where(o => o.Id == id).Select(o => o.Name).FirstOrDefaultAsync(ct) : Task.FromResult<LocalizedText?>(null);

    public Task<List<LinkedOpportunity>> OpportunitiesAsync(IQueryable<Guid> ids, CancellationToken ct) =>
        db.Opportunities.AsNoTracking().Where(o => ids.Contains(o.Id))
            .Join(db.Organizations, o => o.OrganizationId, g => g.Id, (o, g) => new LinkedOpportunity(o.Id, o.Title, o.OrganizationId, g.Name, o.Status, o.PublishedAt))
            .ToListAsync(ct);

    /// <summary>The person's organisations' opportunities that this program would accept and does not hold yet.</summary>
    public async Task<List<LinkedOpportunity>> LinkableAsync(ClaimsPrincipal user, VolunteerProgram program, CancellationToken ct)
    {
        if (program.Status == ProgramStatus.Closed)
            return [];
        var own = (await access.AdministeredAsync(user, ct)).Select(o => o.Id).ToList();
        var q = db.Opportunities.AsNoTracking().Where(o => o.ProgramId != program.Id || o.ProgramId == null)
            .Where(o => o.Status != OpportunityStatus.Cancelled);
        q = program.OrganizationId is { } owner
            ? q.Where(o => o.OrganizationId == owner && (own.Contains(owner) || ProgramAccess.IsPlatformAdmin(user)))
            : q.Where(o => own.Contains(o.OrganizationId));
        return await q.OrderByDescending(o => o.CreatedAt).Take(200)
            .Join(db.Organizations, o => o.OrganizationId, g => g.Id, (o, g) => new LinkedOpportunity(o.Id, o.Title, o.OrganizationId, g.Name, o.Status, o.PublishedAt))
            .ToListAsync(ct);
    }

    public DateOnly Today => DualDate.ToSaudiDate(clock.GetUtcNow());

    public async Task<ProgressView> ProgressAsync(IQueryable<Guid> scope, DateOnly startsOn, DateOnly endsOn, IndicatorTargets targets, bool exact, CancellationToken ct)
    {
        var (window, actual, previous, lines) = await indicators.ProgressAsync(scope, startsOn, endsOn, targets, Today, ct);
        return ProgressView.From(window, Today, actual, previous, lines, exact);
    }
}

/// <summary>
/// Progress as shown: for people who do not run the program, figures about fewer than five volunteers
/// (their count and the hours they gave) are hidden, as on the open statistics.
/// </summary>
public sealed record ProgressView(ProgressWindow Window, DateOnly AsOf, IReadOnlyList<ProgressLine> Lines, IReadOnlySet<ProgressIndicator> Hidden, bool PreviousHidden)
{
    public static ProgressView From(ProgressWindow window, DateOnly asOf, ScopeFigures actual, ScopeFigures previous, IReadOnlyList<ProgressLine> lines, bool exact)
    {
        var hidden = new HashSet<ProgressIndicator>();
        var previousHidden = false;
        if (!exact && Suppression.IsSmall(actual.Volunteers))
            hidden.UnionWith([ProgressIndicator.UniqueVolunteers, ProgressIndicator.VerifiedHours]);
        if (!exact && Suppression.IsSmall(previous.Volunteers))
            previousHidden = true;
        var shown = lines.Select(l => hidden.Contains(l.Indicator)
                ? l with { Actual = 0, Percent = null, Previous = null, Growth = null, Projected = null, OnTrack = null }
                : previousHidden && l.Indicator is ProgressIndicator.UniqueVolunteers or ProgressIndicator.VerifiedHours ? l with { Previous = null, Growth = null } : l)
            .ToList();
        return new ProgressView(window, asOf, shown, hidden, previousHidden);
    }

    public bool IsHidden(ProgressIndicator indicator) => Hidden.Contains(indicator);
}
