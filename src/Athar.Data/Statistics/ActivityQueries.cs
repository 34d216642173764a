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

/// <summary>One group of a breakdown: distinct volunteers (never a sum of smaller groups), verified minutes and their value.</summary>
public sealed record BreakdownRow(int Key, long Volunteers, long Minutes, decimal EconomicValue);

/// <summary>The hour-based indicators, read from the activity fact table.</summary>
public sealed class ActivityQueries(AtharDbContext db)
{
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

    /// <summary>Distinct people with verified minutes in the cut: one person active in two regions counts once nationally.</summary>
    public Task<int> UniqueVolunteersAsync(StatsFilter f, CancellationToken ct = default) =>
        Activity(f).Where(a => a.Minutes > 0).Select(a => a.VolunteerId).Distinct().CountAsync(ct);

    public async Task<long> MinutesAsync(StatsFilter f, CancellationToken ct = default) =>
        await Activity(f).SumAsync(a => (long?)a.Minutes, ct) ?? 0;

    public async Task<long> ProfessionalMinutesAsync(StatsFilter f, CancellationToken ct = default) =>
        await Activity(f).Where(a => a.VolunteeringType >= 2).SumAsync(a => (long?)a.Minutes, ct) ?? 0;

    public async Task<decimal> EconomicValueAsync(StatsFilter f, HourlyValueOptions rates, CancellationToken ct = default)
    {
        var parts = await Activity(f)
            .GroupBy(a => new { Year = a.Month / 100, a.FieldId })
            .Select(g => new { g.Key.Year, g.Key.FieldId, Minutes = g.Sum(a => a.Minutes) })
            .ToListAsync(ct);
        return EconomicValue.Compute(parts.Select(p => (p.Year, p.FieldId, p.Minutes)), rates);
    }

    /// <summary>Unique active volunteers per Gregorian year (the target's measure) in the cut's dimensions, every year.</summary>
    public async Task<IReadOnlyList<(int Year, long Volunteers)>> VolunteersPerYearAsync(StatsFilter f, CancellationToken ct = default)
    {
        var rows = await AllTime(f).Where(a => a.Minutes > 0)
            .GroupBy(a => a.Month / 100)
            .Select(g => new { Year = g.Key, Volunteers = g.Select(a => a.VolunteerId).Distinct().Count() })
            .ToListAsync(ct);
        return rows.OrderBy(r => r.Year).Select(r => (r.Year, (long)r.Volunteers)).ToList();
    }

    public async Task<IReadOnlyList<BreakdownRow>> BreakdownAsync(StatsFilter f, Breakdown by, HourlyValueOptions rates, CancellationToken ct = default)
    {
        var key = KeyOf(by, f.Period.IsHijri);
        var q = Activity(f);
        var totals = await q.GroupBy(key)
            .Select(g => new
            {
                g.Key,
                Volunteers = g.Where(a => a.Minutes > 0).Select(a => a.VolunteerId).Distinct().Count(),
                Minutes = g.Sum(a => a.Minutes),
            })
            .ToListAsync(ct);
        // Value needs minutes per year and field inside each group; one GROUP BY on a packed key.
        var parts = await q.GroupBy(Packed(key))
            .Select(g => new { g.Key, Minutes = g.Sum(a => a.Minutes) })
            .ToListAsync(ct);
        var values = parts
            .GroupBy(p => p.Key / PackGroup)
            .ToDictionary(g => (int)g.Key, g => EconomicValue.Compute(g.Select(p => ((int)(p.Key % PackGroup / 1000), (int)(p.Key % 1000), p.Minutes)), rates));
        return totals
            .Select(t => new BreakdownRow(t.Key, t.Volunteers, t.Minutes, values.GetValueOrDefault(t.Key)))
            .Where(r => r.Minutes > 0 || r.Volunteers > 0)
            .OrderBy(r => r.Key)
            .ToList();
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
