using System.Globalization;
using System.Text;
using Athar.Core.Applications;
using Athar.Core.Calendar;
using Athar.Core.Opportunities;
using Athar.Data.Infrastructure;

namespace Athar.Data.Statistics;

/// <summary>
/// The counters a migration installed together. Earlier migrations call <see cref="StatsCounterSql"/> without naming a
/// group and must keep producing the SQL they produced then (their tables were all that existed), so the default is
/// the first group; the rebuild and the seeder name <see cref="All"/>.
/// </summary>
[Flags]
public enum CounterGroup
{
    /// <summary>Applications, attendance and hours records (migration StatisticsCounters).</summary>
    Participation = 1,

    /// <summary>Registrations, seats and published opportunities (migration DashboardCounters).</summary>
    Dashboard = 2,

    All = Participation | Dashboard,
}

/// <summary>
/// How counter rows are keyed and how their triggers keep concurrent writers apart. Migrations before CounterStripes
/// install <see cref="Unstriped"/> (their tables have no <c>Slot</c> column); the rebuild, the seeder and later
/// migrations use <see cref="StatsCounterSql.Latest"/>.
/// </summary>
public enum CounterSchema
{
    /// <summary>One row per day and cut; every counter trigger takes one global lock held to commit (migrations StatisticsCounters to DashboardCounters).</summary>
    Unstriped,

    /// <summary>
    /// Rows striped over <see cref="StatsCounterSql.Stripes"/> slots per day and cut, and locks on the entities a
    /// counted fact depends on instead of the global one (migration CounterStripes, ADR 0017 "Concurrent writers").
    /// </summary>
    Striped,

    /// <summary>
    /// As <see cref="Striped"/>, but on PostgreSQL a transaction counts in the first slot no other writer in flight holds
    /// (<c>athar_counter_slot()</c>, migration CounterFreeSlots) instead of the slot of its id, over
    /// <see cref="StatsCounterSql.FreeSlots"/> slots.
    /// </summary>
    FreeSlots,

    /// <summary>
    /// As <see cref="FreeSlots"/>; the first free slot is looked for from 0, then from a slot chosen by the backend's
    /// process id, not from 1 up (migration CounterSlotProbe): under 64 writers the probe from 0 up tried a dozen
    /// advisory locks per transaction, each through the shared lock table (issue #7: <c>LWLock:LockManager</c> was 10%
    /// of the apply scenario's database time at scale 1).
    /// </summary>
    SpreadSlots,
}

/// <summary>
/// RAW SQL, per provider, for the counters <see cref="StatsApplicationCount"/>, <see cref="StatsAttendanceCount"/> and
/// <see cref="StatsHoursCount"/>: per Saudi day and cut, kept by triggers in the transaction that writes
/// Applications, Attendance, VolunteerHours, or a row whose change moves facts between cuts (a shift's end, an
/// opportunity's region, city, field, organisation or program, an organisation's type, a volunteer's gender).
/// Re-apply with <see cref="Install"/> / <see cref="Uninstall"/> after regenerating migrations.
/// <para>
/// Every trigger works the same way, whatever the table: it subtracts the contribution the rows the change affects
/// had before it (an application and its attendance, every application of a shift, every application and hours
/// record of an opportunity…) and adds their contribution after it, both computed by the same query the rebuild
/// uses. So no per-event delta logic can drift from the definition: a change counts exactly as "remove what was,
/// add what is", and both halves commit or roll back with it. SQLite has only row triggers: BEFORE each row over
/// the live tables, AFTER each row likewise. PostgreSQL runs one AFTER … FOR EACH STATEMENT trigger per table and
/// event whose query joins the statement's transition tables once (<see cref="PostgresStatementTriggers"/>), so a
/// bulk change of thousands of rows costs a few set-based statements rather than a few per row.
/// </para>
/// <para>
/// Concurrency on PostgreSQL (<see cref="CounterSchema.Striped"/>): two transactions could each compute a contribution
/// from a state the other is changing (a shift moved while an attendance is recorded) and both commit stale figures.
/// So every trigger takes transaction-scoped advisory locks before counting: exclusive on the entity whose move it
/// counts (a shift's end, an opportunity's place, an application's status or attendance), shared on the entities the
/// counted facts read that others move (the opportunity and shift of an application), in a fixed order (opportunity,
/// shift, application; then the key), and shared on one global key that the rebuild, rare wide moves (an
/// organisation's type, a volunteer's gender) and bulk statements take exclusively instead. In READ COMMITTED the
/// next statement takes a fresh snapshot, so it sees whatever the previous holder of a conflicting lock committed.
/// Writers that share no entity do not wait for each other; the rows every writer of a day updates (the national
/// row, a busy region's) are striped over slots, each writer in one no other writer in flight holds
/// (<see cref="CounterSchema.FreeSlots"/>), and readers sum over them. SQLite has one writer at a time and writes slot 0.
/// </para>
/// <para>
/// SQLite drops a table's triggers when a later migration rebuilds that table (a column change): such a migration
/// must run <see cref="Triggers"/> again (as it must <see cref="StatisticsSql.Triggers"/>).
/// </para>
/// </summary>
public static class StatsCounterSql
{
    /// <summary>Namespace and key of the advisory lock every counter trigger and the rebuild take ("CNTR", 1).</summary>
    private const int LockSpace = 0x434E5452;

    /// <summary>The schema the rebuild, the seeder and new migrations write.</summary>
    public const CounterSchema Latest = CounterSchema.SpreadSlots;

    /// <summary>
    /// Slots per day and cut on PostgreSQL: concurrent writers of the same day and cut wait for each other only when
    /// their transaction ids fall in the same slot; readers sum at most this many rows more per day.
    /// </summary>
    public const int Stripes = 16;

    /// <summary>
    /// Slots of <see cref="CounterSchema.FreeSlots"/>: as many writers of one day and cut as this run without waiting for
    /// each other's rows; one more shares a busy slot and waits for its commit, as with <see cref="Stripes"/>.
    /// </summary>
    public const int FreeSlots = 32;

    /// <summary>Namespace of the advisory locks by which a transaction holds its counter slot ("CNTS").</summary>
    public const int SlotLockSpace = 0x434E5453;

