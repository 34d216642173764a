using System.Globalization;
using Athar.Core.Opportunities;
using Athar.Data.Infrastructure;
using Athar.Data.Organizations;

namespace Athar.Data.Opportunities;

/// <summary>
/// What the set's rows hold, so each migration installs the triggers its own table has. Migration
/// SearchableOpportunities installs <see cref="Initial"/>; the rebuild, the seeder and later migrations use
/// <see cref="SearchableOpportunitySql.Latest"/>.
/// </summary>
public enum SearchableSchema
{
    /// <summary>What matching, filtering and ordering read; the search joins Opportunities and Organizations for the rest.</summary>
    Initial,

    /// <summary>Also what a result shows (title, organisation and its names, dates, seats, status, type): no joins (migration SearchCost).</summary>
    DisplayColumns,

    /// <summary>
    /// The columns of <see cref="DisplayColumns"/>; a change of an opportunity's seats updates its row in place instead of
    /// the delete-and-insert refresh (migration SearchableSeatsInPlace). Every acceptance changes seats, inside the
    /// lock of the opportunity's row (issue #7).
    /// </summary>
    SeatsInPlace,
}

/// <summary>
/// RAW SQL, per provider, that keeps <see cref="SearchableOpportunity"/> rows equal to their definition: an opportunity
/// is in the set while it is published or closed, its organisation is verified and it has a next shift. Every trigger
/// refreshes the opportunities a change touches the same way, "delete the row, insert it again if the opportunity
/// qualifies", from the one <see cref="Source"/> query the rebuild also uses, so no event-by-event logic can drift from
/// the definition. Triggers, rather than the application, because many writers change these columns: the opportunity
/// pages and API, the next-shift job, seats on every acceptance, organisation verification, imports and seeders.
/// The one exception, from <see cref="SearchableSchema.SeatsInPlace"/> on: a change of seats alone updates the row's two
/// seat columns in place, since seats never decide membership and every acceptance makes one inside the lock of the
/// opportunity's row, where a refresh's query, heap delete and index inserts kept the next acceptance waiting.
/// <para>
/// What fires a refresh: an opportunity inserted, deleted, or updated in a column the set copies or its membership
/// reads; a shift inserted, deleted, or moved (its latest start); an organisation's status or name (the set copies the
/// name for display). Updates of other columns (a shift's accepted count) do not fire: those are not copied. SQLite
/// drops a table's triggers when a later migration rebuilds that table: such a migration must run <see cref="Install"/> again.
/// </para>
/// </summary>
public static class SearchableOpportunitySql
{
    private const string Table = "\"SearchableOpportunities\"";

    /// <summary>The schema the rebuild, the seeder and new migrations write.</summary>
    public const SearchableSchema Latest = SearchableSchema.SeatsInPlace;

    private static readonly string Visible =
        $"o.\"Status\" IN ({Int((int)OpportunityStatus.Published)}, {Int((int)OpportunityStatus.Closed)}) " +
        $"AND g.\"Status\" = {Int((int)OrganizationStatus.Verified)} AND o.\"NextShiftStartsAt\" IS NOT NULL";

    /// <summary>Opportunity columns an update of which moves a row in or out of the set or changes what it holds.</summary>
    private static readonly string[] OpportunityMembershipColumns =
    [
        "Status", "OrganizationId", "NextShiftStartsAt", "SearchText", "RegionId", "CityId", "FieldId", "IsRemote", "Gender",
        "RequiredLicense", "EndDate", "PublishedAt", "SeatsTotal", "SeatsTaken",
    ];

    /// <summary>Opportunity columns only <see cref="SearchableSchema.DisplayColumns"/> copies.</summary>
    private static readonly string[] OpportunityDisplayColumns = ["TitleAr", "TitleEn", "StartDate", "Type"];

    /// <summary>The seat columns: from <see cref="SearchableSchema.SeatsInPlace"/> on they have a trigger of their own.</summary>
    private static readonly string[] OpportunitySeatColumns = ["SeatsTotal", "SeatsTaken"];

