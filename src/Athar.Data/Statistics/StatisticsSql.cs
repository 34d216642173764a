using System.Globalization;
using System.Text;
using Athar.Core.Calendar;
using Athar.Core.Statistics;
using Athar.Data.Infrastructure;

namespace Athar.Data.Statistics;

/// <summary>
/// RAW SQL, per provider, for the statistics aggregates. Re-apply with the migration helpers below after
/// regenerating migrations: <see cref="Install"/> (Hijri months, triggers, backfill) and <see cref="Uninstall"/>.
/// <para>
/// Why triggers: approving, adjusting and rejecting hours are conditional <c>ExecuteUpdate</c>s that a
/// SaveChanges interceptor never sees. A trigger on VolunteerHours (per row on SQLite, per statement on PostgreSQL)
/// sees every change whatever code (or console) makes it, inside the same transaction, and applies a delta with an atomic upsert
/// (<c>INSERT … ON CONFLICT DO UPDATE SET Minutes = Minutes + excluded.Minutes</c>), so two approvals at
/// once never lose an increment: PostgreSQL locks the row for the second, SQLite runs one writer at a time.
/// </para>
/// </summary>
public static class StatisticsSql
{
    private const string Columns =
        "\"VolunteerId\", \"OpportunityId\", \"Month\", \"HijriMonth\", \"RegionId\", \"FieldId\", \"CityId\", \"OrganizationId\", " +
        "\"OrganizationType\", \"ProgramId\", \"VolunteeringType\", \"Gender\", \"AgeBand\", \"Minutes\", \"Records\"";

    private const string Key = "\"VolunteerId\", \"OpportunityId\", \"Month\", \"HijriMonth\", \"RegionId\", \"FieldId\"";

    private abstract class Dialect
    {
        public abstract string Year(string date);
        public abstract string Month(string date);
        public abstract string Day(string date);

        public string MonthKey(string date) => $"({Year(date)} * 100 + {Month(date)})";

        public static string HijriMonthKey(string date) =>
            $"COALESCE((SELECT m.\"HijriMonth\" FROM \"StatsHijriMonths\" m WHERE m.\"StartDate\" <= {date} ORDER BY m.\"StartDate\" DESC LIMIT 1), 0)";

        /// <summary>Age on the first day of the hours' month (the rule of <see cref="AgeBands.ForMonth"/>).</summary>
        public string Age(string birthDate, string date) =>
            $"({Year(date)} - {Year(birthDate)} - CASE WHEN {Month(birthDate)} > {Month(date)} OR ({Month(birthDate)} = {Month(date)} AND {Day(birthDate)} > 1) THEN 1 ELSE 0 END)";

        /// <summary>
        /// The triggers' age band: the age expression repeated in every CASE branch (the triggers' SQL, kept as the
        /// migrations installed it; they handle a statement's rows, where the repetition costs nothing that shows).
        /// </summary>
        public string AgeBand(string birthDate, string date) => BandCase(Age(birthDate, date));

        /// <summary>One CASE branch per band, in band order from the oldest.</summary>
        private static string BandCase(string age)
        {
            var sb = new StringBuilder("CASE");
            foreach (var (band, from) in AgeBands.Lower.Reverse())
                sb.Append(CultureInfo.InvariantCulture, $" WHEN {age} >= {from} THEN {(int)band}");
            return sb.Append(" END").ToString();
        }

        /// <summary>The dimension columns of one hours row <paramref name="h"/> joined to its opportunity o, organisation g and volunteer v.</summary>
        public string[] Dimensions(string h) =>
        [
            $"{h}.\"VolunteerId\"", $"{h}.\"OpportunityId\"", MonthKey($"{h}.\"Date\""), HijriMonthKey($"{h}.\"Date\""), $"{h}.\"RegionId\"", $"{h}.\"FieldId\"",
            "o.\"CityId\"", "o.\"OrganizationId\"", "g.\"Type\"", "o.\"ProgramId\"", "o.\"Type\"", "v.\"Gender\"", AgeBand("v.\"BirthDate\"", $"{h}.\"Date\""),
        ];

        public const string Joins = "\"Opportunities\" o, \"Organizations\" g, \"Volunteers\" v";

        public static string JoinConditions(string h) =>
            $"o.\"Id\" = {h}.\"OpportunityId\" AND g.\"Id\" = o.\"OrganizationId\" AND v.\"UserId\" = {h}.\"VolunteerId\"";