    /// <summary>
    /// The function giving the slot of the calling transaction (<see cref="CounterSchema.FreeSlots"/> and later). The first
    /// call tries slot 0, then the others (from 1 up; from <see cref="CounterSchema.SpreadSlots"/> on, from the slot
    /// <c>1 + pid % 31</c> of the backend's process id, so concurrent backends start apart) and keeps the first whose
    /// advisory lock nobody holds (a try never waits, so it adds no deadlock); the lock is
    /// held to the end of the transaction, and the slot is remembered in a transaction-local setting for the
    /// transaction's later counter statements. With every slot busy it falls back to the slot of its id and waits for
    /// that slot's rows, as <see cref="CounterSchema.Striped"/> always did. Starting from 0 also keeps a quiet day in
    /// one or two slots, so readers sum fewer rows than with slots spread by transaction id.
    /// <para>
    /// Why: with slots by transaction id, 64 concurrent applications over 16 slots put four writers in each slot, and
    /// they queued on the national and organisation rows of the day (issue #7: 141 of 270 sampled apply waits at scale 1
    /// were counter upserts).
    /// </para>
    /// </summary>
    public static string SlotFunction(CounterSchema schema) => schema == CounterSchema.FreeSlots
        ? string.Create(CultureInfo.InvariantCulture, $"""
            CREATE OR REPLACE FUNCTION athar_counter_slot() RETURNS smallint LANGUAGE plpgsql AS $$
            DECLARE
              held text := current_setting('athar.counter_slot', true);
            BEGIN
              IF held IS NOT NULL AND held <> '' THEN RETURN held::smallint; END IF;
              FOR candidate IN 0..{FreeSlots - 1} LOOP
                IF pg_try_advisory_xact_lock({SlotLockSpace}, candidate) THEN
                  PERFORM set_config('athar.counter_slot', candidate::text, true);
                  RETURN candidate;
                END IF;
              END LOOP;
              PERFORM set_config('athar.counter_slot', (txid_current() % {FreeSlots})::text, true);
              RETURN CAST(txid_current() % {FreeSlots} AS smallint);
            END $$;
            """)
        // Slot 0 first (a quiet day stays in it), then slots 1..n-1 from one the backend's process id picks: concurrent
        // backends start apart, so the first or second try is usually free.
        : string.Create(CultureInfo.InvariantCulture, $"""
            CREATE OR REPLACE FUNCTION athar_counter_slot() RETURNS smallint LANGUAGE plpgsql AS $$
            DECLARE
              held text := current_setting('athar.counter_slot', true);
              start int := pg_backend_pid() % {FreeSlots - 1};
              candidate int := 0;
            BEGIN
              IF held IS NOT NULL AND held <> '' THEN RETURN held::smallint; END IF;
              FOR step IN 0..{FreeSlots - 1} LOOP
                candidate := CASE WHEN step = 0 THEN 0 ELSE 1 + (start + step - 1) % {FreeSlots - 1} END;
                IF pg_try_advisory_xact_lock({SlotLockSpace}, candidate) THEN
                  PERFORM set_config('athar.counter_slot', candidate::text, true);
                  RETURN candidate;
                END IF;
              END LOOP;
              candidate := txid_current() % {FreeSlots};
              PERFORM set_config('athar.counter_slot', candidate::text, true);
              RETURN candidate;
            END $$;
            """);

    /// <summary>How an upsert names its row: without a slot (<see cref="CounterSchema.Unstriped"/>), or with this slot expression.</summary>
    private sealed record Target(string? Slot, bool Ordered)
    {
        public static readonly Target Unstriped = new(null, false);

        /// <summary>SQLite's triggers and every rebuild: slot 0.</summary>
        public static readonly Target SlotZero = new("CAST(0 AS smallint)", false);

        /// <summary>
        /// PostgreSQL's triggers: the slot of the writing transaction, and the rows upserted in key order, so two
        /// transactions in the same slot lock the rows of one statement in the same order and cannot deadlock on them.
        /// </summary>
        public static readonly Target Concurrent = new(string.Create(CultureInfo.InvariantCulture, $"CAST(txid_current() % {Stripes} AS smallint)"), true);

        /// <summary>PostgreSQL's triggers from CounterFreeSlots on: the first slot no other writer in flight holds.</summary>
        public static readonly Target FreeSlot = new("athar_counter_slot()", true);

        public static Target For(CounterSchema schema, Target striped) => schema == CounterSchema.Unstriped ? Unstriped : striped;
    }

    private static readonly int Accepted = (int)ApplicationStatus.Accepted;

    private static readonly int Cancelled = (int)OpportunityStatus.Cancelled;

    private static string Int(long value) => value.ToString(CultureInfo.InvariantCulture);

    private const string EmptyGuid = "'00000000-0000-0000-0000-000000000000'";

    private abstract class Dialect
    {
        /// <summary>The Saudi calendar day (yyyymmdd) of a stored instant.</summary>
        public abstract string SaudiDay(string instant);

        /// <summary>yyyymmdd of a stored date.</summary>
        public abstract string Day(string date);

        public abstract string EmptyScope { get; }

        protected static int SaudiOffsetSeconds => (int)DualDate.SaudiTimeZone.BaseUtcOffset.TotalSeconds;
    }

    private sealed class SqliteDialect : Dialect
    {
        // Instants are stored by DateTimeOffsetToBinaryConverter: (clock ticks / 1000) << 11 | offset minutes (11 bits, signed).
        public override string SaudiDay(string instant) =>
            $"CAST(strftime('%Y%m%d', ({instant} >> 11) / 10000 - 62135596800 - (({instant} & 2047) - ({instant} & 1024) * 2) * 60 + {Int(SaudiOffsetSeconds)}, 'unixepoch') AS INTEGER)";

        // DateOnly is stored as TEXT yyyy-MM-dd.
        public override string Day(string date) => $"CAST(replace({date}, '-', '') AS INTEGER)";

        public override string EmptyScope => EmptyGuid;
    }

    private sealed class PostgresDialect : Dialect
    {
        public override string SaudiDay(string instant) =>
            $"CAST(to_char(({instant} AT TIME ZONE 'UTC') + make_interval(secs => {Int(SaudiOffsetSeconds)}), 'YYYYMMDD') AS integer)";

        public override string Day(string date) => $"CAST(to_char({date}, 'YYYYMMDD') AS integer)";

        public override string EmptyScope => EmptyGuid + "::uuid";
    }

    private static Dialect For(DatabaseProvider provider) => provider == DatabaseProvider.Postgres ? new PostgresDialect() : new SqliteDialect();