    /// <summary>Opportunity columns an update of which refreshes the opportunity's row (delete, insert again if it qualifies).</summary>
    private static string[] OpportunityColumns(SearchableSchema schema) => schema switch
    {
        SearchableSchema.Initial => OpportunityMembershipColumns,
        SearchableSchema.DisplayColumns => [.. OpportunityMembershipColumns, .. OpportunityDisplayColumns],
        // Seats neither move a row in or out of the set nor change anything but the two seat columns it copies.
        _ => [.. OpportunityMembershipColumns.Except(OpportunitySeatColumns), .. OpportunityDisplayColumns],
    };

    private static bool SeatsUpdateInPlace(SearchableSchema schema) => schema >= SearchableSchema.SeatsInPlace;

    /// <summary>The in-place update of the row of opportunity <paramref name="row"/> (NEW/new) when only its seats changed.</summary>
    private static string SeatsUpdate(string row) =>
        $"UPDATE {Table} SET \"SeatsTotal\" = {row}.\"SeatsTotal\", \"SeatsLeft\" = {row}.\"SeatsTotal\" - {row}.\"SeatsTaken\" " +
        $"WHERE \"OpportunityId\" = {row}.\"Id\"";

    /// <summary>Organisation columns the set reads: its status (membership), and from DisplayColumns on its names.</summary>
    private static string[] OrganizationColumns(SearchableSchema schema) =>
        schema == SearchableSchema.Initial ? ["Status"] : ["Status", "NameAr", "NameEn"];

    /// <summary>A trigger's WHEN: one of <paramref name="columns"/> really changed (<paramref name="distinct"/> per provider).</summary>
    private static string AnyChanged(IEnumerable<string> columns, string distinct, string oldRow, string newRow) =>
        string.Join(" OR ", columns.Select(c => $"{oldRow}.\"{c}\" {distinct} {newRow}.\"{c}\""));

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Quoted(IEnumerable<string> columns) => string.Join(", ", columns.Select(c => $"\"{c}\""));

    /// <summary>The set's rows for the opportunities <paramref name="scope"/> (a condition on <c>o</c>) selects.</summary>
    private static string Source(SearchableSchema schema, string scope)
    {
        // Initial has only the columns matching, filtering and ordering read; DisplayColumns adds what a result shows.
        var initial = schema == SearchableSchema.Initial;
        var columns = initial ? "" : """
            ,
                "TitleAr", "TitleEn", "OrganizationId", "OrganizationNameAr", "OrganizationNameEn", "StartDate", "SeatsTotal", "Status", "Type"
            """;
        var values = initial ? "" : """
            ,
                o."TitleAr", o."TitleEn", o."OrganizationId", g."NameAr", g."NameEn", o."StartDate", o."SeatsTotal", o."Status", o."Type"
            """;
        return $"""
            INSERT INTO {Table} ("OpportunityId", "SearchText", "RegionId", "CityId", "FieldId", "IsRemote", "Gender", "RequiredLicense",
                "EndDate", "NextShiftStartsAt", "LastShiftStartsAt", "PublishedAt", "SeatsLeft"{columns})
            SELECT o."Id", o."SearchText", o."RegionId", o."CityId", o."FieldId", o."IsRemote", o."Gender", o."RequiredLicense",
                o."EndDate", o."NextShiftStartsAt", (SELECT MAX(x."StartsAt") FROM "Shifts" x WHERE x."OpportunityId" = o."Id"), o."PublishedAt",
                o."SeatsTotal" - o."SeatsTaken"{values}
            FROM "Opportunities" o JOIN "Organizations" g ON g."Id" = o."OrganizationId"
            WHERE {Visible} AND ({scope})
            """;
    }

    /// <summary>The statements that create the triggers (and on PostgreSQL their functions), then fill the set from the rows already there.</summary>
    public static IReadOnlyList<string> Install(DatabaseProvider provider, SearchableSchema schema = Latest) =>
        [.. InstallTriggers(provider, schema), .. Rebuild(schema)];

    /// <summary>The triggers (and functions) alone, for a migration that changes how the set is kept but not what it holds.</summary>
    public static IReadOnlyList<string> InstallTriggers(DatabaseProvider provider, SearchableSchema schema = Latest) =>
        [.. provider == DatabaseProvider.Postgres ? PostgresTriggers(schema) : SqliteTriggers(schema)];

