using System;
using Athar.Data.Infrastructure;
using Athar.Data.Statistics;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Athar.Data.Migrations.Postgres.Migrations
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
            migrationBuilder.DropIndex(
                name: "IX_Opportunities_OrganizationId_Status",
                table: "Opportunities");

            migrationBuilder.CreateTable(
                name: "StatsPublishedCounts",
                columns: table => new
                {
                    Day = table.Column<int>(type: "integer", nullable: false),
                    Dim = table.Column<int>(type: "integer", nullable: false),
                    DimValue = table.Column<long>(type: "bigint", nullable: false),
                    ScopeId = table.Column<Guid>(type: "uuid", nullable: false),
                    Published = table.Column<long>(type: "bigint", nullable: false),
                    Beneficiaries = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StatsPublishedCounts", x => new { x.Dim, x.DimValue, x.ScopeId, x.Day });
                });

            migrationBuilder.CreateTable(
                name: "StatsRegistrationCounts",
                columns: table => new
                {
                    Day = table.Column<int>(type: "integer", nullable: false),
                    Dim = table.Column<int>(type: "integer", nullable: false),
                    DimValue = table.Column<long>(type: "bigint", nullable: false),
                    ScopeId = table.Column<Guid>(type: "uuid", nullable: false),
                    Count = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StatsRegistrationCounts", x => new { x.Dim, x.DimValue, x.ScopeId, x.Day });
                });

            migrationBuilder.CreateTable(
                name: "StatsSeatCounts",
                columns: table => new
                {
                    Day = table.Column<int>(type: "integer", nullable: false),
                    Dim = table.Column<int>(type: "integer", nullable: false),
                    DimValue = table.Column<long>(type: "bigint", nullable: false),
                    ScopeId = table.Column<Guid>(type: "uuid", nullable: false),
                    Offered = table.Column<long>(type: "bigint", nullable: false),
                    Filled = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StatsSeatCounts", x => new { x.Dim, x.DimValue, x.ScopeId, x.Day });
                });

            migrationBuilder.CreateIndex(
                name: "IX_VolunteerHours_OrganizationId_Status_VolunteerId",
                table: "VolunteerHours",
                columns: new[] { "OrganizationId", "Status", "VolunteerId" })
                .Annotation("Npgsql:IndexInclude", new[] { "CreditedMinutes" });

            migrationBuilder.CreateIndex(
                name: "IX_Opportunities_OrganizationId_Status",
                table: "Opportunities",
                columns: new[] { "OrganizationId", "Status" })
                .Annotation("Npgsql:IndexInclude", new[] { "Id" });

            foreach (var statement in StatsCounterSql.Install(DatabaseProvider.Postgres, CounterGroup.Dashboard))
                migrationBuilder.Sql(statement);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var statement in StatsCounterSql.Uninstall(DatabaseProvider.Postgres, CounterGroup.Dashboard))
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

            migrationBuilder.DropIndex(
                name: "IX_Opportunities_OrganizationId_Status",
                table: "Opportunities");

            migrationBuilder.CreateIndex(
                name: "IX_Opportunities_OrganizationId_Status",
                table: "Opportunities",
                columns: new[] { "OrganizationId", "Status" });
        }
    }
}
