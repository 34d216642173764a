using System.Linq.Expressions;
using Athar.Core.Statistics;
using Microsoft.EntityFrameworkCore;

namespace Athar.Data.Statistics;

/// <summary>What a breakdown table groups by.</summary>
public enum Breakdown
{
    Month = 1,
    Region,
    City,
    Field,
    Gender,
    AgeBand,
    OrganizationType,
    VolunteeringType,
}

/// <summary>Verified minutes of a cut, those in skilled or professional opportunities, and their economic value.</summary>
public sealed record VerifiedMinutes(long Minutes, long Professional, decimal EconomicValue);

/// <summary>One group of a breakdown: distinct volunteers (never a sum of smaller groups), verified minutes and their value.</summary>
public sealed record BreakdownRow(int Key, long Volunteers, long Minutes, decimal EconomicValue);

/// <summary>
/// The hour-based indicators. Each is defined once, on the activity facts (the raw path); cuts the rollups hold
/// (national, one dimension, or a region and one more: <see cref="RollupCut"/>) read the same figures from
/// <see cref="StatsReach"/> and <see cref="StatsTotals"/>, which the triggers keep equal to that definition
/// (the cross-check tests compare both paths). Organisation, program and volunteer cuts read the facts.
/// </summary>
public sealed class ActivityQueries(AtharDbContext db)
{
    /// <summary>False reads every cut from the facts: the reference the tests hold the rollups to.</summary>
    public bool UseRollups { get; init; } = true;

    private RollupCut? Rollup(StatsFilter f, Breakdown? by = null) => UseRollups ? RollupCut.For(f, by) : null;

    public IQueryable<StatsActivity> Activity(StatsFilter f)
    {
        var q = AllTime(f);
        var (from, to) = f.Period.MonthKeys;
        return f.Period.IsHijri
            ? q.Where(a => a.HijriMonth >= from && a.HijriMonth <= to)
            : q.Where(a => a.Month >= from && a.Month <= to);
    }

    /// <summary>The cut's dimensions without its period.</summary>
    public IQueryable<StatsActivity> AllTime(StatsFilter f)
    {
        var q = db.StatsActivity.AsNoTracking();
        if (f.RegionId is { } region) q = q.Where(a => a.RegionId == region);
        if (f.CityId is { } city) q = q.Where(a => a.CityId == city);
        if (f.FieldId is { } field) q = q.Where(a => a.FieldId == field);
        if (f.Gender is { } gender) q = q.Where(a => a.Gender == gender);
        if (f.AgeBand is { } band) q = q.Where(a => a.AgeBand == (int)band);
        if (f.OrganizationType is { } type) q = q.Where(a => a.OrganizationType == type);
        if (f.OrganizationId is { } organization) q = q.Where(a => a.OrganizationId == organization);
        if (f.ProgramId is { } program) q = q.Where(a => a.ProgramId == program);
        if (f.VolunteerId is { } volunteer) q = q.Where(a => a.VolunteerId == volunteer);
        return q;
    }

    /// <summary>The cut's totals rows in the period (Hijri months for a Hijri year).</summary>
    private IQueryable<StatsTotals> Totals(StatsFilter f, RollupCut cut)
    {
        var q = cut.Apply(db.StatsTotals.AsNoTracking());
        var (from, to) = f.Period.MonthKeys;
        return f.Period.IsHijri
            ? q.Where(t => t.HijriMonth >= from && t.HijriMonth <= to)
            : q.Where(t => t.Month >= from && t.Month <= to);
    }

    /// <summary>Distinct people with verified minutes in the cut: one person active in two regions counts once nationally.</summary>
    public async Task<int> UniqueVolunteersAsync(StatsFilter f, CancellationToken ct = default)
    {
        if (Rollup(f) is not { } cut)
            return await Activity(f).Where(a => a.Minutes > 0).Select(a => a.VolunteerId).Distinct().CountAsync(ct);
        var (kind, key) = RollupCut.PeriodKey(f.Period);
        return (int)(await cut.Apply(db.StatsReach.AsNoTracking()).Where(r => r.PeriodKind == kind && r.PeriodKey == key).SumAsync(r => (long?)r.Volunteers, ct) ?? 0);
    }

    public async Task<long> MinutesAsync(StatsFilter f, CancellationToken ct = default) => (await PartsAsync(f, ct)).Sum(p => p.Minutes);

    public async Task<long> ProfessionalMinutesAsync(StatsFilter f, CancellationToken ct = default) => (await PartsAsync(f, ct)).Sum(p => p.Professional);

    public async Task<decimal> EconomicValueAsync(StatsFilter f, HourlyValueOptions rates, CancellationToken ct = default) =>
        EconomicValue.Compute((await PartsAsync(f, ct)).Select(p => (p.Year, p.FieldId, p.Minutes)), rates);

