using System;
using Athar.Data.Infrastructure;
using Athar.Data.Opportunities;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Athar.Data.Migrations.Postgres.Migrations
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OpportunityId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SeatCountChanges", x => x.Id);
                });
            foreach (var statement in SeatCountSql.InstallTriggers(DatabaseProvider.Postgres))
                migrationBuilder.Sql(statement);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var statement in SeatCountSql.DropTriggers(DatabaseProvider.Postgres))
                migrationBuilder.Sql(statement);
            migrationBuilder.DropTable(
                name: "SeatCountChanges");
        }
    }
}