    /// <summary>Where one counter's facts come from and how each cut reads them.</summary>
    private sealed record Counter(
        string Table,
        string From,
        string? Where,
        Func<Dialect, string> Day,
        string[] ExtraKeys,
        string[] ExtraKeyValues,
        string[] Measures,
        string[] RowMeasures,
        string Region, string City, string? Field, string? Gender, string? OrganizationType, string? Organization, string? Program)
    {
        /// <summary>The migration that installed this counter.</summary>
        public CounterGroup Group { get; init; } = CounterGroup.Participation;

        /// <summary>The cuts of the dimensions this counter has (a null dimension is not a cut of it: registrations have no field).</summary>
        public IEnumerable<(RollupDim Dim, string Value, string? Scope, string? Condition)> Cuts()
        {
            string Pair(string other) => $"(CAST({Region} AS bigint) * {Int(StatsRollupSql.PairBase)} + {other})";
            yield return (RollupDim.None, "CAST(0 AS bigint)", null, null);
            yield return (RollupDim.Region, $"CAST({Region} AS bigint)", null, null);
            yield return (RollupDim.City, $"CAST({City} AS bigint)", null, null);
            if (Field is not null) yield return (RollupDim.Field, $"CAST({Field} AS bigint)", null, null);
            if (Gender is not null) yield return (RollupDim.Gender, $"CAST({Gender} AS bigint)", null, null);
            if (OrganizationType is not null) yield return (RollupDim.OrganizationType, $"CAST({OrganizationType} AS bigint)", null, null);
            yield return (RollupDim.RegionCity, Pair(City), null, null);
            if (Field is not null) yield return (RollupDim.RegionField, Pair(Field), null, null);
            if (Gender is not null) yield return (RollupDim.RegionGender, Pair(Gender), null, null);
            if (OrganizationType is not null) yield return (RollupDim.RegionOrganizationType, Pair(OrganizationType), null, null);
            if (Organization is not null) yield return (RollupDim.Organization, "CAST(0 AS bigint)", Organization, null);
            if (Program is not null) yield return (RollupDim.Program, "CAST(0 AS bigint)", Program, $"{Program} IS NOT NULL");
        }

        public IReadOnlyList<RollupDim> Dims => [.. Cuts().Select(c => c.Dim)];

        /// <summary>
        /// The same counter with <paramref name="table"/> read from <paramref name="relation"/> instead (a statement's
        /// changed rows, or the table as it was before the statement). Tables are referenced as <c>"Table" alias</c>.
        /// </summary>
        public Counter Reading(string table, string relation)
        {
            var reference = $"\"{table}\" ";
            if (!From.Contains(reference, StringComparison.Ordinal) && !RowMeasures.Any(m => m.Contains(reference, StringComparison.Ordinal)))
                throw new InvalidOperationException($"{Table} does not read {table}.");
            return this with
            {
                From = From.Replace(reference, relation + " ", StringComparison.Ordinal),
                RowMeasures = [.. RowMeasures.Select(m => m.Replace(reference, relation + " ", StringComparison.Ordinal))],
            };
        }
    }

    private const string OpportunityJoins =
        "JOIN \"Opportunities\" o ON o.\"Id\" = a.\"OpportunityId\" JOIN \"Organizations\" g ON g.\"Id\" = o.\"OrganizationId\" " +
        "JOIN \"Volunteers\" v ON v.\"UserId\" = a.\"VolunteerId\"";

    /// <summary>Applications by the day they were made and their status, cut by the opportunity (as now) and the volunteer's gender.</summary>
    private static readonly Counter Applications = new(
        "StatsApplicationCounts",
        "\"Applications\" a " + OpportunityJoins, null,
        d => d.SaudiDay("a.\"CreatedAt\""),
        ["Status"], ["a.\"Status\""],
        ["Count"], ["1"],
        "o.\"RegionId\"", "o.\"CityId\"", "o.\"FieldId\"", "v.\"Gender\"", "g.\"Type\"", "o.\"OrganizationId\"", "o.\"ProgramId\"");

    /// <summary>Accepted applications by the day their shift ends, and those with an attendance record.</summary>
    private static readonly Counter Attendance = new(
        "StatsAttendanceCounts",
        "\"Applications\" a JOIN \"Shifts\" s ON s.\"Id\" = a.\"ShiftId\" " + OpportunityJoins, $"a.\"Status\" = {Accepted}",
        d => d.SaudiDay("s.\"EndsAt\""),
        [], [],
        ["Due", "Present"], ["1", "CASE WHEN EXISTS (SELECT 1 FROM \"Attendance\" x WHERE x.\"ApplicationId\" = a.\"Id\") THEN 1 ELSE 0 END"],
        "o.\"RegionId\"", "o.\"CityId\"", "o.\"FieldId\"", "v.\"Gender\"", "g.\"Type\"", "o.\"OrganizationId\"", "o.\"ProgramId\"");

    /// <summary>
    /// Hours records of any status by their date, and those with a concern; placed as <see cref="IndicatorQueries.Hours"/>
    /// places them: by their own region, field and organisation, by the opportunity's city, program and organisation type.
    /// </summary>
    private static readonly Counter Hours = new(
        "StatsHoursCounts",
        "\"VolunteerHours\" h JOIN \"Opportunities\" o ON o.\"Id\" = h.\"OpportunityId\" JOIN \"Organizations\" g ON g.\"Id\" = o.\"OrganizationId\"", null,
        d => d.Day("h.\"Date\""),
        [], [],
        ["Records", "Flagged"], ["1", "CASE WHEN h.\"Concerns\" <> 0 THEN 1 ELSE 0 END"],
        "h.\"RegionId\"", "o.\"CityId\"", "h.\"FieldId\"", null, "g.\"Type\"", "h.\"OrganizationId\"", "o.\"ProgramId\"");

    /// <summary>
    /// Volunteers by the Saudi day they registered, cut as <see cref="IndicatorQueries.RegisteredVolunteersAsync"/>
    /// places them: by home region and city and by gender (an age band depends on the period, so it reads the raw rows).
    /// </summary>
    private static readonly Counter Registrations = new(
        "StatsRegistrationCounts",
        "\"Volunteers\" v", null,
        d => d.SaudiDay("v.\"RegisteredAt\""),
        [], [],
        ["Count"], ["1"],
        "v.\"RegionId\"", "v.\"CityId\"", null, "v.\"Gender\"", null, null, null) { Group = CounterGroup.Dashboard };

    /// <summary>Seats of the shifts dated on a day and those taken, of opportunities published and not cancelled (<see cref="IndicatorQueries.Shifts"/>).</summary>
    private static readonly Counter Seats = new(
        "StatsSeatCounts",
        "\"Shifts\" s JOIN \"Opportunities\" o ON o.\"Id\" = s.\"OpportunityId\" JOIN \"Organizations\" g ON g.\"Id\" = o.\"OrganizationId\"",
        $"o.\"PublishedAt\" IS NOT NULL AND o.\"Status\" <> {Int(Cancelled)}",
        d => d.Day("s.\"Date\""),
        [], [],
        ["Offered", "Filled"], ["s.\"Seats\"", "s.\"Accepted\""],
        "o.\"RegionId\"", "o.\"CityId\"", "o.\"FieldId\"", null, "g.\"Type\"", "o.\"OrganizationId\"", "o.\"ProgramId\"") { Group = CounterGroup.Dashboard };

