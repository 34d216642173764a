using Athar.Data.Infrastructure;
using Athar.Data.Statistics;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Athar.Data.Migrations.Postgres.Migrations
{
    /// <summary>
    /// The statement rollup triggers count a newcomer's reach from the statement itself
    /// (FactTriggers.PerStatementRollupsNewcomers): a volunteer whose only active facts in the changed years are the
    /// statement's after images, as in a first import of her hours, no longer has her facts read back and grouped per
    /// reach cell (issue #7). The rows computed do not change, so nothing is rebuilt; the hours triggers are the same for
    /// both versions. SQLite has row triggers only: no SQLite migration.
    /// </summary>
    public partial class RollupNewcomers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var statement in StatsRollupSql.Reinstall(DatabaseProvider.Postgres, FactTriggers.PerStatementRollupsNewcomers))
                migrationBuilder.Sql(statement);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var statement in StatsRollupSql.Reinstall(DatabaseProvider.Postgres, FactTriggers.PerStatementRollupsYearSets))
                migrationBuilder.Sql(statement);
        }
    }
}
