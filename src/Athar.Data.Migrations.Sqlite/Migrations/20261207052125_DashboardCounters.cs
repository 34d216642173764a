using System;
using Athar.Data.Infrastructure;
using Athar.Data.Statistics;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Athar.Data.Migrations.Sqlite.Migrations
{
    /// <summary>
    /// Per-day counters for the dashboard figures that still read raw tables: registrations (registered volunteers),
    /// seats offered and filled, opportunities published and beneficiaries. Their triggers (StatsCounterSql, group
    /// Dashboard) are installed and the counters computed from the rows already there. Two covering indexes for the
    /// organisation dashboard.
    /// </summary>
    public partial class DashboardCounters : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "StatsPublishedCounts",
                columns: table => new
                {
                    Day = table.Column<int>(type: "INTEGER", nullable: false),
                    Dim = table.Column<int>(type: "INTEGER", nullable: false),
                    DimValue = table.Column<long>(type: "INTEGER", nullable: false),
                    ScopeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Published = table.Column<long>(type: "INTEGER", nullable: false),
                    Beneficiaries = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StatsPublishedCounts", x => new { x.Dim, x.DimValue, x.ScopeId, x.Day });
                });

            migrationBuilder.CreateTable(
                name: "StatsRegistrationCounts",
                columns: table => new
                {
                    Day = table.Column<int>(type: "INTEGER", nullable: false),
                    Dim = table.Column<int>(type: "INTEGER", nullable: false),
                    DimValue = table.Column<long>(type: "INTEGER", nullable: false),
                    ScopeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Count = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StatsRegistrationCounts", x => new { x.Dim, x.DimValue, x.ScopeId, x.Day });
                });

            migrationBuilder.CreateTable(
                name: "StatsSeatCounts",
                columns: table => new
                {
                    Day = table.Column<int>(type: "INTEGER", nullable: false),
                    Dim = table.Column<int>(type: "INTEGER", nullable: false),
                    DimValue = table.Column<long>(type: "INTEGER", nullable: false),
                    ScopeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Offered = table.Column<long>(type: "INTEGER", nullable: false),
                    Filled = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StatsSeatCounts", x => new { x.Dim, x.DimValue, x.ScopeId, x.Day });
                });

            migrationBuilder.CreateIndex(
                name: "IX_VolunteerHours_OrganizationId_Status_VolunteerId",
                table: "VolunteerHours",
                columns: new[] { "OrganizationId", "Status", "VolunteerId" });

            foreach (var statement in StatsCounterSql.Install(DatabaseProvider.Sqlite, CounterGroup.Dashboard))
                migrationBuilder.Sql(statement);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var statement in StatsCounterSql.Uninstall(DatabaseProvider.Sqlite, CounterGroup.Dashboard))
                migrationBuilder.Sql(statement);

            migrationBuilder.DropTable(
                name: "StatsPublishedCounts");

            migrationBuilder.DropTable(
                name: "StatsRegistrationCounts");

            migrationBuilder.DropTable(
                name: "StatsSeatCounts");

            migrationBuilder.DropIndex(
                name: "IX_VolunteerHours_OrganizationId_Status_VolunteerId",
                table: "VolunteerHours");
        }
    }
}