    /// <summary>Opportunities by the Saudi day they were published and the beneficiaries they expect (<see cref="IndicatorQueries.Published"/>).</summary>
    private static readonly Counter Published = new(
        "StatsPublishedCounts",
        "\"Opportunities\" o JOIN \"Organizations\" g ON g.\"Id\" = o.\"OrganizationId\"", "o.\"PublishedAt\" IS NOT NULL",
        d => d.SaudiDay("o.\"PublishedAt\""),
        [], [],
        ["Published", "Beneficiaries"], ["1", "COALESCE(o.\"ExpectedBeneficiaries\", 0)"],
        "o.\"RegionId\"", "o.\"CityId\"", "o.\"FieldId\"", null, "g.\"Type\"", "o.\"OrganizationId\"", "o.\"ProgramId\"") { Group = CounterGroup.Dashboard };

    private static readonly Counter[] AllCounters = [Applications, Attendance, Hours, Registrations, Seats, Published];

    /// <summary>The cuts each counter is kept for (the application and attendance counters also by gender).</summary>
    public static IReadOnlyList<RollupDim> ApplicationDims => Applications.Dims;

    public static IReadOnlyList<RollupDim> HoursDims => Hours.Dims;

    public static IReadOnlyList<RollupDim> RegistrationDims => Registrations.Dims;

    public static IReadOnlyList<RollupDim> SeatDims => Seats.Dims;

    public static IReadOnlyList<RollupDim> PublishedDims => Published.Dims;

    private static readonly string[] CommonKeys = ["Day", "Dim", "DimValue", "ScopeId"];
    private static readonly string[] CommonKeyValues = ["t.day", "t.dim", "t.dv", "t.sc"];

    /// <summary>Adds (sign 1) or subtracts (sign -1) the contribution of the facts matching <paramref name="where"/> to every cut.</summary>
    /// <param name="intoEmpty">
    /// The rebuild's insert into a table it has just emptied: the cuts' keys never collide (each cut has its own
    /// <c>Dim</c>, each group its own values), so a plain INSERT, which also runs where the seeder has set the key aside.
    /// </param>
    private static string Apply(Dialect d, Counter c, string where, int sign, Target target, bool intoEmpty = false)
    {
        var condition = c.Where is null ? where : $"{c.Where} AND {where}";
        var keys = c.ExtraKeyValues.Select((v, i) => $"{v} AS k{Int(i)}");
        var measures = c.RowMeasures.Select((v, i) => $"{Int(sign)} * SUM({v}) AS m{Int(i)}");
        var groupCount = 4 + c.ExtraKeys.Length;
        var branches = c.Cuts().Select(cut =>
            $"SELECT {c.Day(d)} AS day, {Int((int)cut.Dim)} AS dim, {cut.Value} AS dv, {cut.Scope ?? d.EmptyScope} AS sc" +
            string.Concat(keys.Select(k => ", " + k)) + string.Concat(measures.Select(m => ", " + m)) +
            $" FROM {c.From} WHERE {condition}{(cut.Condition is null ? "" : " AND " + cut.Condition)} " +
            $"GROUP BY {string.Join(", ", Enumerable.Range(1, groupCount).Select(i => Int(i)))}");
        var slotted = target.Slot is null ? [] : new[] { "Slot" };
        var keyColumns = CommonKeys.Concat(c.ExtraKeys).Concat(slotted).Select(k => $"\"{k}\"").ToList();
        var columns = keyColumns.Concat(c.Measures.Select(m => $"\"{m}\"")).ToList();
        var keyValues = CommonKeyValues.Concat(c.ExtraKeys.Select((_, i) => $"t.k{Int(i)}")).ToList();
        var selected = keyValues.Concat(target.Slot is null ? [] : [target.Slot]).Concat(c.Measures.Select((_, i) => $"t.m{Int(i)}"));
        var order = target.Ordered ? $" ORDER BY {string.Join(", ", keyValues)}" : "";
        var insert = $"INSERT INTO \"{c.Table}\" ({string.Join(", ", columns)}) SELECT {string.Join(", ", selected)} FROM (\n    " +
            string.Join("\n    UNION ALL ", branches) + ") t WHERE 1 = 1" + order;
        if (intoEmpty)
            return insert;
        return insert + " " +
            $"ON CONFLICT ({string.Join(", ", keyColumns)}) DO UPDATE SET " +
            string.Join(", ", c.Measures.Select(m => $"\"{m}\" = \"{c.Table}\".\"{m}\" + excluded.\"{m}\""));
    }

    /// <summary>
    /// One table whose rows feed counters: for each counter, which facts a row of it affects (<c>{0}</c> is OLD or NEW),
    /// the key column that could point elsewhere after an update (then both the old and the new facts are recounted),
    /// the columns whose update changes anything, and whether the facts are the row itself (nothing to subtract before
    /// its insert or to add after its delete).
    /// <para>
    /// For PostgreSQL's statement triggers: <see cref="Key"/> pairs a row's before and after images, and
    /// <see cref="CountedIn"/> says which facts a set of changed rows (<c>{0}</c>) affects when the table is read by a
    /// counter's measure rather than joined in its <c>FROM</c> (attendance: the applications it belongs to).
    /// <see cref="Guards"/> and <see cref="Wide"/> say what its striped trigger locks before counting.
    /// </para>
    /// </summary>
    private sealed record Source(string Table, string Name, (Counter Counter, string Facts)[] Feeds, string? MovingKey, string[] Watched, bool Self, bool InsertsAndDeletes)
    {
        public string Key { get; init; } = "Id";

        /// <summary>What SQLite's trigger names call the source: the table, unless another source of the same table came first.</summary>
        public string Tag { get; init; } = Table;

        /// <summary>A source feeds the counters of one migration, so that migration alone installs and drops its triggers.</summary>
        public CounterGroup Group => Feeds.Select(f => f.Counter.Group).Distinct().Single();

        public string? CountedIn { get; init; }

        /// <summary>The entity locks a statement of this source takes before counting (<see cref="CounterSchema.Striped"/>).</summary>
        public Guard[] Guards { get; init; } = [];

        /// <summary>
        /// A move whose facts read too many entities to lock one by one (an organisation's type: all its applications,
        /// hours and seats; a volunteer's gender: all their applications), rare enough to take the global lock exclusively.
        /// </summary>
        public bool Wide { get; init; }
    }

