using System.Globalization;
using System.Text;
using Athar.Core.Statistics;
using Athar.Data.Infrastructure;

namespace Athar.Data.Statistics;

/// <summary>
/// RAW SQL, per provider, for the rollups <see cref="StatsReach"/> and <see cref="StatsTotals"/>, kept from
/// <see cref="StatsActivity"/> by triggers on it (itself kept from VolunteerHours by the triggers of
/// <see cref="StatisticsSql"/>), so both move in the transaction that changes the hours. Re-apply with
/// <see cref="Install"/> / <see cref="Uninstall"/> after regenerating migrations. What follows describes the row
/// triggers (SQLite's, and PostgreSQL's until migration RollupPerStatement); PostgreSQL's statement triggers compute
/// the same rows set-based (<see cref="RollupStatementSql"/>).
/// <para>
/// Reach (unique volunteers) is exact: when one of a volunteer's activity rows becomes active (Minutes &gt; 0),
/// each (period, dimension value) it falls in gains one volunteer unless another active row of the same
/// volunteer is already there, and symmetrically when a row stops being active. The check reads the
/// volunteer's other rows through the StatsActivity key, which starts with VolunteerId. Two transactions
/// changing rows of the same volunteer at once could each miss the other's uncommitted row, so in PostgreSQL
/// the trigger first takes a transaction-scoped advisory lock on the volunteer: the second waits until the
/// first commits, and because every statement of a PL/pgSQL function in READ COMMITTED takes a fresh
/// snapshot, its check (a later statement than the lock) sees the first one's committed row. SQLite has one
/// writer at a time. Totals are deltas applied with atomic upserts (<c>SET x = x + excluded.x</c>).
/// </para>
/// </summary>
public static class StatsRollupSql
{
    /// <summary>The pairs are packed as region × this + the other value.</summary>
    public const long PairBase = 1_000_000;

    public static IReadOnlyList<RollupDim> Dims { get; } =
    [
        RollupDim.None, RollupDim.Region, RollupDim.City, RollupDim.Field, RollupDim.Gender, RollupDim.AgeBand, RollupDim.OrganizationType,
        RollupDim.VolunteeringType, RollupDim.RegionCity, RollupDim.RegionField, RollupDim.RegionGender, RollupDim.RegionAgeBand,
        RollupDim.RegionOrganizationType, RollupDim.RegionVolunteeringType,
    ];

    /// <summary>The triggers the rebuild, the seeder and new migrations install.</summary>
    public const FactTriggers Latest = FactTriggers.PerStatementRollupsNewcomers;

    public static IReadOnlyList<ReachPeriod> Kinds { get; } = [ReachPeriod.Month, ReachPeriod.Quarter, ReachPeriod.Year, ReachPeriod.HijriYear, ReachPeriod.HijriMonth];

    /// <summary>The period key of the reach row a StatsActivity row <paramref name="a"/> falls in (see <see cref="StatsRollupKeys.PeriodKey"/>).</summary>
    public static string PeriodKey(ReachPeriod kind, string a) => kind switch
    {
        ReachPeriod.Month => $"{a}.\"Month\"",
        ReachPeriod.Quarter => $"({a}.\"Month\" / 100 * 10 + ({a}.\"Month\" % 100 + 2) / 3)",
        ReachPeriod.Year => $"({a}.\"Month\" / 100)",
        ReachPeriod.HijriYear => $"({a}.\"HijriMonth\" / 100)",
        _ => $"{a}.\"HijriMonth\"",
    };

    private static string Column(RollupDim single, string a) => single switch
    {
        RollupDim.Region => $"{a}.\"RegionId\"",
        RollupDim.City => $"{a}.\"CityId\"",
        RollupDim.Field => $"{a}.\"FieldId\"",
        RollupDim.Gender => $"{a}.\"Gender\"",
        RollupDim.AgeBand => $"{a}.\"AgeBand\"",
        RollupDim.OrganizationType => $"{a}.\"OrganizationType\"",
        RollupDim.VolunteeringType => $"{a}.\"VolunteeringType\"",
        _ => throw new ArgumentOutOfRangeException(nameof(single)),
    };

