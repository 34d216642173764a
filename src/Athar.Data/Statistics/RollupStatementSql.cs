using System.Globalization;
using static Athar.Data.Statistics.StatementTriggers;

namespace Athar.Data.Statistics;

/// <summary>
/// Which PostgreSQL triggers keep the facts and their rollups. They change together: the hours trigger writes the
/// facts one row per INSERT while the rollup trigger is a row trigger (whose reach check assumes its statement changed
/// that row alone), and all of a statement's facts at once when the rollup triggers read whole statements. Migrations
/// before RollupPerStatement install <see cref="PerRowRollups"/>; the rebuild, the seeder and later migrations
/// <see cref="StatsRollupSql.Latest"/>. SQLite keeps its row triggers in both.
/// </summary>
public enum FactTriggers
{
    /// <summary>A row trigger on StatsActivity; the hours trigger upserts one fact row per statement (migrations StatisticsRollups to ImportTriggerCosts).</summary>
    PerRowRollups,

    /// <summary>
    /// Three statement triggers on StatsActivity over transition tables (<see cref="RollupStatementSql"/>); the hours
    /// trigger updates and inserts all of its statement's facts in two statements (migration RollupPerStatement, issue #7).
    /// </summary>
    PerStatementRollups,

    /// <summary>
    /// As <see cref="PerStatementRollups"/>, with the reach count reading each volunteer's changed years from her own
    /// row (arrays of her Gregorian and Hijri years) instead of scanning every volunteer's years for each of them, which
    /// was quadratic in the statement's volunteers: 8 of the 13 s a 20,000-row hours COPY spent in its rollup trigger
    /// (migration RollupYearSets, issue #7).
    /// </summary>
    PerStatementRollupsYearSets,

    /// <summary>
    /// As <see cref="PerStatementRollupsYearSets"/>, with the volunteers whose every active fact in the changed years is
    /// one of the statement's after images (a first import of her hours, her first approved hours of a year) counted
    /// from the statement alone: her number of active rows in a cell is then the statement's, so the 70 cells of her
    /// facts are not read back from the table and grouped a second time (migration RollupNewcomers, issue #7).
    /// </summary>
    PerStatementRollupsNewcomers,
}

