using System;
using Athar.Data.Infrastructure;
using Athar.Data.Statistics;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Athar.Data.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Statistics : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "StatsActivity",
                columns: table => new
                {
                    VolunteerId = table.Column<Guid>(type: "uuid", nullable: false),
                    OpportunityId = table.Column<Guid>(type: "uuid", nullable: false),
                    Month = table.Column<int>(type: "integer", nullable: false),
                    HijriMonth = table.Column<int>(type: "integer", nullable: false),
                    RegionId = table.Column<int>(type: "integer", nullable: false),
                    FieldId = table.Column<int>(type: "integer", nullable: false),
                    CityId = table.Column<int>(type: "integer", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationType = table.Column<int>(type: "integer", nullable: false),
                    ProgramId = table.Column<Guid>(type: "uuid", nullable: true),
                    VolunteeringType = table.Column<int>(type: "integer", nullable: false),
                    Gender = table.Column<int>(type: "integer", nullable: false),
                    AgeBand = table.Column<int>(type: "integer", nullable: false),
                    Minutes = table.Column<long>(type: "bigint", nullable: false),
                    Records = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StatsActivity", x => new { x.VolunteerId, x.OpportunityId, x.Month, x.HijriMonth, x.RegionId, x.FieldId });
                });

            migrationBuilder.CreateTable(
                name: "StatsHijriMonths",
                columns: table => new
                {
                    HijriMonth = table.Column<int>(type: "integer", nullable: false),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StatsHijriMonths", x => x.HijriMonth);
                });

            migrationBuilder.CreateIndex(
                name: "IX_StatsActivity_HijriMonth_RegionId",
                table: "StatsActivity",
                columns: new[] { "HijriMonth", "RegionId" });

            migrationBuilder.CreateIndex(
                name: "IX_StatsActivity_Month_RegionId",
                table: "StatsActivity",
                columns: new[] { "Month", "RegionId" });

            migrationBuilder.CreateIndex(
                name: "IX_StatsActivity_OrganizationId_Month",
                table: "StatsActivity",
                columns: new[] { "OrganizationId", "Month" });

            migrationBuilder.CreateIndex(
                name: "IX_StatsHijriMonths_StartDate",
                table: "StatsHijriMonths",
                column: "StartDate",
                unique: true);

            // Raw SQL kept in Athar.Data.Statistics.StatisticsSql (re-apply after regenerating this migration).
            foreach (var statement in StatisticsSql.Install(DatabaseProvider.Postgres))
                migrationBuilder.Sql(statement);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var statement in StatisticsSql.Uninstall(DatabaseProvider.Postgres))
                migrationBuilder.Sql(statement);

            migrationBuilder.DropTable(
                name: "StatsActivity");

            migrationBuilder.DropTable(
                name: "StatsHijriMonths");
        }
    }
}