    /// <summary>
    /// The entities whose moves counted facts depend on, in the order their locks are taken. An organisation's type and
    /// a volunteer's gender are moved under the global lock (<see cref="Source.Wide"/>), so they need no lock of their own.
    /// </summary>
    private enum Entity
    {
        Opportunity = 1,
        Shift = 2,
        Application = 3,
    }

    /// <summary>
    /// One advisory lock family a source's trigger takes: on the entities <see cref="Ids"/> selects from the statement's
    /// changed rows (<c>{0}</c>, aliased <c>r</c>), exclusive when the statement moves them, shared when its facts read them.
    /// </summary>
    private sealed record Guard(Entity Entity, bool Exclusive, string Ids)
    {
        public int Space => LockSpace - 0x52 + (int)Entity; // "CNT\x01".."CNT\x03": apart from the global key's "CNTR".
    }

    private static Guard Reads(Entity entity, string ids) => new(entity, false, ids);

    private static Guard Moves(Entity entity, string ids) => new(entity, true, ids);

    private const string OwnIds = "SELECT r.\"Id\" FROM {0} r";

    private const string OpportunityIds = "SELECT r.\"OpportunityId\" FROM {0} r";

    private const string ApplicationOf = "FROM {0} r JOIN \"Applications\" a ON a.\"Id\" = r.\"ApplicationId\"";

    /// <summary>A statement changing more rows than this takes the global lock exclusively instead of one lock per entity.</summary>
    private const int MaxEntityLockedRows = 32;

    private static readonly Source[] Sources =
    [
        new("Applications", "applications", [(Applications, "a.\"Id\" = {0}.\"Id\""), (Attendance, "a.\"Id\" = {0}.\"Id\"")],
            null, ["Status", "CreatedAt", "OpportunityId", "ShiftId", "VolunteerId"], Self: true, InsertsAndDeletes: true)
        {
            Guards = [Reads(Entity.Opportunity, OpportunityIds), Reads(Entity.Shift, "SELECT r.\"ShiftId\" FROM {0} r"), Moves(Entity.Application, OwnIds)],
        },
        new("Attendance", "attendance", [(Attendance, "a.\"Id\" = {0}.\"ApplicationId\"")],
            "ApplicationId", ["ApplicationId"], Self: false, InsertsAndDeletes: true)
        {
            CountedIn = "a.\"Id\" IN (SELECT \"ApplicationId\" FROM {0})",
            Guards =
            [
                Reads(Entity.Opportunity, "SELECT a.\"OpportunityId\" " + ApplicationOf), Reads(Entity.Shift, "SELECT a.\"ShiftId\" " + ApplicationOf),
                Moves(Entity.Application, "SELECT r.\"ApplicationId\" FROM {0} r"),
            ],
        },
        new("VolunteerHours", "hours", [(Hours, "h.\"Id\" = {0}.\"Id\"")],
            null, ["Date", "Concerns", "RegionId", "FieldId", "OrganizationId", "OpportunityId"], Self: true, InsertsAndDeletes: true)
        {
            Guards = [Reads(Entity.Opportunity, OpportunityIds)],
        },
        // A shift is inserted before its applications and cannot be deleted under them: only its end moves facts.
        new("Shifts", "shifts", [(Attendance, "a.\"ShiftId\" = {0}.\"Id\"")], null, ["EndsAt"], Self: false, InsertsAndDeletes: false)
        {
            Guards = [Reads(Entity.Opportunity, "SELECT x.\"OpportunityId\" FROM {0} r JOIN \"Shifts\" x ON x.\"Id\" = r.\"Id\""), Moves(Entity.Shift, OwnIds)],
        },
        new("Opportunities", "opportunities", [(Applications, "o.\"Id\" = {0}.\"Id\""), (Attendance, "o.\"Id\" = {0}.\"Id\""), (Hours, "o.\"Id\" = {0}.\"Id\"")],
            null, ["RegionId", "CityId", "FieldId", "OrganizationId", "ProgramId"], Self: false, InsertsAndDeletes: false)
        {
            Guards = [Moves(Entity.Opportunity, OwnIds)],
        },
        new("Organizations", "organizations", [(Applications, "o.\"OrganizationId\" = {0}.\"Id\""), (Attendance, "o.\"OrganizationId\" = {0}.\"Id\""), (Hours, "o.\"OrganizationId\" = {0}.\"Id\"")],
            null, ["Type"], Self: false, InsertsAndDeletes: false) { Wide = true },
        new("Volunteers", "volunteers", [(Applications, "a.\"VolunteerId\" = {0}.\"UserId\""), (Attendance, "a.\"VolunteerId\" = {0}.\"UserId\"")],
            null, ["Gender"], Self: false, InsertsAndDeletes: false) { Key = "UserId", Wide = true },
        // The dashboard's counters watch other columns of the same tables: their own triggers, so that a seat taken
        // (every accepted application updates its shift's Accepted) does not recount the shift's attendance too.
        new("Volunteers", "registrations", [(Registrations, "v.\"UserId\" = {0}.\"UserId\"")],
            null, ["RegisteredAt", "RegionId", "CityId", "Gender"], Self: true, InsertsAndDeletes: true) { Key = "UserId", Tag = "VolunteerRegistrations" },
        // Opportunities are never deleted (applications restrict it), so a shift never leaves by a cascade that would
        // have removed the opportunity its seats are placed by first.
        new("Shifts", "shift_seats", [(Seats, "s.\"Id\" = {0}.\"Id\"")],
            null, ["Date", "Seats", "Accepted", "OpportunityId"], Self: true, InsertsAndDeletes: true)
        {
            Tag = "ShiftSeats", Guards = [Reads(Entity.Opportunity, OpportunityIds)],
        },
        new("Opportunities", "opportunity_seats", [(Seats, "o.\"Id\" = {0}.\"Id\"")],
            null, ["PublishedAt", "Status", "RegionId", "CityId", "FieldId", "OrganizationId", "ProgramId"], Self: false, InsertsAndDeletes: false)
        {
            Tag = "OpportunitySeats", Guards = [Moves(Entity.Opportunity, OwnIds)],
        },
        new("Opportunities", "opportunity_publications", [(Published, "o.\"Id\" = {0}.\"Id\"")],
            null, ["PublishedAt", "ExpectedBeneficiaries", "RegionId", "CityId", "FieldId", "OrganizationId", "ProgramId"], Self: true, InsertsAndDeletes: true) { Tag = "OpportunityPublications" },
        new("Organizations", "organization_dashboard", [(Seats, "o.\"OrganizationId\" = {0}.\"Id\""), (Published, "o.\"OrganizationId\" = {0}.\"Id\"")],
            null, ["Type"], Self: false, InsertsAndDeletes: false) { Tag = "OrganizationDashboard", Wide = true },
    ];

