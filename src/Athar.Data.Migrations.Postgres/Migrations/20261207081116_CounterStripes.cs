using Athar.Data.Infrastructure;
using Athar.Data.Statistics;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Athar.Data.Migrations.Postgres.Migrations
{
    /// <summary>
    /// Counter rows get a <c>Slot</c> in their key, and the counter triggers are re-created striped (ADR 0017,
    /// "Concurrent writers"): on PostgreSQL each transaction adds to the slot of its id and locks the entities its
    /// counted facts depend on instead of one global key; SQLite writes slot 0. Existing rows become slot 0, so no
    /// figure changes. Down folds nothing back: it empties the counters and rebuilds them unstriped.
    /// </summary>
    public partial class CounterStripes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_StatsSeatCounts",
                table: "StatsSeatCounts");

            migrationBuilder.DropPrimaryKey(
                name: "PK_StatsRegistrationCounts",
                table: "StatsRegistrationCounts");

            migrationBuilder.DropPrimaryKey(
                name: "PK_StatsPublishedCounts",
                table: "StatsPublishedCounts");

            migrationBuilder.DropPrimaryKey(
                name: "PK_StatsHoursCounts",
                table: "StatsHoursCounts");

            migrationBuilder.DropPrimaryKey(
                name: "PK_StatsAttendanceCounts",
                table: "StatsAttendanceCounts");

            migrationBuilder.DropPrimaryKey(
                name: "PK_StatsApplicationCounts",
                table: "StatsApplicationCounts");

            migrationBuilder.AddColumn<short>(
                name: "Slot",
                table: "StatsSeatCounts",
                type: "smallint",
                nullable: false,
                defaultValue: (short)0);

            migrationBuilder.AddColumn<short>(
                name: "Slot",
                table: "StatsRegistrationCounts",
                type: "smallint",
                nullable: false,
                defaultValue: (short)0);

            migrationBuilder.AddColumn<short>(
                name: "Slot",
                table: "StatsPublishedCounts",
                type: "smallint",
                nullable: false,
                defaultValue: (short)0);

            migrationBuilder.AddColumn<short>(
                name: "Slot",
                table: "StatsHoursCounts",
                type: "smallint",
                nullable: false,
                defaultValue: (short)0);

            migrationBuilder.AddColumn<short>(
                name: "Slot",
                table: "StatsAttendanceCounts",
                type: "smallint",
                nullable: false,
                defaultValue: (short)0);

            migrationBuilder.AddColumn<short>(
                name: "Slot",
                table: "StatsApplicationCounts",
                type: "smallint",
                nullable: false,
                defaultValue: (short)0);

            migrationBuilder.AddPrimaryKey(
                name: "PK_StatsSeatCounts",
                table: "StatsSeatCounts",
                columns: new[] { "Dim", "DimValue", "ScopeId", "Day", "Slot" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_StatsRegistrationCounts",
                table: "StatsRegistrationCounts",
                columns: new[] { "Dim", "DimValue", "ScopeId", "Day", "Slot" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_StatsPublishedCounts",
                table: "StatsPublishedCounts",
                columns: new[] { "Dim", "DimValue", "ScopeId", "Day", "Slot" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_StatsHoursCounts",
                table: "StatsHoursCounts",
                columns: new[] { "Dim", "DimValue", "ScopeId", "Day", "Slot" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_StatsAttendanceCounts",
                table: "StatsAttendanceCounts",
                columns: new[] { "Dim", "DimValue", "ScopeId", "Day", "Slot" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_StatsApplicationCounts",
                table: "StatsApplicationCounts",
                columns: new[] { "Dim", "DimValue", "ScopeId", "Day", "Status", "Slot" });

            foreach (var statement in StatsCounterSql.DropTriggers(DatabaseProvider.Postgres, CounterGroup.All))
                migrationBuilder.Sql(statement);
            foreach (var statement in StatsCounterSql.Triggers(DatabaseProvider.Postgres, CounterGroup.All, CounterSchema.Striped))
                migrationBuilder.Sql(statement);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Slots of one key would collide once the key loses its slot: empty the counters, rebuild them at the end.
            foreach (var statement in StatsCounterSql.DropTriggers(DatabaseProvider.Postgres, CounterGroup.All))
                migrationBuilder.Sql(statement);
            foreach (var table in new[] { "StatsApplicationCounts", "StatsAttendanceCounts", "StatsHoursCounts", "StatsRegistrationCounts", "StatsSeatCounts", "StatsPublishedCounts" })
                migrationBuilder.Sql($"DELETE FROM \"{table}\";");

            migrationBuilder.DropPrimaryKey(
                name: "PK_StatsSeatCounts",
                table: "StatsSeatCounts");

            migrationBuilder.DropPrimaryKey(
                name: "PK_StatsRegistrationCounts",
                table: "StatsRegistrationCounts");

            migrationBuilder.DropPrimaryKey(
                name: "PK_StatsPublishedCounts",
                table: "StatsPublishedCounts");

            migrationBuilder.DropPrimaryKey(
                name: "PK_StatsHoursCounts",
                table: "StatsHoursCounts");

            migrationBuilder.DropPrimaryKey(
                name: "PK_StatsAttendanceCounts",
                table: "StatsAttendanceCounts");

            migrationBuilder.DropPrimaryKey(
                name: "PK_StatsApplicationCounts",
                table: "StatsApplicationCounts");

            migrationBuilder.DropColumn(
                name: "Slot",
                table: "StatsSeatCounts");

            migrationBuilder.DropColumn(
                name: "Slot",
                table: "StatsRegistrationCounts");

            migrationBuilder.DropColumn(
                name: "Slot",
                table: "StatsPublishedCounts");

            migrationBuilder.DropColumn(
                name: "Slot",
                table: "StatsHoursCounts");

            migrationBuilder.DropColumn(
                name: "Slot",
                table: "StatsAttendanceCounts");

            migrationBuilder.DropColumn(
                name: "Slot",
                table: "StatsApplicationCounts");

            migrationBuilder.AddPrimaryKey(
                name: "PK_StatsSeatCounts",
                table: "StatsSeatCounts",
                columns: new[] { "Dim", "DimValue", "ScopeId", "Day" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_StatsRegistrationCounts",
                table: "StatsRegistrationCounts",
                columns: new[] { "Dim", "DimValue", "ScopeId", "Day" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_StatsPublishedCounts",
                table: "StatsPublishedCounts",
                columns: new[] { "Dim", "DimValue", "ScopeId", "Day" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_StatsHoursCounts",
                table: "StatsHoursCounts",
                columns: new[] { "Dim", "DimValue", "ScopeId", "Day" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_StatsAttendanceCounts",
                table: "StatsAttendanceCounts",
                columns: new[] { "Dim", "DimValue", "ScopeId", "Day" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_StatsApplicationCounts",
                table: "StatsApplicationCounts",
                columns: new[] { "Dim", "DimValue", "ScopeId", "Day", "Status" });

            foreach (var statement in StatsCounterSql.Install(DatabaseProvider.Postgres, CounterGroup.Participation))
                migrationBuilder.Sql(statement);
            foreach (var statement in StatsCounterSql.Install(DatabaseProvider.Postgres, CounterGroup.Dashboard))
                migrationBuilder.Sql(statement);
        }
    }
}
