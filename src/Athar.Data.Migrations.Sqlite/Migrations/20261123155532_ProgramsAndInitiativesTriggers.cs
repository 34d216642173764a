using Athar.Data.Infrastructure;
using Athar.Data.Programs;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Athar.Data.Migrations.Sqlite.Migrations
{
    /// <summary>
    /// Re-creates the statistics triggers after ProgramsAndInitiatives, whose rebuild of the Opportunities table
    /// (adding the ProgramId foreign key) EF runs after every other operation of that migration.
    /// Raw SQL kept in Athar.Data.Programs.ProgramsSql (re-apply after regenerating the migrations).
    /// </summary>
    public partial class ProgramsAndInitiativesTriggers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var statement in ProgramsSql.AfterOpportunitiesRebuild(DatabaseProvider.Sqlite))
                migrationBuilder.Sql(statement);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Going further down rebuilds Opportunities again: the triggers go first (re-create them with StatisticsSql.Triggers after).
            foreach (var statement in ProgramsSql.BeforeOpportunitiesRebuild(DatabaseProvider.Sqlite))
                migrationBuilder.Sql(statement);
        }
    }
}
