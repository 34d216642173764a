using Athar.Data.Opportunities;
using Athar.Data.Participation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Athar.Data.Statistics;

// The period conditions of the indicators that are not hours (IndicatorQueries): each reads its own table by a
// date range, nationally without any other condition. Kept here, beside the queries that need them; the
// entities' own configurations stay with their features.

internal sealed class ApplicationPeriodIndexes : IEntityTypeConfiguration<Application>
{
    // Applications made in a period, and how many of them were accepted, from the index alone.
    public void Configure(EntityTypeBuilder<Application> b) => b.HasIndex(a => new { a.CreatedAt, a.Status });
}

internal sealed class ShiftPeriodIndexes : IEntityTypeConfiguration<Shift>
{
    public void Configure(EntityTypeBuilder<Shift> b)
    {
        b.HasIndex(s => s.Date); // seats offered and filled
        b.HasIndex(s => s.EndsAt); // the no-show rate's ended shifts
    }
}

internal sealed class OpportunityPeriodIndexes : IEntityTypeConfiguration<Opportunity>
{
    // Published in the period, whatever the status now (the status-first index cannot serve that); on PostgreSQL the
    // beneficiaries ride along, so the count and the sum read the index alone.
    public void Configure(EntityTypeBuilder<Opportunity> b) => b.HasIndex(o => o.PublishedAt).IncludeProperties(o => o.ExpectedBeneficiaries);
}

internal sealed class VolunteerPeriodIndexes : IEntityTypeConfiguration<Accounts.Volunteer>
{
    // Registered volunteers by the end of a period: nationally a count over this index alone, not a pass over every profile.
    public void Configure(EntityTypeBuilder<Accounts.Volunteer> b) => b.HasIndex(v => v.RegisteredAt);
}
