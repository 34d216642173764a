using Athar.Data.Infrastructure;
using Athar.Data.Statistics;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Athar.Data.Migrations.Postgres.Migrations
{
    /// <summary>
    /// The statement rollup triggers read each volunteer's changed years from her own row instead of scanning every
    /// volunteer's years for each volunteer (FactTriggers.PerStatementRollupsYearSets): that scan was quadratic in the
    /// statement's volunteers, 8 of the 13 s a 20,000-row hours COPY spent in the trigger (issue #7). The rows computed
    /// do not change, so nothing is rebuilt; the hours triggers are the same for both versions. SQLite has row triggers
    /// only: no SQLite migration.
    /// </summary>
    public partial class RollupYearSets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var statement in StatsRollupSql.Reinstall(DatabaseProvider.Postgres, FactTriggers.PerStatementRollupsYearSets))
                migrationBuilder.Sql(statement);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var statement in StatsRollupSql.Reinstall(DatabaseProvider.Postgres, FactTriggers.PerStatementRollups))
                migrationBuilder.Sql(statement);
        }
    }
}
