using Athar.Data.Infrastructure;
using Athar.Data.Statistics;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Athar.Data.Migrations.Sqlite.Migrations
{
    /// <summary>
    /// Counter rows get a <c>Slot</c> in their key, and the counter triggers are re-created striped (ADR 0017,
    /// "Concurrent writers"): on PostgreSQL each transaction adds to the slot of its id and locks the entities its
    /// counted facts depend on instead of one global key; SQLite writes slot 0. Existing rows become slot 0, so no
    /// figure changes. On SQLite the counter tables are created anew and rebuilt from the raw rows (an EF table rebuild
    /// would run after the trigger SQL); Down does the same without the slot.
    /// </summary>
    public partial class CounterStripes : Migration
    {
        private static readonly (string Table, string[] Keys, string[] Measures)[] Counters =
        [
            ("StatsApplicationCounts", ["Status"], ["Count"]),
            ("StatsAttendanceCounts", [], ["Due", "Present"]),
            ("StatsHoursCounts", [], ["Records", "Flagged"]),
            ("StatsRegistrationCounts", [], ["Count"]),
            ("StatsSeatCounts", [], ["Offered", "Filled"]),
            ("StatsPublishedCounts", [], ["Published", "Beneficiaries"]),
        ];

        /// <summary>The counter tables as the model declares them, with or without the slot.</summary>
        private static void CreateCounterTables(MigrationBuilder migrationBuilder, bool slotted)
        {
            foreach (var (table, keys, measures) in Counters)
            {
                var slot = slotted ? new[] { "Slot" } : [];
                var key = new[] { "Dim", "DimValue", "ScopeId", "Day" }.Concat(keys).Concat(slot);
                var columns = new[] { "\"Day\" INTEGER NOT NULL", "\"Dim\" INTEGER NOT NULL", "\"DimValue\" INTEGER NOT NULL", "\"ScopeId\" TEXT NOT NULL" }
                    .Concat(keys.Select(k => $"\"{k}\" INTEGER NOT NULL"))
                    .Concat(slot.Select(k => $"\"{k}\" INTEGER NOT NULL DEFAULT 0"))
                    .Concat(measures.Select(m => $"\"{m}\" INTEGER NOT NULL"));
                migrationBuilder.Sql($"DROP TABLE \"{table}\";");
                migrationBuilder.Sql($"CREATE TABLE \"{table}\" ({string.Join(", ", columns)}, " +
                    $"CONSTRAINT \"PK_{table}\" PRIMARY KEY ({string.Join(", ", key.Select(k => $"\"{k}\""))}));");
            }
        }

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var statement in StatsCounterSql.DropTriggers(DatabaseProvider.Sqlite, CounterGroup.All))
                migrationBuilder.Sql(statement);
            CreateCounterTables(migrationBuilder, slotted: true);
            foreach (var statement in StatsCounterSql.Install(DatabaseProvider.Sqlite, CounterGroup.All, CounterSchema.Striped))
                migrationBuilder.Sql(statement);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var statement in StatsCounterSql.DropTriggers(DatabaseProvider.Sqlite, CounterGroup.All))
                migrationBuilder.Sql(statement);
            CreateCounterTables(migrationBuilder, slotted: false);
            foreach (var statement in StatsCounterSql.Install(DatabaseProvider.Sqlite, CounterGroup.Participation))
                migrationBuilder.Sql(statement);
            foreach (var statement in StatsCounterSql.Install(DatabaseProvider.Sqlite, CounterGroup.Dashboard))
                migrationBuilder.Sql(statement);
        }
    }
}