    private static IEnumerable<Source> SourcesOf(CounterGroup group) => Sources.Where(s => group.HasFlag(s.Group));

    private static string Facts(string template, string row) => string.Format(CultureInfo.InvariantCulture, template, row);

    /// <summary>The statements of one trigger: subtract (before) or add (after) the facts the changed row touches.</summary>
    private static IEnumerable<string> Statements(Dialect d, Source source, TriggerEvent op, bool before, Target target)
    {
        var sign = before ? -1 : 1;
        // The row's own facts do not exist before its insert nor after its delete.
        if (source.Self && ((op == TriggerEvent.Insert && before) || (op == TriggerEvent.Delete && !before)))
            yield break;
        foreach (var (counter, facts) in source.Feeds)
        {
            var row = op switch { TriggerEvent.Insert => "NEW", TriggerEvent.Delete => "OLD", _ => before ? "OLD" : "NEW" };
            yield return Apply(d, counter, Facts(facts, row), sign, target);
            if (op == TriggerEvent.Update && source.MovingKey is { } key)
            {
                // The row now points at other facts: recount those too (only when it really moved).
                var other = before ? "NEW" : "OLD";
                yield return Apply(d, counter, $"{Facts(facts, other)} AND OLD.\"{key}\" <> NEW.\"{key}\"", sign, target);
            }
        }
    }

    private static string Changed(Source source, string distinct) =>
        string.Join(" OR ", source.Watched.Select(c => $"OLD.\"{c}\" {distinct} NEW.\"{c}\""));

    private static string Lock => string.Create(CultureInfo.InvariantCulture, $"PERFORM pg_advisory_xact_lock({LockSpace}, 1);");

    private static TriggerEvent[] Events(Source source) => source.InsertsAndDeletes ? StatementTriggers.AllEvents : [TriggerEvent.Update];

    /// <summary>
    /// The counter triggers: SQLite has only row triggers (BEFORE and AFTER each row); PostgreSQL gets one AFTER …
    /// FOR EACH STATEMENT trigger per table and event over the statement's transition tables.
    /// </summary>
    public static IReadOnlyList<string> Triggers(DatabaseProvider provider, CounterGroup group = CounterGroup.Participation, CounterSchema schema = CounterSchema.Unstriped) =>
        provider == DatabaseProvider.Postgres ? PostgresStatementTriggers(group, schema) : SqliteRowTriggers(group, schema);

    private static List<string> SqliteRowTriggers(CounterGroup group, CounterSchema schema)
    {
        var target = Target.For(schema, Target.SlotZero);
        var d = new SqliteDialect();
        var result = new List<string>();
        foreach (var source in SourcesOf(group))
        {
            foreach (var op in Events(source))
            {
                foreach (var before in new[] { true, false })
                {
                    var statements = Statements(d, source, op, before, target).ToList();
                    if (statements.Count == 0)
                        continue;
                    var when = op == TriggerEvent.Update ? $" WHEN {Changed(source, "IS NOT")}" : "";
                    result.Add($"CREATE TRIGGER \"{SqliteName(source, op, before)}\" {(before ? "BEFORE" : "AFTER")} {op.Sql()} ON \"{source.Table}\"{when}\nBEGIN\n" +
                        string.Concat(statements.Select(s => $"  {s};\n")) + "END;");
                }
            }
        }
        return result;
    }

    /// <summary>
    /// PostgreSQL's first counter triggers (migration StatisticsCounters), BEFORE and AFTER each row: a statement
    /// changing 2,000 applications ran the counters' queries 4,000 times. Kept for the Down of CountersPerStatement.
    /// </summary>
    public static IReadOnlyList<string> PostgresRowTriggers()
    {
        var d = new PostgresDialect();
        var result = new List<string>();
        foreach (var source in SourcesOf(CounterGroup.Participation))
        {
            foreach (var before in new[] { true, false })
            {
                var when = before ? "BEFORE" : "AFTER";
                var name = RowName(source, when.ToLowerInvariant());
                var body = new StringBuilder($"CREATE OR REPLACE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$\nBEGIN\n  {Lock}\n");
                foreach (var op in Events(source))
                {
                    var statements = Statements(d, source, op, before, Target.Unstriped).ToList();
                    if (statements.Count == 0)
                        continue;
                    body.Append(CultureInfo.InvariantCulture, $"  IF TG_OP = '{op.Sql()}' THEN\n");
                    foreach (var s in statements)
                        body.Append("    ").Append(s).Append(";\n");
                    body.Append("  END IF;\n");
                }
                body.Append(before ? "  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;\n  RETURN NEW;\nEND $$;" : "  RETURN NULL;\nEND $$;");
                result.Add(body.ToString());
                if (source.InsertsAndDeletes)
                    result.Add($"CREATE TRIGGER {name}_rows {when} INSERT OR DELETE ON \"{source.Table}\" FOR EACH ROW EXECUTE FUNCTION {name}();");
                result.Add($"CREATE TRIGGER {name}_update {when} UPDATE ON \"{source.Table}\" FOR EACH ROW WHEN ({Changed(source, "IS DISTINCT FROM")}) EXECUTE FUNCTION {name}();");
            }
        }
        return result;
    }

    /// <summary>
    /// PostgreSQL: one AFTER … FOR EACH STATEMENT trigger per table and event. The transition tables hold every row
    /// the statement changed, before and after, so the counters' query runs once per statement over all of them
    /// (a bulk status change of 2,000 applications: four set-based upserts instead of 8,000 row-by-row ones). It is
    /// still "remove what was, add what is" with the rebuild's own query: subtract the facts of the changed rows as
    /// they were (the table read through its before images), then add them as they are. Every other table is as it
    /// was before the statement: nothing cascades into these tables (their foreign keys restrict) and no other
    /// trigger writes them. The lock is taken after the rows changed but before anything is counted, and each
    /// statement of the function takes a fresh snapshot (READ COMMITTED), so the previous holder's commit is seen.
    /// </summary>
    private static List<string> PostgresStatementTriggers(CounterGroup group, CounterSchema schema)
    {
        var d = new PostgresDialect();
        var target = Target.For(schema, schema >= CounterSchema.FreeSlots ? Target.FreeSlot : Target.Concurrent);
        var result = new List<string>();
        if (schema >= CounterSchema.FreeSlots)
            result.Add(SlotFunction(schema));
        foreach (var source in SourcesOf(group))
        {
            foreach (var op in Events(source))
            {
                var name = StatementName(source, op);
                var (before, after) = ChangedRows(source, op);
                var body = new StringBuilder($"CREATE OR REPLACE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$\n");
                if (schema != CounterSchema.Unstriped)
                    body.Append("DECLARE\n  held record;\n");
                body.Append("BEGIN\n");
                // An update of other columns (a seat count, a profile), or of no row at all, counts nothing and does not wait for the lock.
                body.Append(CultureInfo.InvariantCulture, $"  IF NOT EXISTS (SELECT 1 FROM {before ?? after} c) THEN RETURN NULL; END IF;\n");
                body.Append(schema != CounterSchema.Unstriped ? EntityLocks(source, before, after) : $"  {Lock}\n");
                foreach (var (counter, _) in source.Feeds)
                {
                    foreach (var statement in StatementApply(d, source, counter, op, before, after, target))
                        body.Append("  ").Append(statement).Append(";\n");
                }
                body.Append("  RETURN NULL;\nEND $$;");
                result.Add(body.ToString());
                result.Add(StatementTriggers.Create(name, source.Table, op));
            }
        }
        return result;
    }

