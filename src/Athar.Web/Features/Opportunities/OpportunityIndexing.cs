using Athar.Core.Opportunities;
using Athar.Data;
using Athar.Data.Opportunities;
using Athar.Data.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Athar.Web.Features.Opportunities;

/// <summary>
/// The values kept beside an opportunity for search, filters and sorting, recomputed on every write:
/// the seats over all shifts, the next shift ahead, and the normalised search text (titles,
/// descriptions, skills, the organisation's, field's and city's names in both languages).
/// </summary>
public static class OpportunityIndexing
{
    public static void Refresh(Opportunity opportunity, Organization organization, DateTimeOffset now)
    {
        opportunity.SeatsTotal = opportunity.Shifts.Sum(s => s.Seats);
        // Seats taken is folded from the shifts after they change (SeatCountFold); until then it may exceed a total an
        // edit just lowered to the shifts' accepted count, which the opportunity's check constraint would refuse.
        opportunity.SeatsTaken = Math.Min(opportunity.SeatsTaken, opportunity.SeatsTotal);
        opportunity.NextShiftStartsAt = opportunity.Shifts.Where(s => s.StartsAt > now).Select(s => (DateTimeOffset?)s.StartsAt).Min();
        opportunity.SearchText = SearchText(opportunity, organization);
    }

    public static string SearchText(Opportunity opportunity, Organization organization) =>
        OpportunitySearch.ForOpportunity(
            opportunity.Title.Ar, opportunity.Title.En, opportunity.Description.Ar, opportunity.Description.En, opportunity.RequiredSkills,
            organization.Name.Ar, organization.Name.En, opportunity.FieldId, opportunity.CityId);

    /// <summary>
    /// Rewrites the search text of all of an organisation's opportunities; the organisations feature
    /// calls this after renaming an organisation, so a search by its new name finds them.
    /// </summary>
    public static async Task RefreshOrganizationAsync(AtharDbContext db, Guid organizationId, CancellationToken cancellationToken = default)
    {
        var organization = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == organizationId, cancellationToken);
        if (organization is null)
            return;
        var opportunities = await db.Opportunities.Where(o => o.OrganizationId == organizationId).ToListAsync(cancellationToken);
        foreach (var opportunity in opportunities)
            opportunity.SearchText = SearchText(opportunity, organization);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Moves NextShiftStartsAt past shifts that have started since it was written, so "soonest" keeps
    /// its meaning between edits (run by <see cref="OpportunityJobs"/>).
    /// </summary>
    public static Task<int> AdvanceNextShiftsAsync(AtharDbContext db, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        db.Opportunities
            .Where(o => o.NextShiftStartsAt != null && o.NextShiftStartsAt <= now)
            .ExecuteUpdateAsync(s => s.SetProperty(
                o => o.NextShiftStartsAt,
                o => db.Shifts.Where(x => x.OpportunityId == o.Id && x.StartsAt > now).OrderBy(x => x.StartsAt).Select(x => (DateTimeOffset?)x.StartsAt).FirstOrDefault()),
                cancellationToken);
}