    public static IReadOnlyList<string> Uninstall(DatabaseProvider provider) => provider == DatabaseProvider.Postgres
        ?
        [
            "DROP TRIGGER IF EXISTS \"Searchable_Opportunities\" ON \"Opportunities\";",
            "DROP TRIGGER IF EXISTS \"Searchable_Shifts\" ON \"Shifts\";",
            "DROP TRIGGER IF EXISTS \"Searchable_Organizations\" ON \"Organizations\";",
            "DROP TRIGGER IF EXISTS \"Searchable_Opportunity_Seats\" ON \"Opportunities\";",
            "DROP FUNCTION IF EXISTS \"SearchableOpportunities_Trigger\"();",
            "DROP FUNCTION IF EXISTS \"SearchableOpportunities_Seats\"();",
            "DROP FUNCTION IF EXISTS \"SearchableOpportunities_Refresh\"(uuid[]);",
        ]
        : [.. SqliteTriggerNames.Select(name => $"DROP TRIGGER IF EXISTS \"{name}\";")];

    /// <summary>Recomputes the whole set from Opportunities, Shifts and Organizations (after a bulk load that set triggers aside).</summary>
    public static IReadOnlyList<string> Rebuild(SearchableSchema schema = Latest) => [$"DELETE FROM {Table};", Source(schema, "1 = 1") + ";"];

    private static IEnumerable<string> PostgresTriggers(SearchableSchema schema)
    {
        yield return $"""
            CREATE FUNCTION "SearchableOpportunities_Refresh"(ids uuid[]) RETURNS void LANGUAGE sql AS $$
            DELETE FROM {Table} WHERE "OpportunityId" = ANY(ids);
            {Source(schema, "o.\"Id\" = ANY(ids)")};
            $$;
            """;
        // One function for the three tables: which opportunities the changed row concerns.
        yield return $"""
            CREATE FUNCTION "SearchableOpportunities_Trigger"() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF TG_TABLE_NAME = 'Organizations' THEN
                    PERFORM "SearchableOpportunities_Refresh"(ARRAY(
                        SELECT o."Id" FROM "Opportunities" o
                        WHERE o."OrganizationId" = NEW."Id"
                          AND o."Status" IN ({Int((int)OpportunityStatus.Published)}, {Int((int)OpportunityStatus.Closed)})));
                ELSIF TG_TABLE_NAME = 'Shifts' THEN
                    IF TG_OP = 'INSERT' THEN
                        PERFORM "SearchableOpportunities_Refresh"(ARRAY[NEW."OpportunityId"]);
                    ELSIF TG_OP = 'DELETE' THEN
                        PERFORM "SearchableOpportunities_Refresh"(ARRAY[OLD."OpportunityId"]);
                    ELSE
                        PERFORM "SearchableOpportunities_Refresh"(ARRAY[OLD."OpportunityId", NEW."OpportunityId"]);
                    END IF;
                ELSIF TG_OP = 'DELETE' THEN
                    PERFORM "SearchableOpportunities_Refresh"(ARRAY[OLD."Id"]);
                ELSE
                    PERFORM "SearchableOpportunities_Refresh"(ARRAY[NEW."Id"]);
                END IF;
                RETURN NULL;
            END
            $$;
            """;
        yield return $"""
            CREATE TRIGGER "Searchable_Opportunities" AFTER INSERT OR DELETE OR UPDATE OF {Quoted(OpportunityColumns(schema))} ON "Opportunities"
            FOR EACH ROW EXECUTE FUNCTION "SearchableOpportunities_Trigger"();
            """;
        if (SeatsUpdateInPlace(schema))
        {
            yield return $"""
                CREATE FUNCTION "SearchableOpportunities_Seats"() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    {SeatsUpdate("NEW")};
                    RETURN NULL;
                END
                $$;
                """;
            yield return $"""
                CREATE TRIGGER "Searchable_Opportunity_Seats" AFTER UPDATE OF {Quoted(OpportunitySeatColumns)} ON "Opportunities"
                FOR EACH ROW WHEN ({AnyChanged(OpportunitySeatColumns, "IS DISTINCT FROM", "OLD", "NEW")}) EXECUTE FUNCTION "SearchableOpportunities_Seats"();
                """;
        }
        yield return """
            CREATE TRIGGER "Searchable_Shifts" AFTER INSERT OR DELETE OR UPDATE OF "StartsAt", "OpportunityId" ON "Shifts"
            FOR EACH ROW EXECUTE FUNCTION "SearchableOpportunities_Trigger"();
            """;
        yield return $"""
            CREATE TRIGGER "Searchable_Organizations" AFTER UPDATE OF {Quoted(OrganizationColumns(schema))} ON "Organizations"
            FOR EACH ROW WHEN ({AnyChanged(OrganizationColumns(schema), "IS DISTINCT FROM", "OLD", "NEW")}) EXECUTE FUNCTION "SearchableOpportunities_Trigger"();
            """;
    }

