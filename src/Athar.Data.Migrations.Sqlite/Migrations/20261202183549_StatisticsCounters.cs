using System;
using Athar.Data.Infrastructure;
using Athar.Data.Statistics;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Athar.Data.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class StatisticsCounters : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "StatsApplicationCounts",
                columns: table => new
                {
                    Day = table.Column<int>(type: "INTEGER", nullable: false),
                    Dim = table.Column<int>(type: "INTEGER", nullable: false),
                    DimValue = table.Column<long>(type: "INTEGER", nullable: false),
                    ScopeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Count = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StatsApplicationCounts", x => new { x.Dim, x.DimValue, x.ScopeId, x.Day, x.Status });
                });

            migrationBuilder.CreateTable(
                name: "StatsAttendanceCounts",
                columns: table => new
                {
                    Day = table.Column<int>(type: "INTEGER", nullable: false),
                    Dim = table.Column<int>(type: "INTEGER", nullable: false),
                    DimValue = table.Column<long>(type: "INTEGER", nullable: false),
                    ScopeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Due = table.Column<long>(type: "INTEGER", nullable: false),
                    Present = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StatsAttendanceCounts", x => new { x.Dim, x.DimValue, x.ScopeId, x.Day });
                });

            migrationBuilder.CreateTable(
                name: "StatsHoursCounts",
                columns: table => new
                {
                    Day = table.Column<int>(type: "INTEGER", nullable: false),
                    Dim = table.Column<int>(type: "INTEGER", nullable: false),
                    DimValue = table.Column<long>(type: "INTEGER", nullable: false),
                    ScopeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Records = table.Column<long>(type: "INTEGER", nullable: false),
                    Flagged = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StatsHoursCounts", x => new { x.Dim, x.DimValue, x.ScopeId, x.Day });
                });

            // Raw SQL kept in Athar.Data.Statistics.StatsCounterSql (re-apply after regenerating this migration):
            // the counter triggers, then the counters computed from the rows already there.
            foreach (var statement in StatsCounterSql.Install(DatabaseProvider.Sqlite))
                migrationBuilder.Sql(statement);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var statement in StatsCounterSql.Uninstall(DatabaseProvider.Sqlite))
                migrationBuilder.Sql(statement);

            migrationBuilder.DropTable(
                name: "StatsApplicationCounts");

            migrationBuilder.DropTable(
                name: "StatsAttendanceCounts");

            migrationBuilder.DropTable(
                name: "StatsHoursCounts");
        }
    }
}