    /// <summary>
    /// The locks a striped trigger takes before counting (the first statements of its function). A wide move, or a
    /// statement changing more than <see cref="MaxEntityLockedRows"/> rows, takes the global key exclusively: it then
    /// waits for every counting writer and excludes them until it commits, as every writer did before CounterStripes.
    /// Otherwise the global key shared (so the rebuild and wide moves exclude it), then the source's entity locks,
    /// each family's keys sorted and the families in <see cref="Entity"/> order, so concurrent triggers take shared
    /// and exclusive locks in one order. An entity's key is its id's hash: two ids of one hash share a lock, which
    /// costs a wait, never a wrong figure.
    /// </summary>
    private static string EntityLocks(Source source, string? before, string? after)
    {
        var global = string.Create(CultureInfo.InvariantCulture, $"PERFORM pg_advisory_xact_lock({LockSpace}, 1);");
        if (source.Wide)
            return $"  {global}\n";
        var changed = "(" + string.Join(" UNION ALL ", new[] { before, after }.OfType<string>().Select(r => $"SELECT * FROM {r} r")) + ")";
        var shared = string.Create(CultureInfo.InvariantCulture, $"PERFORM pg_advisory_xact_lock_shared({LockSpace}, 1);");
        var text = new StringBuilder($"  IF (SELECT count(*) FROM {before ?? after} c) > {Int(MaxEntityLockedRows)} THEN\n    {global}\n  ELSE\n    {shared}\n");
        if (source.Guards.Length > 0)
        {
            var families = source.Guards.Select(g =>
                $"SELECT {Int(g.Space)} AS space, hashtext(e.id::text) AS key, {(g.Exclusive ? "true" : "false")} AS exclusive " +
                $"FROM ({Facts(g.Ids, changed)}) e(id) WHERE e.id IS NOT NULL");
            text.Append("    FOR held IN SELECT l.space, l.key, bool_or(l.exclusive) AS exclusive FROM (")
                .Append(string.Join(" UNION ALL ", families))
                .Append(") l GROUP BY l.space, l.key ORDER BY l.space, l.key LOOP\n")
                .Append("      IF held.exclusive THEN PERFORM pg_advisory_xact_lock(held.space, held.key); ELSE PERFORM pg_advisory_xact_lock_shared(held.space, held.key); END IF;\n")
                .Append("    END LOOP;\n");
        }
        return text.Append("  END IF;\n").ToString();
    }

    /// <summary>
    /// The changed rows before and after the statement (null where the event has none). For an update, only the key and
    /// the watched columns (all a counter reads of the table) of the rows whose watched columns changed: a set difference
    /// of the two transition tables, hashed, rather than a join, which the planner may run as a nested loop over two
    /// tuplestores without statistics (2,000 rows: four million comparisons per counted branch).
    /// </summary>
    private static (string? Before, string? After) ChangedRows(Source source, TriggerEvent op)
    {
        if (op == TriggerEvent.Insert) return (null, StatementTriggers.NewRows);
        if (op == TriggerEvent.Delete) return (StatementTriggers.OldRows, null);
        var columns = string.Join(", ", new[] { source.Key }.Concat(source.Watched).Distinct().Select(c => $"\"{c}\""));
        return ($"(SELECT {columns} FROM {StatementTriggers.OldRows} EXCEPT ALL SELECT {columns} FROM {StatementTriggers.NewRows})",
            $"(SELECT {columns} FROM {StatementTriggers.NewRows} EXCEPT ALL SELECT {columns} FROM {StatementTriggers.OldRows})");
    }

    /// <summary>
    /// The source table as it was before the statement: live rows the statement did not write, plus the before images.
    /// <c>NOT IN</c> over the key (never null) is a hashed subplan: one probe per live row read.
    /// </summary>
    private static string BeforeImage(Source source, TriggerEvent op)
    {
        var untouched = op == TriggerEvent.Delete
            ? $"SELECT * FROM \"{source.Table}\""
            : $"SELECT * FROM \"{source.Table}\" t WHERE t.\"{source.Key}\" NOT IN (SELECT \"{source.Key}\" FROM {StatementTriggers.NewRows})";
        return op == TriggerEvent.Insert ? $"({untouched})" : $"({untouched} UNION ALL SELECT * FROM {StatementTriggers.OldRows})";
    }

    /// <summary>The statements of one statement trigger for one counter: subtract the affected facts as they were, add them as they are.</summary>
    private static IEnumerable<string> StatementApply(Dialect d, Source source, Counter counter, TriggerEvent op, string? before, string? after, Target target)
    {
        if (source.CountedIn is { } countedIn)
        {
            // The facts are other rows that read this table (an application and its attendance): recount those of every
            // changed row, first over the table as it was, then as it is.
            var keys = string.Join(" UNION ALL ", new[] { before, after }.OfType<string>().Select(r => $"SELECT * FROM {r} r"));
            var facts = Facts(countedIn, $"({keys}) k");
            yield return Apply(d, counter.Reading(source.Table, BeforeImage(source, op)), facts, -1, target);
            yield return Apply(d, counter, facts, 1, target);
            yield break;
        }
        // The table is joined in the counter's FROM: read through the changed rows alone, it yields exactly their facts.
        if (before is not null) yield return Apply(d, counter.Reading(source.Table, before), "1 = 1", -1, target);
        if (after is not null) yield return Apply(d, counter.Reading(source.Table, after), "1 = 1", 1, target);
    }

    private static string SqliteName(Source source, TriggerEvent op, bool before) => $"StatsCounters_{source.Tag}_{(before ? "Before" : "After")}{op}";

    private static string RowName(Source source, string when) => $"athar_counters_{source.Name}_{when}";

    private static string StatementName(Source source, TriggerEvent op) => $"athar_counters_{source.Name}_{op.ToString().ToLowerInvariant()}";

