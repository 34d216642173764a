using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Athar.Data.Migrations.Sqlite.Migrations
{
    /// <summary>
    /// Nothing on SQLite: it has no transition tables, so its rollup and hours triggers stay row triggers (its hours
    /// import is measured fine). The PostgreSQL migration of the same name makes them statement triggers (issue #7).
    /// </summary>
    public partial class RollupPerStatement : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
        }
    }
}
