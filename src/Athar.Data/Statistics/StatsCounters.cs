using Athar.Core.Applications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Athar.Data.Statistics;

/// <summary>The key every counter shares: a Saudi day and a cut.</summary>
public interface IStatsCounter
{
    int Day { get; }
    RollupDim Dim { get; }
    long DimValue { get; }
    Guid ScopeId { get; }

    /// <summary>
    /// Which of the rows of the same day and cut this is: on PostgreSQL a writer adds to the first of
    /// <see cref="StatsCounterSql.FreeSlots"/> slots no other writer in flight holds (rows written before migration
    /// CounterFreeSlots: the slot of its transaction id); 0 on SQLite and after a rebuild. Readers sum over slots, as
    /// they sum over days.
    /// </summary>
    short Slot { get; }
}

/// <summary>
/// Applications made on one Saudi calendar day (of <c>CreatedAt</c>), per status, for one cut: a <see cref="RollupDim"/>
/// and its packed value, or an organisation or program in <see cref="ScopeId"/> (empty for the other cuts). Kept by
/// the triggers of <see cref="StatsCounterSql"/> in the writing transaction; rebuilt by <c>athar stats rebuild</c>.
/// A row may fall to zero and stay: readers sum, and comparisons ignore zero rows.
/// </summary>
public sealed class StatsApplicationCount : IStatsCounter
{
    public int Day { get; set; }
    public RollupDim Dim { get; set; }
    public long DimValue { get; set; }
    public Guid ScopeId { get; set; }
    public short Slot { get; set; }
    public ApplicationStatus Status { get; set; }
    public long Count { get; set; }
}

/// <summary>
/// Accepted applications whose shift ends on one Saudi calendar day, and how many of them have an attendance record:
/// the no-show rate's base and complement, per cut as <see cref="StatsApplicationCount"/>.
/// </summary>
public sealed class StatsAttendanceCount : IStatsCounter
{
    public int Day { get; set; }
    public RollupDim Dim { get; set; }
    public long DimValue { get; set; }
    public Guid ScopeId { get; set; }
    public short Slot { get; set; }
    public long Due { get; set; }
    public long Present { get; set; }
}

/// <summary>Hours records (any status) dated on one day and how many carry a concern: the flagged-hours rate, per cut.</summary>
public sealed class StatsHoursCount : IStatsCounter
{
    public int Day { get; set; }
    public RollupDim Dim { get; set; }
    public long DimValue { get; set; }
    public Guid ScopeId { get; set; }
    public short Slot { get; set; }
    public long Records { get; set; }
    public long Flagged { get; set; }
}

/// <summary>
/// Volunteers who registered on one Saudi calendar day (of <c>RegisteredAt</c>), per cut of their home region and city
/// and their gender: registered volunteers at a period's end are the sum over every day before it.
/// </summary>
public sealed class StatsRegistrationCount : IStatsCounter
{
    public int Day { get; set; }
    public RollupDim Dim { get; set; }
    public long DimValue { get; set; }
    public Guid ScopeId { get; set; }
    public short Slot { get; set; }
    public long Count { get; set; }
}

/// <summary>
/// Seats of the shifts dated on one day, and how many of them are taken (<c>Accepted</c>), counting only shifts of
/// opportunities that were published and not cancelled: seats offered and filled, per cut of the opportunity.
/// </summary>
public sealed class StatsSeatCount : IStatsCounter
{
    public int Day { get; set; }
    public RollupDim Dim { get; set; }
    public long DimValue { get; set; }
    public Guid ScopeId { get; set; }
    public short Slot { get; set; }
    public long Offered { get; set; }
    public long Filled { get; set; }
}

/// <summary>
/// Opportunities published on one Saudi calendar day (of <c>PublishedAt</c>, whatever happened to them later) and the
/// beneficiaries they expect: opportunities published and beneficiaries, per cut of the opportunity.
/// </summary>
public sealed class StatsPublishedCount : IStatsCounter
{
    public int Day { get; set; }
    public RollupDim Dim { get; set; }
    public long DimValue { get; set; }
    public Guid ScopeId { get; set; }
    public short Slot { get; set; }
    public long Published { get; set; }
    public long Beneficiaries { get; set; }
}

internal sealed class StatsApplicationCountConfiguration : IEntityTypeConfiguration<StatsApplicationCount>
{
    public void Configure(EntityTypeBuilder<StatsApplicationCount> b)
    {
        b.ToTable("StatsApplicationCounts");
        // Cut first, then the day range: a dashboard reads one cut over a period.
        b.HasKey(c => new { c.Dim, c.DimValue, c.ScopeId, c.Day, c.Status, c.Slot });
    }
}

internal sealed class StatsAttendanceCountConfiguration : IEntityTypeConfiguration<StatsAttendanceCount>
{
    public void Configure(EntityTypeBuilder<StatsAttendanceCount> b)
    {
        b.ToTable("StatsAttendanceCounts");
        b.HasKey(c => new { c.Dim, c.DimValue, c.ScopeId, c.Day, c.Slot });
    }
}

internal sealed class StatsHoursCountConfiguration : IEntityTypeConfiguration<StatsHoursCount>
{
    public void Configure(EntityTypeBuilder<StatsHoursCount> b)
    {
        b.ToTable("StatsHoursCounts");
        b.HasKey(c => new { c.Dim, c.DimValue, c.ScopeId, c.Day, c.Slot });
    }
}

internal sealed class StatsRegistrationCountConfiguration : IEntityTypeConfiguration<StatsRegistrationCount>
{
    public void Configure(EntityTypeBuilder<StatsRegistrationCount> b)
    {
        b.ToTable("StatsRegistrationCounts");
        b.HasKey(c => new { c.Dim, c.DimValue, c.ScopeId, c.Day, c.Slot });
    }
}

internal sealed class StatsSeatCountConfiguration : IEntityTypeConfiguration<StatsSeatCount>
{
    public void Configure(EntityTypeBuilder<StatsSeatCount> b)
    {
        b.ToTable("StatsSeatCounts");
        b.HasKey(c => new { c.Dim, c.DimValue, c.ScopeId, c.Day, c.Slot });
    }
}

internal sealed class StatsPublishedCountConfiguration : IEntityTypeConfiguration<StatsPublishedCount>
{
    public void Configure(EntityTypeBuilder<StatsPublishedCount> b)
    {
        b.ToTable("StatsPublishedCounts");
        b.HasKey(c => new { c.Dim, c.DimValue, c.ScopeId, c.Day, c.Slot });
    }
}
