using Athar.Core.Statistics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Athar.Data.Statistics;

/// <summary>
/// The dimensions (and pairs of dimensions) the rollups are kept for. A pair packs two values into one
/// <c>DimValue</c>: region × 1,000,000 + the other value. Values are stored: never renumber.
/// </summary>
public enum RollupDim
{
    None = 0,
    Region = 1,
    City = 2,
    Field = 3,
    Gender = 4,
    AgeBand = 5,
    OrganizationType = 6,
    VolunteeringType = 7,
    RegionCity = 12,
    RegionField = 13,
    RegionGender = 14,
    RegionAgeBand = 15,
    RegionOrganizationType = 16,
    RegionVolunteeringType = 17,

    /// <summary>Counters only (<see cref="StatsCounterSql"/>): one organisation, its id in the counter's <c>ScopeId</c>.</summary>
    Organization = 20,

    /// <summary>Counters only: one program, its id in the counter's <c>ScopeId</c>.</summary>
    Program = 21,
}

/// <summary>
/// The periods unique volunteers are kept for: the four reporting periods of <see cref="PeriodKind"/> (same values)
/// and the Hijri month, which a Hijri year's monthly series needs. Values are stored: never renumber.
/// </summary>
public enum ReachPeriod
{
    Month = 1,
    Quarter = 2,
    Year = 3,
    HijriYear = 4,
    HijriMonth = 5,
}

/// <summary>
/// Exact unique active volunteers for one period and one dimension value: the number of distinct people
/// with at least one active (Minutes &gt; 0) <see cref="StatsActivity"/> row in it. Maintained in the
/// hours' transaction by the trigger in <see cref="StatsRollupSql"/>; rebuilt by <c>athar stats rebuild</c>.
/// </summary>
public sealed class StatsReach
{
    public ReachPeriod PeriodKind { get; set; }

    /// <summary>yyyymm (Gregorian or Hijri month), yyyy×10+q (quarter), yyyy (Gregorian or Hijri year).</summary>
    public int PeriodKey { get; set; }

    public RollupDim Dim { get; set; }
    public long DimValue { get; set; }
    public long Volunteers { get; set; }
}

/// <summary>
/// Verified minutes per dimension value, Gregorian and Hijri month and field, without the volunteer and the
/// opportunity: what every additive measure (hours, the professional index, the economic value, whose rate is
/// per Gregorian year and field) sums. Maintained with deltas by the same trigger as <see cref="StatsReach"/>.
/// </summary>
public sealed class StatsTotals
{
    public RollupDim Dim { get; set; }
    public long DimValue { get; set; }
    public int Month { get; set; }
    public int HijriMonth { get; set; }
    public int FieldId { get; set; }
    public long Minutes { get; set; }

    /// <summary>Minutes in skilled and professional opportunities (volunteering type 2 and up).</summary>
    public long ProfessionalMinutes { get; set; }
}

internal sealed class StatsReachConfiguration : IEntityTypeConfiguration<StatsReach>
{
    public void Configure(EntityTypeBuilder<StatsReach> b) =>
        b.HasKey(r => new { r.PeriodKind, r.PeriodKey, r.Dim, r.DimValue });
}

internal sealed class StatsTotalsConfiguration : IEntityTypeConfiguration<StatsTotals>
{
    public void Configure(EntityTypeBuilder<StatsTotals> b)
    {
        b.HasKey(t => new { t.Dim, t.DimValue, t.Month, t.HijriMonth, t.FieldId });
        // Hijri periods read by Hijri month; the key serves Gregorian ones.
        b.HasIndex(t => new { t.Dim, t.HijriMonth });
    }
}