        /// <summary>Adds (sign 1) or removes (sign -1) one approved hours row's minutes, when <paramref name="condition"/> holds.</summary>
        public string Apply(string h, int sign, string condition = "1 = 1") =>
            $"INSERT INTO \"StatsActivity\" ({Columns}) SELECT {string.Join(", ", Dimensions(h))}, {sign} * {h}.\"CreditedMinutes\", {sign} " +
            $"FROM {Joins} WHERE {JoinConditions(h)} AND {condition} {AddOnConflict}";

        private static string[] Aliases(int count) =>
            Enumerable.Range(0, count).Select(i => string.Create(CultureInfo.InvariantCulture, $"d{i}")).ToArray();

        /// <summary>
        /// The hours rows <paramref name="rows"/> (a FROM item with the hours' columns and <c>Sign</c>, 1 or -1) summed per
        /// StatsActivity row: columns d0…d12 (the dimensions, as in <see cref="Apply"/>), m (minutes) and r (records).
        /// </summary>
        private string Aggregate(string rows)
        {
            var dims = Dimensions("h");
            var aliases = Aliases(dims.Length);
            var select = string.Join(", ", dims.Zip(aliases, (e, a) => $"{e} AS {a}"));
            return $"SELECT {string.Join(", ", aliases)}, SUM(k.m) AS m, SUM(k.r) AS r FROM " +
                $"(SELECT {select}, h.\"Sign\" * h.\"CreditedMinutes\" AS m, h.\"Sign\" AS r FROM {rows} h, {Joins} WHERE {JoinConditions("h")}) k " +
                $"GROUP BY {string.Join(", ", aliases)}";
        }

