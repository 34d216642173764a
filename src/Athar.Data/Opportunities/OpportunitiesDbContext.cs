using Microsoft.EntityFrameworkCore;

namespace Athar.Data;

public sealed partial class AtharDbContext
{
    public DbSet<Opportunities.Opportunity> Opportunities => Set<Opportunities.Opportunity>();
    public DbSet<Opportunities.Shift> Shifts => Set<Opportunities.Shift>();

    /// <summary>Written only by database triggers (<see cref="Opportunities.SearchableOpportunitySql"/>); read by the public search.</summary>
    public DbSet<Opportunities.SearchableOpportunity> SearchableOpportunities => Set<Opportunities.SearchableOpportunity>();

    /// <summary>Appended by a trigger on Shifts, consumed by <see cref="Opportunities.SeatCountFold"/>.</summary>
    public DbSet<Opportunities.SeatCountChange> SeatCountChanges => Set<Opportunities.SeatCountChange>();
}
