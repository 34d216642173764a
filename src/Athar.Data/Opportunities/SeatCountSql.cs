using Athar.Data.Infrastructure;

namespace Athar.Data.Opportunities;

/// <summary>
/// RAW SQL, per provider, of the seat-count queue (<see cref="SeatCountChange"/>): the trigger on Shifts that appends an
/// opportunity whenever its shifts' seats may have changed (a shift inserted, deleted, moved, or its accepted count or
/// seats changed), and the fold that sets <see cref="Opportunity.SeatsTaken"/> to the sum of its shifts' accepted seats.
/// </summary>
public static class SeatCountSql
{
    private const string Queue = "\"SeatCountChanges\"";

    /// <summary>Changes one fold consumes at most on PostgreSQL; the job folds again while a fold was full.</summary>
    public const int FoldBatch = 10_000;

    /// <summary>The advisory lock (key space 'SEAT') that keeps folds on several nodes from running at once (the later waits).</summary>
    public const long FoldLock = 0x53454154;

    /// <summary>A shift update's WHEN: its accepted count, its seats or its opportunity changed.</summary>
    private static string SeatsMoved(string oldRow, string newRow) =>
        $"{oldRow}.\"Accepted\" <> {newRow}.\"Accepted\" OR {oldRow}.\"Seats\" <> {newRow}.\"Seats\" OR {oldRow}.\"OpportunityId\" <> {newRow}.\"OpportunityId\"";

    public static IReadOnlyList<string> InstallTriggers(DatabaseProvider provider) => provider == DatabaseProvider.Postgres
        ?
        [
            $"""
            CREATE FUNCTION "SeatCountChanges_Append"() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF TG_OP IN ('UPDATE', 'DELETE') THEN
                    INSERT INTO {Queue} ("OpportunityId") VALUES (OLD."OpportunityId");
                END IF;
                IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND OLD."OpportunityId" <> NEW."OpportunityId") THEN
                    INSERT INTO {Queue} ("OpportunityId") VALUES (NEW."OpportunityId");
                END IF;
                RETURN NULL;
            END
            $$;
            """,
            """
            CREATE TRIGGER "SeatCounts_Shifts" AFTER INSERT OR DELETE ON "Shifts"
            FOR EACH ROW EXECUTE FUNCTION "SeatCountChanges_Append"();
            """,
            $"""
            CREATE TRIGGER "SeatCounts_Shifts_Update" AFTER UPDATE OF "Accepted", "Seats", "OpportunityId" ON "Shifts"
            FOR EACH ROW WHEN ({SeatsMoved("OLD", "NEW")})
            EXECUTE FUNCTION "SeatCountChanges_Append"();
            """,
        ]
        :
        [
            $"""CREATE TRIGGER "SeatCounts_Shifts_Insert" AFTER INSERT ON "Shifts" BEGIN INSERT INTO {Queue} ("OpportunityId") VALUES (new."OpportunityId"); END;""",
            $"""CREATE TRIGGER "SeatCounts_Shifts_Delete" AFTER DELETE ON "Shifts" BEGIN INSERT INTO {Queue} ("OpportunityId") VALUES (old."OpportunityId"); END;""",
            $"""
            CREATE TRIGGER "SeatCounts_Shifts_Update" AFTER UPDATE OF "Accepted", "Seats", "OpportunityId" ON "Shifts"
            WHEN {SeatsMoved("old", "new")}
            BEGIN
                INSERT INTO {Queue} ("OpportunityId") VALUES (old."OpportunityId");
                INSERT INTO {Queue} ("OpportunityId") SELECT new."OpportunityId" WHERE new."OpportunityId" <> old."OpportunityId";
            END;
            """,
        ];

    public static IReadOnlyList<string> DropTriggers(DatabaseProvider provider) => provider == DatabaseProvider.Postgres
        ?
        [
            "DROP TRIGGER IF EXISTS \"SeatCounts_Shifts\" ON \"Shifts\";",
            "DROP TRIGGER IF EXISTS \"SeatCounts_Shifts_Update\" ON \"Shifts\";",
            "DROP FUNCTION IF EXISTS \"SeatCountChanges_Append\"();",
        ]
        : ["DROP TRIGGER IF EXISTS \"SeatCounts_Shifts_Insert\";", "DROP TRIGGER IF EXISTS \"SeatCounts_Shifts_Delete\";", "DROP TRIGGER IF EXISTS \"SeatCounts_Shifts_Update\";"];

    private const string ShiftsTaken = "COALESCE((SELECT SUM(s.\"Accepted\") FROM \"Shifts\" s WHERE s.\"OpportunityId\" = o.\"Id\"), 0)";

    /// <summary>
    /// PostgreSQL, one statement (one snapshot): take up to <see cref="FoldBatch"/> changes, lock their opportunities in
    /// key order (no deadlock with a writer that locks several), set each one's seats taken from its shifts. A change
    /// committed before the statement began comes with its shifts' new counts in the same snapshot; one committed later
    /// is not taken and waits for the next fold. Answers the number of changes taken (the UPDATE in WITH runs whether or
    /// not the answer reads it).
    /// </summary>
    public static readonly string PostgresFold = $"""
        WITH taken AS (
            DELETE FROM {Queue} c USING (SELECT "Id" FROM {Queue} ORDER BY "Id" LIMIT {FoldBatch}) b
            WHERE c."Id" = b."Id" RETURNING c."OpportunityId"),
        locked AS (
            SELECT o."Id" FROM "Opportunities" o WHERE o."Id" IN (SELECT "OpportunityId" FROM taken) ORDER BY o."Id" FOR NO KEY UPDATE),
        folded AS (
            UPDATE "Opportunities" o SET "SeatsTaken" = {ShiftsTaken}
            WHERE o."Id" IN (SELECT "Id" FROM locked) AND o."SeatsTaken" <> {ShiftsTaken})
        SELECT count(*)::int AS "Value" FROM taken
        """;

    /// <summary>
    /// SQLite, in one transaction that holds the database's single write lock from its first statement: no change can
    /// be appended between the update and the delete.
    /// </summary>
    public static readonly IReadOnlyList<string> SqliteFold =
    [
        $"""
        UPDATE "Opportunities" AS o SET "SeatsTaken" = {ShiftsTaken}
        WHERE o."Id" IN (SELECT "OpportunityId" FROM {Queue}) AND o."SeatsTaken" <> {ShiftsTaken};
        """,
        $"DELETE FROM {Queue};",
    ];
}
