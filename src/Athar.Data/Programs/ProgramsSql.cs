using Athar.Data.Infrastructure;
using Athar.Data.Statistics;

namespace Athar.Data.Programs;

/// <summary>
/// RAW SQL around the ProgramsAndInitiatives migration; re-apply after regenerating it. Adding the foreign key
/// Opportunities.ProgramId → Programs makes SQLite rebuild the Opportunities table (create, copy, drop, rename),
/// and SQLite refuses the rename while the statistics triggers on VolunteerHours name the dropped table. So the
/// SQLite migration drops those triggers first (<see cref="BeforeOpportunitiesRebuild"/>) and re-creates them
/// after (<see cref="AfterOpportunitiesRebuild"/>) in a second migration, because EF runs table rebuilds after every
/// other operation of a migration. Dropping the old table also drops its own triggers (the full-text search's, from
/// the VolunteeringLoop migration) and the copy renumbers rowids, so those triggers are re-created as they were and
/// the external-content index is rebuilt. PostgreSQL alters in place: nothing to do.
/// </summary>
public static class ProgramsSql
{
    public static IReadOnlyList<string> BeforeOpportunitiesRebuild(DatabaseProvider provider) =>
        provider == DatabaseProvider.Sqlite ? StatisticsSql.DropTriggers(provider) : [];

    public static IReadOnlyList<string> AfterOpportunitiesRebuild(DatabaseProvider provider) =>
        provider == DatabaseProvider.Sqlite ? [.. StatisticsSql.Triggers(provider), .. SqliteSearchTriggers, RebuildSqliteSearch] : [];

    /// <summary>The search index's triggers on Opportunities, exactly as the VolunteeringLoop migration creates them.</summary>
    private static readonly string[] SqliteSearchTriggers =
    [
        """
        CREATE TRIGGER IF NOT EXISTS "Opportunities_Search_Insert" AFTER INSERT ON "Opportunities" BEGIN
            INSERT INTO "OpportunitySearch"(rowid, "SearchText") VALUES (new.rowid, new."SearchText");
        END;
        """,
        """
        CREATE TRIGGER IF NOT EXISTS "Opportunities_Search_Delete" AFTER DELETE ON "Opportunities" BEGIN
            INSERT INTO "OpportunitySearch"("OpportunitySearch", rowid, "SearchText") VALUES ('delete', old.rowid, old."SearchText");
        END;
        """,
        """
        CREATE TRIGGER IF NOT EXISTS "Opportunities_Search_Update" AFTER UPDATE OF "SearchText" ON "Opportunities" BEGIN
            INSERT INTO "OpportunitySearch"("OpportunitySearch", rowid, "SearchText") VALUES ('delete', old.rowid, old."SearchText");
            INSERT INTO "OpportunitySearch"(rowid, "SearchText") VALUES (new.rowid, new."SearchText");
        END;
        """,
    ];

    /// <summary>Re-reads every opportunity's search text by its new rowid (FTS5 external content).</summary>
    private const string RebuildSqliteSearch = "INSERT INTO \"OpportunitySearch\"(\"OpportunitySearch\") VALUES ('rebuild');";
}