    /// <summary>Verified minutes, those in skilled or professional opportunities, and their economic value: one query for the three.</summary>
    public async Task<VerifiedMinutes> VerifiedAsync(StatsFilter f, HourlyValueOptions rates, CancellationToken ct = default)
    {
        var parts = await PartsAsync(f, ct);
        return new VerifiedMinutes(parts.Sum(p => p.Minutes), parts.Sum(p => p.Professional), EconomicValue.Compute(parts.Select(p => (p.Year, p.FieldId, p.Minutes)), rates));
    }

    /// <summary>The cut's minutes per Gregorian year and field (the economic value's rates differ by both), with the professional share.</summary>
    private async Task<List<YearFieldMinutes>> PartsAsync(StatsFilter f, CancellationToken ct) =>
        Rollup(f) is { } cut
            ? await Totals(f, cut).GroupBy(t => new { Year = t.Month / 100, t.FieldId })
                .Select(g => new YearFieldMinutes(g.Key.Year, g.Key.FieldId, g.Sum(t => t.Minutes), g.Sum(t => t.ProfessionalMinutes))).ToListAsync(ct)
            : await Activity(f).GroupBy(a => new { Year = a.Month / 100, a.FieldId })
                .Select(g => new YearFieldMinutes(g.Key.Year, g.Key.FieldId, g.Sum(a => a.Minutes), g.Sum(a => a.VolunteeringType >= 2 ? a.Minutes : 0))).ToListAsync(ct);

    private sealed record YearFieldMinutes(int Year, int FieldId, long Minutes, long Professional);

    /// <summary>Unique active volunteers per Gregorian year (the target's measure) in the cut's dimensions, every year.</summary>
    public async Task<IReadOnlyList<(int Year, long Volunteers)>> VolunteersPerYearAsync(StatsFilter f, CancellationToken ct = default)
    {
        if (Rollup(f) is { } cut)
        {
            var years = await cut.Apply(db.StatsReach.AsNoTracking()).Where(r => r.PeriodKind == ReachPeriod.Year)
                .GroupBy(r => r.PeriodKey).Select(g => new { Year = g.Key, Volunteers = g.Sum(r => r.Volunteers) }).ToListAsync(ct);
            return years.Where(y => y.Volunteers > 0).OrderBy(y => y.Year).Select(y => (y.Year, y.Volunteers)).ToList();
        }
        var rows = await AllTime(f).Where(a => a.Minutes > 0)
            .GroupBy(a => a.Month / 100)
            .Select(g => new { Year = g.Key, Volunteers = g.Select(a => a.VolunteerId).Distinct().Count() })
            .ToListAsync(ct);
        return rows.OrderBy(r => r.Year).Select(r => (r.Year, (long)r.Volunteers)).ToList();
    }