    /// <summary>The packed dimension value of row <paramref name="a"/> (see <see cref="StatsRollupKeys"/> for the same packing in C#).</summary>
    public static string DimValue(RollupDim dim, string a) => dim switch
    {
        RollupDim.None => "CAST(0 AS bigint)",
        < RollupDim.RegionCity => $"CAST({Column(dim, a)} AS bigint)",
        _ => $"(CAST({a}.\"RegionId\" AS bigint) * {PairBase} + {Column(dim - 10, a)})",
    };

    private const string KeyColumns = "\"VolunteerId\", \"OpportunityId\", \"Month\", \"HijriMonth\", \"RegionId\", \"FieldId\"";

    private static string SameKey(string a, string b) =>
        string.Join(" AND ", KeyColumns.Split(", ").Select(c => $"{a}.{c} = {b}.{c}"));

    private static readonly string[] OtherDimColumns = ["CityId", "OrganizationType", "VolunteeringType", "Gender", "AgeBand"];

    /// <summary>Two versions of a row that fall in exactly the same rollup rows.</summary>
    private static string SameCell(string a, string b) =>
        SameKey(a, b) + " AND " + string.Join(" AND ", OtherDimColumns.Select(c => $"{a}.\"{c}\" = {b}.\"{c}\""));

    private static string Int(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Adds (sign 1) or removes (sign -1) volunteer <paramref name="r"/>'s presence in every reach row of <paramref name="r"/>,
    /// except where another active row of the volunteer (none of the rows <paramref name="excluded"/>) already counts them.
    /// <para>
    /// The unary plus on the probe's period keeps it out of the choice of index, so every probe reads the volunteer's
    /// own rows through the key (VolunteerId first). Without it SQLite, which has no statistics, probed the Gregorian and
    /// Hijri month periods through IX_StatsActivity_Month_RegionId / IX_StatsActivity_HijriMonth_RegionId: 28 of the 70
    /// probes read every fact row of the month, so each approval cost more as the month filled, and an hours import of
    /// 10,000 rows in one month took minutes (issue #7, bench/results/import-2026-12-07.md). Same rows, same answer.
    /// </para>
    /// </summary>
    private static string Reach(string r, int sign, IReadOnlyList<string> excluded, string condition)
    {
        var others = string.Concat(excluded.Select(x => $" AND NOT ({SameKey("s", x)})"));
        var branches = new List<string>();
        foreach (var kind in Kinds)
        {
            foreach (var dim in Dims)
            {
                branches.Add($"SELECT {Int((int)kind)} AS k, {PeriodKey(kind, r)} AS p, {Int((int)dim)} AS d, {DimValue(dim, r)} AS v " +
                    $"WHERE NOT EXISTS (SELECT 1 FROM \"StatsActivity\" s WHERE s.\"VolunteerId\" = {r}.\"VolunteerId\" AND s.\"Minutes\" > 0{others} " +
                    $"AND +{PeriodKey(kind, "s")} = {PeriodKey(kind, r)} AND {DimValue(dim, "s")} = {DimValue(dim, r)})");
            }
        }
        return "INSERT INTO \"StatsReach\" (\"PeriodKind\", \"PeriodKey\", \"Dim\", \"DimValue\", \"Volunteers\") " +
            $"SELECT t.k, t.p, t.d, t.v, {Int(sign)} FROM (\n    {string.Join("\n    UNION ALL ", branches)}) t WHERE {condition} " +
            "ON CONFLICT (\"PeriodKind\", \"PeriodKey\", \"Dim\", \"DimValue\") DO UPDATE SET \"Volunteers\" = \"StatsReach\".\"Volunteers\" + excluded.\"Volunteers\"";
    }

    /// <summary>Adds <paramref name="minutes"/> (an expression; negative to remove) to every totals row of <paramref name="r"/>.</summary>
    private static string Totals(string r, string minutes, string condition)
    {
        var dims = string.Join(" UNION ALL ", Dims.Select(d => $"SELECT {Int((int)d)} AS d, {DimValue(d, r)} AS v"));
        return "INSERT INTO \"StatsTotals\" (\"Dim\", \"DimValue\", \"Month\", \"HijriMonth\", \"FieldId\", \"Minutes\", \"ProfessionalMinutes\") " +
            $"SELECT t.d, t.v, {r}.\"Month\", {r}.\"HijriMonth\", {r}.\"FieldId\", {minutes}, CASE WHEN {r}.\"VolunteeringType\" >= 2 THEN {minutes} ELSE 0 END " +
            $"FROM ({dims}) t WHERE {condition} " +
            "ON CONFLICT (\"Dim\", \"DimValue\", \"Month\", \"HijriMonth\", \"FieldId\") DO UPDATE SET " +
            "\"Minutes\" = \"StatsTotals\".\"Minutes\" + excluded.\"Minutes\", \"ProfessionalMinutes\" = \"StatsTotals\".\"ProfessionalMinutes\" + excluded.\"ProfessionalMinutes\"";
    }

    // The statements of each trigger event, each guarded by its own condition so SQLite (no IF) runs the same SQL.
    private static IEnumerable<string> OnInsert() =>
    [
        Reach("NEW", 1, ["NEW"], "NEW.\"Minutes\" > 0"),
        Totals("NEW", "NEW.\"Minutes\"", "NEW.\"Minutes\" <> 0"),
    ];

    private static IEnumerable<string> OnDelete() =>
    [
        Reach("OLD", -1, ["OLD"], "OLD.\"Minutes\" > 0"),
        Totals("OLD", "-OLD.\"Minutes\"", "OLD.\"Minutes\" <> 0"),
    ];

    /// <summary>
    /// Removal is judged as if both versions were absent (the volunteer's other rows only), addition as if the old
    /// version were gone: the same answers as a delete followed by an insert. A change of minutes only (the usual
    /// case: more hours approved in a row that was already active) touches no reach row.
    /// </summary>
    private static IEnumerable<string> OnUpdate()
    {
        var same = SameCell("OLD", "NEW");
        return
        [
            Reach("OLD", -1, ["OLD", "NEW"], $"OLD.\"Minutes\" > 0 AND NOT (NEW.\"Minutes\" > 0 AND {same})"),
            Reach("NEW", 1, ["NEW"], $"NEW.\"Minutes\" > 0 AND NOT (OLD.\"Minutes\" > 0 AND {same})"),
            Totals("NEW", "(NEW.\"Minutes\" - OLD.\"Minutes\")", $"{same} AND NEW.\"Minutes\" <> OLD.\"Minutes\""),
            Totals("OLD", "-OLD.\"Minutes\"", $"NOT ({same}) AND OLD.\"Minutes\" <> 0"),
            Totals("NEW", "NEW.\"Minutes\"", $"NOT ({same}) AND NEW.\"Minutes\" <> 0"),
        ];
    }

    /// <summary>Namespace of the advisory locks that serialise one volunteer's rollup changes ("STAT").</summary>
    private const int LockSpace = 0x53544154;

    private static string Lock(string r) =>
        string.Create(CultureInfo.InvariantCulture, $"PERFORM pg_advisory_xact_lock({LockSpace}, hashtext({r}.\"VolunteerId\"::text));");

    /// <summary>Namespace of the one advisory key every statement trigger takes shared, and a bulk statement exclusively ("STAL", 0).</summary>
    private const int AllVolunteersLockSpace = 0x5354414C;

    /// <summary>Above this many volunteers a statement takes the one key exclusively instead of a lock per volunteer.</summary>
    public const int MaxVolunteerLocks = 64;

    /// <summary>
    /// PostgreSQL, a PL/pgSQL block: the locks a statement trigger takes before it writes or reads the facts of the volunteers
    /// of <paramref name="rows"/> (a FROM item with a VolunteerId column). Up to <see cref="MaxVolunteerLocks"/> volunteers:
    /// one key shared, then each volunteer's advisory lock (the row trigger's key) in key order, so two statements sharing
    /// volunteers take them in one order and cannot deadlock on them. More: that one key exclusively, which waits for
    /// every statement trigger holding it and excludes them until commit. A lock per volunteer of a 20,000-row import ran
    /// PostgreSQL's lock table out of memory ("out of shared memory", max_locks_per_transaction); the row trigger took as
    /// many, one per fact row. The hours trigger takes them before it writes the facts (<see cref="StatisticsSql"/>), the
    /// statement rollup triggers before they read them; in one transaction the second taking is free.
    /// </summary>
    internal static string LockVolunteers(string rows) =>
        $"IF (SELECT count(DISTINCT x.\"VolunteerId\") FROM {rows} x) > {Int(MaxVolunteerLocks)} THEN\n" +
        $"    PERFORM pg_advisory_xact_lock({Int(AllVolunteersLockSpace)}, 0);\n  ELSE\n" +
        $"    PERFORM pg_advisory_xact_lock_shared({Int(AllVolunteersLockSpace)}, 0);\n" +
        $"    PERFORM pg_advisory_xact_lock({Int(LockSpace)}, l.k) FROM (SELECT DISTINCT hashtext(x.\"VolunteerId\"::text) AS k FROM {rows} x ORDER BY 1) l;\n" +
        "  END IF";

    /// <summary>The first PostgreSQL rollup trigger: one row trigger for the three events (migrations StatisticsRollups to ImportTriggerCosts).</summary>
    private static IReadOnlyList<string> PostgresRowTrigger()
    {
        var body = new StringBuilder();
        body.Append("CREATE OR REPLACE FUNCTION athar_stats_rollup() RETURNS trigger LANGUAGE plpgsql AS $$\nBEGIN\n");
        body.Append("  IF TG_OP = 'INSERT' THEN\n    ").Append(Lock("NEW")).Append('\n');
        foreach (var s in OnInsert()) body.Append("    ").Append(s).Append(";\n");
        body.Append("  ELSIF TG_OP = 'DELETE' THEN\n    ").Append(Lock("OLD")).Append('\n');
        foreach (var s in OnDelete()) body.Append("    ").Append(s).Append(";\n");
        body.Append("  ELSE\n    ").Append(Lock("OLD")).Append("\n    IF NEW.\"VolunteerId\" <> OLD.\"VolunteerId\" THEN ").Append(Lock("NEW")).Append(" END IF;\n");
        foreach (var s in OnUpdate()) body.Append("    ").Append(s).Append(";\n");
        body.Append("  END IF;\n  RETURN NULL;\nEND $$;");
        return
        [
            body.ToString(),
            "CREATE TRIGGER athar_stats_rollup AFTER INSERT OR UPDATE OR DELETE ON \"StatsActivity\" FOR EACH ROW EXECUTE FUNCTION athar_stats_rollup();",
        ];
    }

    /// <summary>The rollup triggers: on PostgreSQL of the given <paramref name="version"/>; SQLite has row triggers only.</summary>
    public static IReadOnlyList<string> Triggers(DatabaseProvider provider, FactTriggers version = FactTriggers.PerRowRollups)
    {
        if (provider == DatabaseProvider.Postgres)
            return version == FactTriggers.PerRowRollups ? PostgresRowTrigger() : RollupStatementSql.Triggers(version);
        static string Sqlite(string name, string evt, IEnumerable<string> statements) =>
            $"CREATE TRIGGER \"{name}\" AFTER {evt} ON \"StatsActivity\"\nBEGIN\n" + string.Concat(statements.Select(s => $"  {s};\n")) + "END;";
        return
        [
            Sqlite("StatsRollup_Insert", "INSERT", OnInsert()),
            Sqlite("StatsRollup_Update", "UPDATE", OnUpdate()),
            Sqlite("StatsRollup_Delete", "DELETE", OnDelete()),
        ];
    }

    /// <summary>Drops the rollup triggers of every version (on PostgreSQL both the row trigger and the statement triggers).</summary>
    public static IReadOnlyList<string> DropTriggers(DatabaseProvider provider) => provider == DatabaseProvider.Postgres
        ? ["DROP TRIGGER IF EXISTS athar_stats_rollup ON \"StatsActivity\";", "DROP FUNCTION IF EXISTS athar_stats_rollup();", .. RollupStatementSql.DropTriggers()]
        : ["DROP TRIGGER IF EXISTS \"StatsRollup_Insert\";", "DROP TRIGGER IF EXISTS \"StatsRollup_Update\";", "DROP TRIGGER IF EXISTS \"StatsRollup_Delete\";"];

    /// <summary>
    /// Recomputes both rollups from StatsActivity, set-based (exact distinct counts per period and dimension value): the
    /// migrations' rebuild, kept as it was so they produce the same SQL. The seeder and <c>athar stats rebuild</c> use
    /// <see cref="RebuildAll"/>, which fills StatsReach in one pass (<see cref="ReachRollupBuilder"/>) instead of these 70 statements.
    /// </summary>
    public static IReadOnlyList<string> RebuildRollups() =>
        ["DELETE FROM \"StatsReach\";", "DELETE FROM \"StatsTotals\";", .. ReachInserts(), .. TotalsInserts()];

    /// <summary>StatsReach's 70 set-based passes, one <c>SELECT DISTINCT</c> per period kind and dimension.</summary>
    public static IEnumerable<string> ReachInserts()
    {
        foreach (var kind in Kinds)
        {
            foreach (var dim in Dims)
            {
                yield return "INSERT INTO \"StatsReach\" (\"PeriodKind\", \"PeriodKey\", \"Dim\", \"DimValue\", \"Volunteers\") " +
                    $"SELECT {Int((int)kind)}, x.p, {Int((int)dim)}, x.v, COUNT(*) FROM " +
                    $"(SELECT DISTINCT {PeriodKey(kind, "a")} AS p, {DimValue(dim, "a")} AS v, a.\"VolunteerId\" AS w FROM \"StatsActivity\" a WHERE a.\"Minutes\" > 0) x " +
                    "GROUP BY x.p, x.v;";
            }
        }
    }

    private static IEnumerable<string> TotalsInserts() => Dims.Select(dim =>
        "INSERT INTO \"StatsTotals\" (\"Dim\", \"DimValue\", \"Month\", \"HijriMonth\", \"FieldId\", \"Minutes\", \"ProfessionalMinutes\") " +
        $"SELECT {Int((int)dim)}, x.v, x.m, x.h, x.f, SUM(x.minutes), SUM(x.professional) FROM " +
        $"(SELECT {DimValue(dim, "a")} AS v, a.\"Month\" AS m, a.\"HijriMonth\" AS h, a.\"FieldId\" AS f, a.\"Minutes\" AS minutes, " +
        "CASE WHEN a.\"VolunteeringType\" >= 2 THEN a.\"Minutes\" ELSE 0 END AS professional FROM \"StatsActivity\" a WHERE a.\"Minutes\" <> 0) x " +
        "GROUP BY x.v, x.m, x.h, x.f;");

    /// <summary>
    /// StatsActivity from the approved hours, then the rollups from it (StatsTotals set-based, StatsReach in one pass in
    /// code), with the rollup trigger set aside meanwhile (it would otherwise replay millions of row deltas); run inside
    /// one transaction, which also restores the trigger.
    /// <para>
    /// It installs the <see cref="Latest"/> triggers whatever the database's migration: statement rollup triggers are exact
    /// under either version of the hours trigger (the row trigger is not under the latest one, see <see cref="FactTriggers"/>).
    /// </para>
    /// </summary>
    public static IReadOnlyList<RebuildStep> RebuildAll(DatabaseProvider provider) =>
    [
        .. DropTriggers(provider), StatisticsSql.Rebuild(provider),
        "DELETE FROM \"StatsTotals\";", .. TotalsInserts(), RebuildStep.Code(ReachRollupBuilder.RebuildAsync),
        .. Triggers(provider, Latest),
    ];

    /// <summary>For a database whose StatsActivity is already filled: the trigger, then the rollups from it.</summary>
    public static IReadOnlyList<string> Install(DatabaseProvider provider) => [.. Triggers(provider), .. RebuildRollups()];

    public static IReadOnlyList<string> Uninstall(DatabaseProvider provider) => DropTriggers(provider);

    /// <summary>The trigger re-created from the current SQL, leaving the rollups as they are (their rows do not depend on the plan).</summary>
    public static IReadOnlyList<string> Reinstall(DatabaseProvider provider, FactTriggers version = FactTriggers.PerRowRollups) =>
        [.. DropTriggers(provider), .. Triggers(provider, version)];
}
