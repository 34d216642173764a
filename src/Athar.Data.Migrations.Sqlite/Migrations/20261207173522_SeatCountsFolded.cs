using System;
using Athar.Data.Infrastructure;
using Athar.Data.Opportunities;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Athar.Data.Migrations.Sqlite.Migrations
{
    /// <summary>
    /// A claim writes its shift's row only: the opportunity's seats taken is folded from a queue a trigger on Shifts
    /// appends to (SeatCountSql, SeatCountFold; issue #7, apply). Seats taken are right when this runs (they were
    /// kept in each claim's transaction until now), so nothing is queued.
    /// </summary>
    public partial class SeatCountsFolded : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SeatCountChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OpportunityId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SeatCountChanges", x => x.Id);
                });
            foreach (var statement in SeatCountSql.InstallTriggers(DatabaseProvider.Sqlite))
                migrationBuilder.Sql(statement);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var statement in SeatCountSql.DropTriggers(DatabaseProvider.Sqlite))
                migrationBuilder.Sql(statement);
            migrationBuilder.DropTable(
                name: "SeatCountChanges");
        }
    }
}
