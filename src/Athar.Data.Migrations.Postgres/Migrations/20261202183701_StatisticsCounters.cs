using System;
using Athar.Data.Infrastructure;
using Athar.Data.Statistics;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Athar.Data.Migrations.Postgres.Migrations
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
                    Day = table.Column<int>(type: "integer", nullable: false),
                    Dim = table.Column<int>(type: "integer", nullable: false),
                    DimValue = table.Column<long>(type: "bigint", nullable: false),
                    ScopeId = table.Column<Guid>(type: "uuid", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Count = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StatsApplicationCounts", x => new { x.Dim, x.DimValue, x.ScopeId, x.Day, x.Status });
                });

            migrationBuilder.CreateTable(
                name: "StatsAttendanceCounts",
                columns: table => new
                {
                    Day = table.Column<int>(type: "integer", nullable: false),
                    Dim = table.Column<int>(type: "integer", nullable: false),
                    DimValue = table.Column<long>(type: "bigint", nullable: false),
                    ScopeId = table.Column<Guid>(type: "uuid", nullable: false),
                    Due = table.Column<long>(type: "bigint", nullable: false),
                    Present = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StatsAttendanceCounts", x => new { x.Dim, x.DimValue, x.ScopeId, x.Day });
                });

            migrationBuilder.CreateTable(
                name: "StatsHoursCounts",
                columns: table => new
                {
                    Day = table.Column<int>(type: "integer", nullable: false),
                    Dim = table.Column<int>(type: "integer", nullable: false),
                    DimValue = table.Column<long>(type: "bigint", nullable: false),
                    ScopeId = table.Column<Guid>(type: "uuid", nullable: false),
                    Records = table.Column<long>(type: "bigint", nullable: false),
                    Flagged = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StatsHoursCounts", x => new { x.Dim, x.DimValue, x.ScopeId, x.Day });
                });

            // Raw SQL kept in Athar.Data.Statistics.StatsCounterSql (re-apply after regenerating this migration):
            // the counter triggers, then the counters computed from the rows already there.
            foreach (var statement in StatsCounterSql.Install(DatabaseProvider.Postgres))
                migrationBuilder.Sql(statement);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var statement in StatsCounterSql.Uninstall(DatabaseProvider.Postgres))
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