    /// <summary>Drops the group's counter triggers of every version (on PostgreSQL both the row and the statement triggers).</summary>
    public static IReadOnlyList<string> DropTriggers(DatabaseProvider provider, CounterGroup group = CounterGroup.Participation)
    {
        var result = new List<string>();
        foreach (var source in SourcesOf(group))
        {
            if (provider == DatabaseProvider.Postgres)
            {
                // Only the first counters ever had row triggers on PostgreSQL.
                foreach (var when in source.Group == CounterGroup.Participation ? ["before", "after"] : Array.Empty<string>())
                {
                    var name = RowName(source, when);
                    if (source.InsertsAndDeletes)
                        result.Add($"DROP TRIGGER IF EXISTS {name}_rows ON \"{source.Table}\";");
                    result.Add($"DROP TRIGGER IF EXISTS {name}_update ON \"{source.Table}\";");
                    result.Add($"DROP FUNCTION IF EXISTS {name}();");
                }
                foreach (var op in Events(source))
                {
                    result.Add($"DROP TRIGGER IF EXISTS {StatementName(source, op)} ON \"{source.Table}\";");
                    result.Add($"DROP FUNCTION IF EXISTS {StatementName(source, op)}();");
                }
                continue;
            }
            foreach (var op in StatementTriggers.AllEvents)
                foreach (var before in new[] { true, false })
                    result.Add($"DROP TRIGGER IF EXISTS \"{SqliteName(source, op, before)}\";");
        }
        return result;
    }

    /// <summary>
    /// Recomputes the three counters from the raw tables, set-based, with the triggers' own query. Run inside a
    /// transaction; on PostgreSQL it first takes the triggers' lock, so writers wait and then apply their changes on top.
    /// </summary>
    public static IReadOnlyList<string> Rebuild(DatabaseProvider provider, CounterGroup group = CounterGroup.Participation, CounterSchema schema = CounterSchema.Unstriped)
    {
        var target = Target.For(schema, Target.SlotZero);
        var d = For(provider);
        var statements = new List<string>();
        if (provider == DatabaseProvider.Postgres)
            statements.Add(string.Create(CultureInfo.InvariantCulture, $"SELECT pg_advisory_xact_lock({LockSpace}, 1);"));
        foreach (var counter in AllCounters.Where(c => group.HasFlag(c.Group)))
        {
            statements.Add($"DELETE FROM \"{counter.Table}\";");
            var (project, fromFacts) = Projected(d, counter);
            statements.Add(project);
            statements.Add(Apply(d, fromFacts, "1 = 1", 1, target, intoEmpty: true) + ";");
            statements.Add($"DROP TABLE {FactsTable};");
        }
        return statements;
    }

    /// <summary>The tables <see cref="Rebuild"/> empties and fills for <paramref name="group"/>.</summary>
    public static IReadOnlyList<string> Tables(CounterGroup group) => [.. AllCounters.Where(c => group.HasFlag(c.Group)).Select(c => c.Table)];

    private const string FactsTable = "athar_counter_facts";

    /// <summary>
    /// For the rebuild: every fact of <paramref name="counter"/> projected once into a temporary table (its day, each
    /// dimension, its extra keys and per-row measures), and the same counter read from that table. Reading the raw
    /// tables directly, each of the twelve cuts joined and scanned them again (at scale 0.3: 3.5 million applications
    /// with their shifts, opportunities, organisations and volunteers, twelve times); the cuts, keys and sums are still
    /// <see cref="Apply"/>'s, only their input is computed once.
    /// </summary>
    private static (string Project, Counter FromFacts) Projected(Dialect d, Counter counter)
    {
        var dimensions = new (string Name, string? Value)[]
        {
            ("region", counter.Region), ("city", counter.City), ("field", counter.Field), ("organization_type", counter.OrganizationType),
            ("organization", counter.Organization), ("program", counter.Program), ("gender", counter.Gender),
        };
        var columns = new List<(string Name, string Value)> { ("day", counter.Day(d)) };
        columns.AddRange(dimensions.Where(c => c.Value is not null).Select(c => (c.Name, c.Value!)));
        columns.AddRange(counter.ExtraKeyValues.Select((v, i) => ($"k{Int(i)}", v)));
        var measures = counter.RowMeasures.Select((v, i) => (Name: $"m{Int(i)}", Value: v)).ToList();
        if (measures.Count == 0)
            throw new InvalidOperationException($"{counter.Table} has no measure to sum.");
        var keys = string.Join(", ", columns.Select(c => "x." + c.Name));
        // Facts with the same day, dimensions and keys are summed here once (at scale 1, 11.5 million applications
        // become 5 million rows), so each cut below groups the smaller table: Apply only ever sums the measures.
        // Integers, as the raw measures are, so each cut sums them as before.
        var project = $"CREATE TEMPORARY TABLE {FactsTable} AS SELECT {keys}, " +
            string.Join(", ", measures.Select(m => $"CAST(SUM(x.{m.Name}) AS integer) AS {m.Name}")) +
            $" FROM (SELECT {string.Join(", ", columns.Concat(measures).Select(c => $"{c.Value} AS {c.Name}"))} " +
            $"FROM {counter.From}{(counter.Where is null ? "" : " WHERE " + counter.Where)}) x GROUP BY {keys};";
        var fromFacts = counter with
        {
            From = $"{FactsTable} f",
            Where = null,
            Day = _ => "f.day",
            ExtraKeyValues = [.. counter.ExtraKeyValues.Select((_, i) => $"f.k{Int(i)}")],
            RowMeasures = [.. counter.RowMeasures.Select((_, i) => $"f.m{Int(i)}")],
            Region = "f.region", City = "f.city", Field = Projected(counter.Field, "f.field"), Gender = Projected(counter.Gender, "f.gender"),
            OrganizationType = Projected(counter.OrganizationType, "f.organization_type"), Organization = Projected(counter.Organization, "f.organization"),
            Program = Projected(counter.Program, "f.program"),
        };
        return (project, fromFacts);
    }

    private static string? Projected(string? dimension, string column) => dimension is null ? null : column;

    /// <summary>For a database whose raw tables may already hold rows: the triggers, then the counters from the rows.</summary>
    public static IReadOnlyList<string> Install(DatabaseProvider provider, CounterGroup group = CounterGroup.Participation, CounterSchema schema = CounterSchema.Unstriped) =>
        [.. Triggers(provider, group, schema), .. Rebuild(provider, group, schema)];

    public static IReadOnlyList<string> Uninstall(DatabaseProvider provider, CounterGroup group = CounterGroup.Participation) => DropTriggers(provider, group);
}