        /// <summary>
        /// Recomputes every row from the approved hours (the rebuild): the same facts as the triggers, computed in an order
        /// that suits all 8 million hours rows at once. The rows are summed per fact key first (two ids and four integers
        /// in the hash table, not thirteen columns) and joined to their dimensions after; the other dimensions follow from
        /// the key (the opportunity's, the volunteer's, and the age band from any day of the key's Gregorian month). The
        /// dialect places the days in Hijri months and ages in bands its own fastest way (<see cref="HijriMonthOfDay"/>,
        /// <see cref="AgeBandOfAge"/>). At scale 1 on PostgreSQL the statement took 128 s in the triggers' form, 42 s in
        /// this one (bench/results/seeding.md).
        /// </summary>
        public string Rebuild()
        {
            var (hijriJoin, hijriMonth) = HijriMonthOfDay("h.\"Date\"");
            var summed =
                $"SELECT h.\"VolunteerId\", h.\"OpportunityId\", {MonthKey("h.\"Date\"")} AS month, {hijriMonth} AS hijri_month, " +
                $"h.\"RegionId\", h.\"FieldId\", MIN(h.\"Date\") AS day, SUM(h.\"CreditedMinutes\") AS m, COUNT(*) AS r " +
                $"FROM \"VolunteerHours\" h {hijriJoin} WHERE h.\"Status\" = {Approved} GROUP BY 1, 2, 3, 4, 5, 6";
            return $"DELETE FROM \"StatsActivity\";\nINSERT INTO \"StatsActivity\" ({Columns}) " +
                "SELECT k.\"VolunteerId\", k.\"OpportunityId\", k.month, k.hijri_month, k.\"RegionId\", k.\"FieldId\", " +
                $"o.\"CityId\", o.\"OrganizationId\", g.\"Type\", o.\"ProgramId\", o.\"Type\", v.\"Gender\", {AgeBandOfAge(Age("v.\"BirthDate\"", "k.day"))}, k.m, k.r " +
                $"FROM ({summed}) k, {Joins} WHERE {JoinConditions("k")};";
        }

        /// <summary>
        /// How the rebuild finds a day's Umm al-Qura month: a FROM-clause addition and the month expression. By default the
        /// triggers' correlated lookup (SQLite probes its index in-process, cheaply).
        /// </summary>
        protected virtual (string Join, string Month) HijriMonthOfDay(string date) => ("", HijriMonthKey(date));

        /// <summary>The band of an age the rebuild computed: by default the triggers' CASE.</summary>
        protected virtual string AgeBandOfAge(string age) => BandCase(age);

        /// <summary>
        /// A PL/pgSQL loop applying a whole statement's change: <paramref name="rows"/> holds the approved rows removed (Sign -1)
        /// and added (Sign 1), summed and netted per StatsActivity row in one query, then upserted one fact row per INSERT.
        /// Rows whose net change is nothing (a flag, an edit of another column) are not written. One row per INSERT because
        /// the rollup trigger on StatsActivity is a row trigger whose unique-volunteer check assumes the statement changed
        /// that row alone: an AFTER row trigger runs after its whole statement, so with several fact rows of one volunteer in
        /// one INSERT each firing would see the others already active and count her nowhere. The key order makes two such
        /// statements lock shared rows in the same order.
        /// </summary>
        public string ApplyNetLoop(string rows)
        {
            var values = string.Join(", ", Aliases(Dimensions("h").Length).Select(a => $"fact.{a}"));
            return $"FOR fact IN {Aggregate(rows)} HAVING SUM(k.m) <> 0 OR SUM(k.r) <> 0 ORDER BY d0, d1, d2, d3, d4, d5 LOOP\n" +
                $"    INSERT INTO \"StatsActivity\" ({Columns}) VALUES ({values}, fact.m, fact.r) {AddOnConflict};\n  END LOOP";
        }

        /// <summary>
        /// The same change applied set-based, for the statement rollup triggers (<see cref="FactTriggers.PerStatementRollups"/>):
        /// the volunteers' rollup locks first (in key order), then one UPDATE of the fact rows that exist and one INSERT of the
        /// others, so each of the two fires its own rollup trigger over its own rows. Not one <c>INSERT … ON CONFLICT DO
        /// UPDATE</c>: its insert and update triggers would both fire after all of it, and each would take the other's rows
        /// for ones that were there before. Under the locks no other transaction writes these volunteers' facts, so the
        /// INSERT finds no conflict (the rebuild locks the whole table).
        /// </summary>
        public string ApplyNetSet(string rows)
        {
            var net = $"{Aggregate(rows)} HAVING SUM(k.m) <> 0 OR SUM(k.r) <> 0";
            var sameKey = string.Join(" AND ", Aliases(6).Zip(Key.Split(", "), (alias, column) => $"a.{column} = c.{alias}"));
            return $"{StatsRollupSql.LockVolunteers(rows)};\n" +
                $"  UPDATE \"StatsActivity\" a SET \"Minutes\" = a.\"Minutes\" + c.m, \"Records\" = a.\"Records\" + c.r FROM ({net}) c WHERE {sameKey};\n" +
                $"  INSERT INTO \"StatsActivity\" ({Columns}) SELECT c.* FROM ({net}) c WHERE NOT EXISTS (SELECT 1 FROM \"StatsActivity\" a WHERE {sameKey}) " +
                "ORDER BY c.d0, c.d1, c.d2, c.d3, c.d4, c.d5";
        }

        private const string AddOnConflict =
            $"ON CONFLICT ({Key}) DO UPDATE SET \"Minutes\" = \"StatsActivity\".\"Minutes\" + excluded.\"Minutes\", \"Records\" = \"StatsActivity\".\"Records\" + excluded.\"Records\"";
    }

    private sealed class SqliteDialect : Dialect
    {
        // DateOnly is stored as TEXT yyyy-MM-dd.
        public override string Year(string date) => $"CAST(substr({date}, 1, 4) AS INTEGER)";
        public override string Month(string date) => $"CAST(substr({date}, 6, 2) AS INTEGER)";
        public override string Day(string date) => $"CAST(substr({date}, 9, 2) AS INTEGER)";
    }

    private sealed class PostgresDialect : Dialect
    {
        public override string Year(string date) => $"CAST(EXTRACT(YEAR FROM {date}) AS integer)";
        public override string Month(string date) => $"CAST(EXTRACT(MONTH FROM {date}) AS integer)";
        public override string Day(string date) => $"CAST(EXTRACT(DAY FROM {date}) AS integer)";

        /// <summary>
        /// A hash join on the day with every day of the known Umm al-Qura months (about 50,000), instead of one index probe
        /// per hours row; a day outside them (none in practice) falls back to the lookup, so the months are the triggers'.
        /// </summary>
        protected override (string Join, string Month) HijriMonthOfDay(string date) =>
            ("LEFT JOIN (SELECT m.\"StartDate\" + i AS day, m.\"HijriMonth\" FROM \"StatsHijriMonths\" m, " +
             $"generate_series(0, m.\"EndDate\" - m.\"StartDate\" - 1) i) hijri_day ON hijri_day.day = {date}",
             $"COALESCE(hijri_day.\"HijriMonth\", {HijriMonthKey(date)})");

        /// <summary>
        /// <c>width_bucket</c> over the bands' first ages: the age computed once per row, not once per CASE branch (the
        /// repeated numeric EXTRACTs cost about 20 s over 8 million rows). Bucket 0, an age below the first band, has no
        /// band, as the CASE gives none.
        /// </summary>
        protected override string AgeBandOfAge(string age) =>
            $"(ARRAY[{string.Join(", ", AgeBands.Lower.Select(l => (int)l.Band))}])" +
            $"[width_bucket({age}, ARRAY[{string.Join(", ", AgeBands.Lower.Select(l => l.FromAge))}])]";
    }

    private static readonly int Approved = (int)Core.Attendance.HoursStatus.Approved;

    private static Dialect For(DatabaseProvider provider) => provider == DatabaseProvider.Postgres ? new PostgresDialect() : new SqliteDialect();

    /// <summary>The triggers that keep StatsActivity in step with VolunteerHours.</summary>
    public static IReadOnlyList<string> Triggers(DatabaseProvider provider, FactTriggers version = FactTriggers.PerRowRollups)
    {
        if (provider == DatabaseProvider.Postgres)
            return PostgresStatementTriggers(version);
        var d = For(provider);
        return
        [
            $"CREATE TRIGGER \"StatsHours_Insert\" AFTER INSERT ON \"VolunteerHours\" WHEN NEW.\"Status\" = {Approved}\nBEGIN\n  {d.Apply("NEW", 1)};\nEND;",
            $"CREATE TRIGGER \"StatsHours_Update\" AFTER UPDATE ON \"VolunteerHours\" WHEN OLD.\"Status\" = {Approved} OR NEW.\"Status\" = {Approved}\nBEGIN\n" +
            $"  {d.Apply("OLD", -1, $"OLD.\"Status\" = {Approved}")};\n" +
            $"  {d.Apply("NEW", 1, $"NEW.\"Status\" = {Approved}")};\nEND;",
            $"CREATE TRIGGER \"StatsHours_Delete\" AFTER DELETE ON \"VolunteerHours\" WHEN OLD.\"Status\" = {Approved}\nBEGIN\n  {d.Apply("OLD", -1)};\nEND;",
        ];
    }

    /// <summary>
    /// PostgreSQL's first version: one row trigger, two upserts (each with its joins) per approved row changed, so a
    /// statement approving 2,000 rows ran 2,000 separate upserts. Kept for the Down of migration HoursStatsPerStatement.
    /// </summary>
    public static IReadOnlyList<string> PostgresRowTriggers()
    {
        var d = new PostgresDialect();
        return
        [
            "CREATE OR REPLACE FUNCTION athar_stats_hours() RETURNS trigger LANGUAGE plpgsql AS $$\n" +
            "BEGIN\n" +
            $"  IF TG_OP <> 'INSERT' AND OLD.\"Status\" = {Approved} THEN\n    {d.Apply("OLD", -1)};\n  END IF;\n" +
            $"  IF TG_OP <> 'DELETE' AND NEW.\"Status\" = {Approved} THEN\n    {d.Apply("NEW", 1)};\n  END IF;\n" +
            "  RETURN NULL;\nEND $$;",
            "CREATE TRIGGER athar_stats_hours AFTER INSERT OR UPDATE OR DELETE ON \"VolunteerHours\" FOR EACH ROW EXECUTE FUNCTION athar_stats_hours();",
        ];
    }

    /// <summary>All the facts read of an hours row: an approved row's contribution depends on these columns alone.</summary>
    private const string HoursColumns = "\"VolunteerId\", \"OpportunityId\", \"Date\", \"RegionId\", \"FieldId\", \"CreditedMinutes\"";

    private static string ApprovedIn(string rows) => $"SELECT {HoursColumns} FROM {rows} WHERE \"Status\" = {Approved}";

    /// <summary>
    /// The approved rows a statement removed (Sign -1) and added (Sign 1), read from its transition tables. For an update,
    /// the before and after images' set differences (<c>EXCEPT ALL</c>, hashed): a row whose facts did not change (a flag,
    /// a note, a status between two unapproved ones) cancels out and costs no join, as in StatsCounterSql.
    /// </summary>
    private static string ChangedApprovedRows(TriggerEvent op) => op switch
    {
        TriggerEvent.Insert => $"(SELECT a.*, 1 AS \"Sign\" FROM ({ApprovedIn(StatementTriggers.NewRows)}) a)",
        TriggerEvent.Delete => $"(SELECT a.*, -1 AS \"Sign\" FROM ({ApprovedIn(StatementTriggers.OldRows)}) a)",
        _ => $"(SELECT a.*, -1 AS \"Sign\" FROM ({ApprovedIn(StatementTriggers.OldRows)} EXCEPT ALL {ApprovedIn(StatementTriggers.NewRows)}) a " +
            $"UNION ALL SELECT b.*, 1 FROM ({ApprovedIn(StatementTriggers.NewRows)} EXCEPT ALL {ApprovedIn(StatementTriggers.OldRows)}) b)",
    };

    private static string StatementName(TriggerEvent op) => $"athar_stats_hours_{op.ToString().ToLowerInvariant()}";

    /// <summary>
    /// One AFTER … FOR EACH STATEMENT trigger per event (a trigger with transition tables fires on one event only) that
    /// applies the statement's whole change: the approved rows it removed and added, joined to their dimensions in one query,
    /// summed per StatsActivity row and netted, then each affected fact row upserted once (see <see cref="Dialect.ApplyNetLoop"/>),
    /// instead of two joined upserts per hours row. A flag or another column's edit on 2,000 rows writes no fact row at all.
    /// The upserts stay atomic (<c>SET Minutes = Minutes + excluded.Minutes</c>), so concurrent statements lose nothing.
    /// </summary>
    private static List<string> PostgresStatementTriggers(FactTriggers version)
    {
        var d = new PostgresDialect();
        var result = new List<string>();
        foreach (var op in StatementTriggers.AllEvents)
        {
            var name = StatementName(op);
            var apply = version == FactTriggers.PerRowRollups ? d.ApplyNetLoop(ChangedApprovedRows(op)) : d.ApplyNetSet(ChangedApprovedRows(op));
            result.Add($"CREATE OR REPLACE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$\nDECLARE fact record;\nBEGIN\n  {apply};\n  RETURN NULL;\nEND $$;");
            result.Add(StatementTriggers.Create(name, "VolunteerHours", op));
        }
        return result;
    }

    /// <summary>Drops the hours triggers of every version (on PostgreSQL both the row trigger and the statement triggers).</summary>
    public static IReadOnlyList<string> DropTriggers(DatabaseProvider provider) => provider == DatabaseProvider.Postgres
        ?
        [
            "DROP TRIGGER IF EXISTS athar_stats_hours ON \"VolunteerHours\";", "DROP FUNCTION IF EXISTS athar_stats_hours();",
            .. StatementTriggers.AllEvents.SelectMany(op => new[] { $"DROP TRIGGER IF EXISTS {StatementName(op)} ON \"VolunteerHours\";", $"DROP FUNCTION IF EXISTS {StatementName(op)}();" }),
        ]
        : ["DROP TRIGGER IF EXISTS \"StatsHours_Insert\";", "DROP TRIGGER IF EXISTS \"StatsHours_Update\";", "DROP TRIGGER IF EXISTS \"StatsHours_Delete\";"];

    /// <summary>Recomputes StatsActivity from the approved hours; run inside a transaction.</summary>
    public static string Rebuild(DatabaseProvider provider) => For(provider).Rebuild();

    /// <summary>Umm al-Qura months 1357–1499 AH (1938–2076) as date ranges, from .NET's UmAlQuraCalendar.</summary>
    public static IReadOnlyList<string> SeedHijriMonths()
    {
        var statements = new List<string> { "DELETE FROM \"StatsHijriMonths\";" };
        var rows = new List<string>();
        for (var year = 1357; year <= 1499; year++)
        {
            for (var month = 1; month <= 12; month++)
            {
                var start = DualDate.FromHijri(year, month, 1);
                var end = month == 12 ? DualDate.FromHijri(year + 1, 1, 1) : DualDate.FromHijri(year, month + 1, 1);
                rows.Add(string.Create(CultureInfo.InvariantCulture, $"({year * 100 + month}, '{start:yyyy-MM-dd}', '{end:yyyy-MM-dd}')"));
            }
        }
        foreach (var chunk in rows.Chunk(200))
            statements.Add("INSERT INTO \"StatsHijriMonths\" (\"HijriMonth\", \"StartDate\", \"EndDate\") VALUES " + string.Join(", ", chunk) + ";");
        return statements;
    }

    /// <summary>Everything a fresh or existing database needs after the tables exist: Hijri months, triggers, backfill.</summary>
    public static IReadOnlyList<string> Install(DatabaseProvider provider) =>
        [.. SeedHijriMonths(), .. Triggers(provider), Rebuild(provider)];

    public static IReadOnlyList<string> Uninstall(DatabaseProvider provider) => DropTriggers(provider);
}
