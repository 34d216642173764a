using Athar.Core.Import;
using Athar.Core.Opportunities;
using Athar.Data.Opportunities;
using Microsoft.EntityFrameworkCore;

namespace Athar.Data.Import;

/// <summary>
/// Opportunities of the importing organisation, keyed by the organisation's own reference: a reference
/// already imported is skipped (the stored opportunity is never changed by a file). Past opportunities
/// arrive completed (they are records, for the hours that follow); current and future ones arrive as
/// drafts, which staff complete with shifts and publish through the usual form and its rules.
/// </summary>
internal static class OpportunityImport
{
    public static async Task<ImportPlan> PlanAsync(ImportContext context, List<ImportRow> rows, List<ImportProblem> problems, CancellationToken cancellationToken)
    {
        var organizationId = context.Organization.Id;
        var existing = (await context.Db.OpportunityReferences.AsNoTracking().Where(r => r.OrganizationId == organizationId).Select(r => r.Reference).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var fresh = new List<OpportunityRow>();
        var skipped = 0;
        foreach (var row in rows)
        {
            if (ImportRowRules.Opportunity(row, context.Today, problems) is not { } opportunity)
                continue;
            if (!seen.TryAdd(opportunity.Reference, row.Number))
                problems.Add(ImportRowRules.Problem(row, "reference", "Row.Duplicate", seen[opportunity.Reference]));
            else if (existing.Contains(opportunity.Reference))
                skipped++;
            else
                fresh.Add(opportunity);
        }
        context.Progress.Add(rows.Count);
        return new Plan(context, fresh) { Added = fresh.Count, Skipped = skipped, RowsToWrite = fresh.Count * 2L };
    }

    private sealed class Plan(ImportContext context, List<OpportunityRow> fresh) : ImportPlan
    {
        public override Task WriteAsync(ImportRowWriter writer, Guid batchId, CancellationToken cancellationToken)
        {
            var organization = context.Organization;
            var opportunities = fresh.Select(o => new Opportunity
            {
                Id = Guid.CreateVersion7(context.Now),
                OrganizationId = organization.Id,
                Title = o.Title,
                Description = o.Description,
                FieldId = o.FieldId,
                RegionId = o.RegionId,
                CityId = o.CityId,
                StartDate = o.StartDate,
                EndDate = o.EndDate,
                Status = o.EndDate < context.Today ? OpportunityStatus.Completed : OpportunityStatus.Draft,
                CreatedAt = context.Now,
                SearchText = OpportunitySearch.ForOpportunity(o.Title.Ar, o.Title.En, o.Description.Ar, o.Description.En, null, organization.Name.Ar, organization.Name.En, o.FieldId, o.CityId),
            }).ToList();
            writer.Write(opportunities, cancellationToken);
            writer.Write(fresh.Zip(opportunities, (row, o) => new OpportunityReference { OrganizationId = organization.Id, Reference = row.Reference, OpportunityId = o.Id }).ToList(), cancellationToken);
            return Task.CompletedTask;
        }
    }
}