    private static readonly string[] SqliteTriggerNames =
    [
        "Searchable_Opportunities_Insert", "Searchable_Opportunities_Update", "Searchable_Opportunities_Seats", "Searchable_Opportunities_Delete",
        "Searchable_Shifts_Insert", "Searchable_Shifts_Update", "Searchable_Shifts_Delete", "Searchable_Organizations_Update",
    ];

    // SQLite has row triggers only, and no functions: each trigger repeats the refresh for its own rows.
    private static IEnumerable<string> SqliteTriggers(SearchableSchema schema)
    {
        string Refresh(string id) => $"DELETE FROM {Table} WHERE \"OpportunityId\" = {id}; {Source(schema, $"o.\"Id\" = {id}")};";
        var published = $"{Int((int)OpportunityStatus.Published)}, {Int((int)OpportunityStatus.Closed)}";
        string Trigger(string name, string when, string body) => $"CREATE TRIGGER \"{name}\" {when} BEGIN {body} END;";

        yield return Trigger("Searchable_Opportunities_Insert", "AFTER INSERT ON \"Opportunities\"", Refresh("new.\"Id\""));
        yield return Trigger("Searchable_Opportunities_Update", $"AFTER UPDATE OF {Quoted(OpportunityColumns(schema))} ON \"Opportunities\"", Refresh("new.\"Id\""));
        if (SeatsUpdateInPlace(schema))
            yield return Trigger("Searchable_Opportunities_Seats",
                $"AFTER UPDATE OF {Quoted(OpportunitySeatColumns)} ON \"Opportunities\" WHEN {AnyChanged(OpportunitySeatColumns, "IS NOT", "old", "new")}", SeatsUpdate("new") + ";");
        yield return Trigger("Searchable_Opportunities_Delete", "AFTER DELETE ON \"Opportunities\"", $"DELETE FROM {Table} WHERE \"OpportunityId\" = old.\"Id\";");
        yield return Trigger("Searchable_Shifts_Insert", "AFTER INSERT ON \"Shifts\"", Refresh("new.\"OpportunityId\""));
        yield return Trigger("Searchable_Shifts_Update", "AFTER UPDATE OF \"StartsAt\", \"OpportunityId\" ON \"Shifts\"",
            Refresh("old.\"OpportunityId\"") + " " + Refresh("new.\"OpportunityId\""));
        yield return Trigger("Searchable_Shifts_Delete", "AFTER DELETE ON \"Shifts\"", Refresh("old.\"OpportunityId\""));
        yield return Trigger("Searchable_Organizations_Update", $"AFTER UPDATE OF {Quoted(OrganizationColumns(schema))} ON \"Organizations\" WHEN {AnyChanged(OrganizationColumns(schema), "IS NOT", "old", "new")}",
            $"DELETE FROM {Table} WHERE \"OpportunityId\" IN (SELECT \"Id\" FROM \"Opportunities\" WHERE \"OrganizationId\" = new.\"Id\"); " +
            Source(schema, $"o.\"OrganizationId\" = new.\"Id\" AND o.\"Status\" IN ({published})") + ";");
    }
}