/// <summary>
/// PostgreSQL's rollup triggers on StatsActivity, one AFTER … FOR EACH STATEMENT trigger per event over the statement's
/// transition tables, set-based: each StatsReach and StatsTotals row a statement moves is written once, however many
/// fact rows it changed. A row trigger wrote the same ~84 national and regional rows once per fact row, so a bulk
/// import of 20,000 hours rows made each of them a chain of 20,000 dead versions in one transaction, every update
/// walking it: 12 minutes and slowing (issue #7).
/// <para>
/// Reach stays exact without per-row reasoning. Per affected volunteer and cell, the statement changed her number of
/// active fact rows there by <c>dn</c> (its new active rows minus its old ones); her number now, <c>n</c>, is counted
/// from the table; before the statement it was <c>n − dn</c>. She enters the cell when <c>n &gt; 0</c> and
/// <c>n − dn = 0</c>, and leaves it in the opposite case; the entries and exits are summed per cell and upserted once.
/// Only cells with <c>dn ≠ 0</c> can change, so a change of minutes in rows already active (most approvals) reads
/// nothing; and only her rows in the same Gregorian or Hijri year as a changed row can share a cell with one.
/// </para>
/// <para>
/// Races as with the row trigger (ADR 0017): the statement first takes the advisory locks of the volunteers it changed,
/// in key order (a bulk statement one key for all, <see cref="StatsRollupSql.LockVolunteers"/>), and counts <c>n</c> in a
/// later statement, so in READ COMMITTED it sees whatever a previous holder committed. <c>n</c> is read after the statement, so each statement's triggers must fire before another statement
/// changes the same volunteers' facts: true of every statement but an <c>INSERT … ON CONFLICT DO UPDATE</c> that both
/// inserts and updates, whose two triggers both fire after all of it. The hours trigger therefore updates the facts
/// that exist and inserts the others in two statements (<see cref="StatisticsSql"/>).
/// </para>
/// </summary>
internal static class RollupStatementSql
{
    private static string Int(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Name(TriggerEvent op) => $"athar_stats_rollup_{op.ToString().ToLowerInvariant()}";

    /// <summary>The changed rows as a FROM item with column <c>sgn</c>: 1 for an after image, -1 for a before image.</summary>
    private static string Changed(TriggerEvent op) => op switch
    {
        TriggerEvent.Insert => $"(SELECT r.*, 1 AS sgn FROM {NewRows} r)",
        TriggerEvent.Delete => $"(SELECT r.*, -1 AS sgn FROM {OldRows} r)",
        _ => $"(SELECT r.*, 1 AS sgn FROM {NewRows} r UNION ALL SELECT r.*, -1 FROM {OldRows} r)",
    };

    /// <summary>The 70 reach cells (k, p, d, v) of fact row <paramref name="a"/>, as a lateral VALUES list.</summary>
    private static string ReachCells(string a)
    {
        var cells = StatsRollupSql.Kinds.SelectMany(kind => StatsRollupSql.Dims.Select(dim =>
            $"({Int((int)kind)}, {StatsRollupSql.PeriodKey(kind, a)}, {Int((int)dim)}, {StatsRollupSql.DimValue(dim, a)})"));
        return $"CROSS JOIN LATERAL (VALUES {string.Join(", ", cells)}) c(k, p, d, v)";
    }

    /// <summary>The 14 totals cells (d, v) of fact row <paramref name="a"/>.</summary>
    private static string TotalsCells(string a) =>
        $"CROSS JOIN LATERAL (VALUES {string.Join(", ", StatsRollupSql.Dims.Select(dim => $"({Int((int)dim)}, {StatsRollupSql.DimValue(dim, a)})"))}) c(d, v)";

    private const string Cell = "c.k, c.p, c.d, c.v";

    /// <summary>
    /// One upsert of the statement's reach changes (see the class). <c>delta</c>: per volunteer w and cell, the change
    /// in her active rows there (cells with none left out); <c>years</c>: her Gregorian and Hijri years those rows are
    /// in; <c>now</c>: her active rows per touched cell, counted over her facts of those years only.
    /// <para>
    /// PL/pgSQL plans a statement without parameters once per session, with the size of the first transition table it
    /// meets; <c>now</c> reads each volunteer's facts in a LATERAL subquery kept apart by <c>OFFSET 0</c>, so whatever that
    /// size, the plan reads them through the key (VolunteerId first) and never scans the whole table for one approval.
    /// </para>
    /// </summary>
    private static string Reach(TriggerEvent op, FactTriggers version)
    {
        var newcomers = version >= FactTriggers.PerStatementRollupsNewcomers;
        return "INSERT INTO \"StatsReach\" (\"PeriodKind\", \"PeriodKey\", \"Dim\", \"DimValue\", \"Volunteers\")\n" +
            $"    WITH active AS (SELECT * FROM {Changed(op)} x WHERE x.\"Minutes\" > 0),\n" +
            $"    delta AS (SELECT x.\"VolunteerId\" AS w, {Cell}, SUM(x.sgn) AS dn{(newcomers ? ", SUM(CASE WHEN x.sgn > 0 THEN 1 ELSE 0 END) AS np" : "")} " +
            $"FROM active x {ReachCells("x")} GROUP BY x.\"VolunteerId\", {Cell} HAVING SUM(x.sgn) <> 0),\n" +
            (version == FactTriggers.PerStatementRollups ? YearsScanned : newcomers ? YearSetsOfHolders : YearSets) +
            $" {ReachCells("s")} GROUP BY v.w, {Cell})\n" +
            "    SELECT z.k, z.p, z.d, z.v, SUM(z.moved) FROM (SELECT delta.k, delta.p, delta.d, delta.v, " +
            $"CASE WHEN {(newcomers ? NowOfNewcomers : Now)} > 0 THEN 1 ELSE 0 END - CASE WHEN {(newcomers ? NowOfNewcomers : Now)} - delta.dn > 0 THEN 1 ELSE 0 END AS moved " +
            "FROM delta LEFT JOIN now ON now.w = delta.w AND now.k = delta.k AND now.p = delta.p AND now.d = delta.d AND now.v = delta.v" +
            (newcomers ? " LEFT JOIN holders ON holders.w = delta.w" : "") + ") z\n" +
            "    GROUP BY z.k, z.p, z.d, z.v HAVING SUM(z.moved) <> 0 ORDER BY z.k, z.p, z.d, z.v\n" +
            "    ON CONFLICT (\"PeriodKind\", \"PeriodKey\", \"Dim\", \"DimValue\") DO UPDATE SET \"Volunteers\" = \"StatsReach\".\"Volunteers\" + excluded.\"Volunteers\"";
    }

    /// <summary>Her active rows in the cell after the statement, counted from the table.</summary>
    private const string Now = "COALESCE(now.n, 0)";

    /// <summary>The same for a holder; a newcomer's are the statement's after images in the cell.</summary>
    private const string NowOfNewcomers = "CASE WHEN holders.w IS NULL THEN delta.np ELSE COALESCE(now.n, 0) END";

    /// <summary>
    /// <c>years</c> and <c>now</c> up to the cells (<see cref="FactTriggers.PerStatementRollups"/>): one row per volunteer and
    /// year pair, and for each volunteer an EXISTS over all of them, a scan of the whole CTE per volunteer.
    /// </summary>
    private const string YearsScanned =
        "    years AS (SELECT DISTINCT x.\"VolunteerId\" AS w, x.\"Month\" / 100 AS y, x.\"HijriMonth\" / 100 AS h FROM active x " +
        "WHERE x.\"VolunteerId\" IN (SELECT w FROM delta)),\n" +
        $"    now AS (SELECT v.w, {Cell}, COUNT(*) AS n FROM (SELECT DISTINCT w FROM years) v CROSS JOIN LATERAL " +
        "(SELECT s.* FROM \"StatsActivity\" s WHERE s.\"VolunteerId\" = v.w AND s.\"Minutes\" > 0 AND EXISTS (SELECT 1 FROM years y WHERE y.w = v.w " +
        "AND (y.y = s.\"Month\" / 100 OR y.h = s.\"HijriMonth\" / 100)) OFFSET 0) s";

    /// <summary>
    /// The same rows read with each volunteer's years on her own row: a fact is in one of her changed Gregorian years or
    /// in one of her changed Hijri years, which is what the EXISTS over her (year, Hijri year) pairs asked.
    /// </summary>
    private const string YearSets =
        "    years AS (SELECT x.\"VolunteerId\" AS w, array_agg(DISTINCT x.\"Month\" / 100) AS ys, array_agg(DISTINCT x.\"HijriMonth\" / 100) AS hs " +
        "FROM active x WHERE x.\"VolunteerId\" IN (SELECT w FROM delta) GROUP BY x.\"VolunteerId\"),\n" +
        $"    now AS (SELECT v.w, {Cell}, COUNT(*) AS n FROM years v CROSS JOIN LATERAL " +
        "(SELECT s.* FROM \"StatsActivity\" s WHERE s.\"VolunteerId\" = v.w AND s.\"Minutes\" > 0 " +
        "AND (s.\"Month\" / 100 = ANY (v.ys) OR s.\"HijriMonth\" / 100 = ANY (v.hs)) OFFSET 0) s";

    /// <summary>
    /// As <see cref="YearSets"/>, for the holders only: the volunteers with an active fact in their changed years that is not
    /// one of the statement's after images. Every after image is in her years, so she is a newcomer exactly when her
    /// active facts there number her active after images: one count through the key per volunteer, where <c>now</c>
    /// reads and groups 70 cells per fact.
    /// </summary>
    private const string YearSetsOfHolders =
        "    years AS (SELECT x.\"VolunteerId\" AS w, array_agg(DISTINCT x.\"Month\" / 100) AS ys, array_agg(DISTINCT x.\"HijriMonth\" / 100) AS hs, " +
        "COUNT(*) FILTER (WHERE x.sgn > 0) AS after_images FROM active x WHERE x.\"VolunteerId\" IN (SELECT w FROM delta) GROUP BY x.\"VolunteerId\"),\n" +
        "    holders AS (SELECT v.w, v.ys, v.hs FROM years v WHERE v.after_images <> (SELECT COUNT(*) FROM \"StatsActivity\" s " +
        "WHERE s.\"VolunteerId\" = v.w AND s.\"Minutes\" > 0 AND (s.\"Month\" / 100 = ANY (v.ys) OR s.\"HijriMonth\" / 100 = ANY (v.hs)))),\n" +
        $"    now AS (SELECT v.w, {Cell}, COUNT(*) AS n FROM holders v CROSS JOIN LATERAL " +
        "(SELECT s.* FROM \"StatsActivity\" s WHERE s.\"VolunteerId\" = v.w AND s.\"Minutes\" > 0 " +
        "AND (s.\"Month\" / 100 = ANY (v.ys) OR s.\"HijriMonth\" / 100 = ANY (v.hs)) OFFSET 0) s";

    /// <summary>One upsert of the statement's minutes: the after images' minus the before images', per totals row.</summary>
    private static string Totals(TriggerEvent op) =>
        "INSERT INTO \"StatsTotals\" (\"Dim\", \"DimValue\", \"Month\", \"HijriMonth\", \"FieldId\", \"Minutes\", \"ProfessionalMinutes\")\n" +
        "    SELECT c.d, c.v, x.\"Month\", x.\"HijriMonth\", x.\"FieldId\", SUM(x.sgn * x.\"Minutes\"), " +
        "SUM(CASE WHEN x.\"VolunteeringType\" >= 2 THEN x.sgn * x.\"Minutes\" ELSE 0 END)\n" +
        $"    FROM {Changed(op)} x {TotalsCells("x")} WHERE x.\"Minutes\" <> 0\n" +
        "    GROUP BY c.d, c.v, x.\"Month\", x.\"HijriMonth\", x.\"FieldId\"\n" +
        "    HAVING SUM(x.sgn * x.\"Minutes\") <> 0 OR SUM(CASE WHEN x.\"VolunteeringType\" >= 2 THEN x.sgn * x.\"Minutes\" ELSE 0 END) <> 0\n" +
        "    ORDER BY c.d, c.v, x.\"Month\", x.\"HijriMonth\", x.\"FieldId\"\n" +
        "    ON CONFLICT (\"Dim\", \"DimValue\", \"Month\", \"HijriMonth\", \"FieldId\") DO UPDATE SET " +
        "\"Minutes\" = \"StatsTotals\".\"Minutes\" + excluded.\"Minutes\", \"ProfessionalMinutes\" = \"StatsTotals\".\"ProfessionalMinutes\" + excluded.\"ProfessionalMinutes\"";

    public static IReadOnlyList<string> Triggers(FactTriggers version)
    {
        var result = new List<string>();
        foreach (var op in AllEvents)
        {
            result.Add($"CREATE OR REPLACE FUNCTION {Name(op)}() RETURNS trigger LANGUAGE plpgsql AS $$\nBEGIN\n" +
                $"  {StatsRollupSql.LockVolunteers(Changed(op))};\n  {Reach(op, version)};\n  {Totals(op)};\n  RETURN NULL;\nEND $$;");
            result.Add(Create(Name(op), "StatsActivity", op));
        }
        return result;
    }

    public static IEnumerable<string> DropTriggers() => AllEvents.SelectMany(op => new[]
    {
        $"DROP TRIGGER IF EXISTS {Name(op)} ON \"StatsActivity\";", $"DROP FUNCTION IF EXISTS {Name(op)}();",
    });
}
