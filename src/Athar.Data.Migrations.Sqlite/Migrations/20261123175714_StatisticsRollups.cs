using Athar.Data.Infrastructure;
using Athar.Data.Statistics;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Athar.Data.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class StatisticsRollups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "StatsReach",
                columns: table => new
                {
                    PeriodKind = table.Column<int>(type: "INTEGER", nullable: false),
                    PeriodKey = table.Column<int>(type: "INTEGER", nullable: false),
                    Dim = table.Column<int>(type: "INTEGER", nullable: false),
                    DimValue = table.Column<long>(type: "INTEGER", nullable: false),
                    Volunteers = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StatsReach", x => new { x.PeriodKind, x.PeriodKey, x.Dim, x.DimValue });
                });

            migrationBuilder.CreateTable(
                name: "StatsTotals",
                columns: table => new
                {
                    Dim = table.Column<int>(type: "INTEGER", nullable: false),
                    DimValue = table.Column<long>(type: "INTEGER", nullable: false),
                    Month = table.Column<int>(type: "INTEGER", nullable: false),
                    HijriMonth = table.Column<int>(type: "INTEGER", nullable: false),
                    FieldId = table.Column<int>(type: "INTEGER", nullable: false),
                    Minutes = table.Column<long>(type: "INTEGER", nullable: false),
                    ProfessionalMinutes = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StatsTotals", x => new { x.Dim, x.DimValue, x.Month, x.HijriMonth, x.FieldId });
                });

            migrationBuilder.CreateIndex(
                name: "IX_Shifts_Date",
                table: "Shifts",
                column: "Date");

            migrationBuilder.CreateIndex(
                name: "IX_Shifts_EndsAt",
                table: "Shifts",
                column: "EndsAt");

            migrationBuilder.CreateIndex(
                name: "IX_Opportunities_PublishedAt",
                table: "Opportunities",
                column: "PublishedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Applications_CreatedAt_Status",
                table: "Applications",
                columns: new[] { "CreatedAt", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_StatsTotals_Dim_HijriMonth",
                table: "StatsTotals",
                columns: new[] { "Dim", "HijriMonth" });

            // Raw SQL kept in Athar.Data.Statistics.StatsRollupSql (re-apply after regenerating this migration):
            // the rollup trigger on StatsActivity, then the rollups computed from the facts already there.
            foreach (var statement in StatsRollupSql.Install(DatabaseProvider.Sqlite))
                migrationBuilder.Sql(statement);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var statement in StatsRollupSql.Uninstall(DatabaseProvider.Sqlite))
                migrationBuilder.Sql(statement);

            migrationBuilder.DropTable(
                name: "StatsReach");

            migrationBuilder.DropTable(
                name: "StatsTotals");

            migrationBuilder.DropIndex(
                name: "IX_Shifts_Date",
                table: "Shifts");

            migrationBuilder.DropIndex(
                name: "IX_Shifts_EndsAt",
                table: "Shifts");

            migrationBuilder.DropIndex(
                name: "IX_Opportunities_PublishedAt",
                table: "Opportunities");

            migrationBuilder.DropIndex(
                name: "IX_Applications_CreatedAt_Status",
                table: "Applications");
        }
    }
}
