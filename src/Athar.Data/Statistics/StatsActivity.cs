using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Athar.Data.Statistics;

/// <summary>
/// The activity fact: one volunteer's verified minutes in one opportunity in one Gregorian month and
/// Hijri month (a pair: the two calendars' months overlap, so a Gregorian month spans at most two rows
/// per opportunity). It carries every dimension an indicator is cut by, copied when the hours are
/// verified, so unique volunteers are an exact COUNT(DISTINCT VolunteerId) over any cut and hours a SUM.
/// Maintained only by the database triggers in <see cref="StatisticsSql"/>, in the transaction that
/// changes the hours; rebuilt from VolunteerHours by <c>athar stats rebuild</c>.
/// </summary>
public sealed class StatsActivity
{
    public Guid VolunteerId { get; set; }
    public Guid OpportunityId { get; set; }

    /// <summary>Gregorian yyyymm of the hours' date.</summary>
    public int Month { get; set; }

    /// <summary>Umm al-Qura yyyymm of the hours' date.</summary>
    public int HijriMonth { get; set; }

    public int RegionId { get; set; }
    public int CityId { get; set; }
    public int FieldId { get; set; }
    public Guid OrganizationId { get; set; }
    public int OrganizationType { get; set; }
    public Guid? ProgramId { get; set; }
    public int VolunteeringType { get; set; }
    public int Gender { get; set; }
    public int AgeBand { get; set; }

    /// <summary>Verified (approved, credited) minutes; a row at zero means the hours were un-approved and no longer count.</summary>
    public long Minutes { get; set; }

    /// <summary>Approved hours records behind the minutes.</summary>
    public int Records { get; set; }
}

/// <summary>The Umm al-Qura months as date ranges, so SQL can place a date in its Hijri month. Seeded by the migration.</summary>
public sealed class StatsHijriMonth
{
    public int HijriMonth { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly EndDate { get; set; }
}

internal sealed class StatsActivityConfiguration : IEntityTypeConfiguration<StatsActivity>
{
    public void Configure(EntityTypeBuilder<StatsActivity> b)
    {
        // Region and field are the hours' own copies (where and in what the work was done); keeping them in the
        // key means a rebuild groups exactly as the triggers add, whatever later edits to the opportunity.
        b.HasKey(a => new { a.VolunteerId, a.OpportunityId, a.Month, a.HijriMonth, a.RegionId, a.FieldId });
        // The dashboards filter by period first, then by a scope (region or organisation).
        b.HasIndex(a => new { a.Month, a.RegionId });
        b.HasIndex(a => new { a.HijriMonth, a.RegionId });
        b.HasIndex(a => new { a.OrganizationId, a.Month });
    }
}

internal sealed class StatsHijriMonthConfiguration : IEntityTypeConfiguration<StatsHijriMonth>
{
    public void Configure(EntityTypeBuilder<StatsHijriMonth> b)
    {
        b.HasKey(m => m.HijriMonth);
        b.Property(m => m.HijriMonth).ValueGeneratedNever();
        b.HasIndex(m => m.StartDate).IsUnique();
    }
}