    public async Task<IReadOnlyList<BreakdownRow>> BreakdownAsync(StatsFilter f, Breakdown by, HourlyValueOptions rates, CancellationToken ct = default)
    {
        var (volunteers, parts) = Rollup(f, by) is { } cut
            ? await FromRollupsAsync(f, by, cut, ct)
            : await FromActivityAsync(f, by, ct);
        var minutes = parts.GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Sum(p => p.Minutes));
        var values = parts.GroupBy(p => p.Key).ToDictionary(g => g.Key, g => EconomicValue.Compute(g.Select(p => (p.Year, p.FieldId, p.Minutes)), rates));
        return minutes.Keys.Union(volunteers.Keys)
            .Select(k => new BreakdownRow(k, volunteers.GetValueOrDefault(k), minutes.GetValueOrDefault(k), values.GetValueOrDefault(k)))
            .Where(r => r.Minutes > 0 || r.Volunteers > 0)
            .OrderBy(r => r.Key)
            .ToList();
    }

    /// <summary>Minutes of one breakdown group in one Gregorian year and field: what the economic value is computed from.</summary>
    private sealed record MinutesPart(int Key, int Year, int FieldId, long Minutes);

    private async Task<(Dictionary<int, long> Volunteers, List<MinutesPart> Parts)> FromRollupsAsync(StatsFilter f, Breakdown by, RollupCut cut, CancellationToken ct)
    {
        var reach = cut.Apply(db.StatsReach.AsNoTracking());
        List<(long Value, int Period, long Volunteers)> people;
        List<MinutesPart> parts;
        if (by == Breakdown.Month)
        {
            // The monthly series: the cut's reach per month (Hijri months for a Hijri year), totals by month.
            var kind = f.Period.IsHijri ? ReachPeriod.HijriMonth : ReachPeriod.Month;
            var (from, to) = f.Period.MonthKeys;
            people = (await reach.Where(r => r.PeriodKind == kind && r.PeriodKey >= from && r.PeriodKey <= to)
                .Select(r => new { r.DimValue, r.PeriodKey, r.Volunteers }).ToListAsync(ct))
                .Select(r => (r.DimValue, r.PeriodKey, r.Volunteers)).ToList();
            var totals = Totals(f, cut);
            parts = f.Period.IsHijri
                ? await totals.GroupBy(t => new { t.HijriMonth, Year = t.Month / 100, t.FieldId })
                    .Select(g => new MinutesPart(g.Key.HijriMonth, g.Key.Year, g.Key.FieldId, g.Sum(t => t.Minutes))).ToListAsync(ct)
                : await totals.GroupBy(t => new { t.Month, t.FieldId })
                    .Select(g => new MinutesPart(g.Key.Month, g.Key.Month / 100, g.Key.FieldId, g.Sum(t => t.Minutes))).ToListAsync(ct);
            return (people.GroupBy(p => p.Period).ToDictionary(g => g.Key, g => g.Sum(p => p.Volunteers)), parts);
        }
        var (periodKind, periodKey) = RollupCut.PeriodKey(f.Period);
        people = (await reach.Where(r => r.PeriodKind == periodKind && r.PeriodKey == periodKey)
            .Select(r => new { r.DimValue, r.PeriodKey, r.Volunteers }).ToListAsync(ct))
            .Select(r => (r.DimValue, r.PeriodKey, r.Volunteers)).ToList();
        var byValue = await Totals(f, cut).GroupBy(t => new { t.DimValue, Year = t.Month / 100, t.FieldId })
            .Select(g => new { g.Key.DimValue, g.Key.Year, g.Key.FieldId, Minutes = g.Sum(t => t.Minutes) }).ToListAsync(ct);
        parts = byValue.Select(p => new MinutesPart(cut.KeyOf(p.DimValue), p.Year, p.FieldId, p.Minutes)).ToList();
        return (people.GroupBy(p => cut.KeyOf(p.Value)).ToDictionary(g => g.Key, g => g.Sum(p => p.Volunteers)), parts);
    }

    private async Task<(Dictionary<int, long> Volunteers, List<MinutesPart> Parts)> FromActivityAsync(StatsFilter f, Breakdown by, CancellationToken ct)
    {
        var key = KeyOf(by, f.Period.IsHijri);
        var q = Activity(f);
        var people = await q.Where(a => a.Minutes > 0).GroupBy(key)
            .Select(g => new { g.Key, Volunteers = g.Select(a => a.VolunteerId).Distinct().Count() })
            .ToListAsync(ct);
        // Value needs minutes per year and field inside each group; one GROUP BY on a packed key.
        var packed = await q.GroupBy(Packed(key))
            .Select(g => new { g.Key, Minutes = g.Sum(a => a.Minutes) })
            .ToListAsync(ct);
        var parts = packed.Select(p => new MinutesPart((int)(p.Key / PackGroup), (int)(p.Key % PackGroup / 1000), (int)(p.Key % 1000), p.Minutes)).ToList();
        return (people.ToDictionary(p => p.Key, p => (long)p.Volunteers), parts);
    }

    private static Expression<Func<StatsActivity, int>> KeyOf(Breakdown by, bool hijri) => by switch
    {
        Breakdown.Month => hijri ? a => a.HijriMonth : a => a.Month,
        Breakdown.Region => a => a.RegionId,
        Breakdown.City => a => a.CityId,
        Breakdown.Field => a => a.FieldId,
        Breakdown.Gender => a => a.Gender,
        Breakdown.AgeBand => a => a.AgeBand,
        Breakdown.OrganizationType => a => a.OrganizationType,
        _ => a => a.VolunteeringType,
    };

    private const long PackGroup = 10_000_000;

    /// <summary>group key × 10⁷ + Gregorian year × 10³ + field id (fields stay below 1000).</summary>
    private static Expression<Func<StatsActivity, long>> Packed(Expression<Func<StatsActivity, int>> key)
    {
        var a = key.Parameters[0];
        var year = Expression.Divide(Expression.Property(a, nameof(StatsActivity.Month)), Expression.Constant(100));
        var body = Expression.Add(
            Expression.Add(
                Expression.Multiply(Expression.Convert(key.Body, typeof(long)), Expression.Constant(PackGroup)),
                Expression.Multiply(Expression.Convert(year, typeof(long)), Expression.Constant(1000L))),
            Expression.Convert(Expression.Property(a, nameof(StatsActivity.FieldId)), typeof(long)));
        return Expression.Lambda<Func<StatsActivity, long>>(body, a);
    }
}
