using Athar.Data.Infrastructure;
using Athar.Data.Statistics;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Athar.Data.Migrations.Postgres.Migrations
{
    /// <summary>
    /// The rollup trigger on StatsActivity becomes one AFTER … FOR EACH STATEMENT trigger per event over the statement's
    /// transition tables (RollupStatementSql), and the hours triggers write all of a statement's facts in one UPDATE and
    /// one INSERT instead of one upsert per fact row (FactTriggers.PerStatementRollups): a bulk hours import wrote the same
    /// national and regional rollup rows once per fact row and did not finish (issue #7). The rows computed do not change,
    /// so nothing is rebuilt. Down puts back the row trigger and the one-row-per-INSERT hours triggers.
    /// </summary>
    public partial class RollupPerStatement : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) => Install(migrationBuilder, FactTriggers.PerStatementRollups);

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) => Install(migrationBuilder, FactTriggers.PerRowRollups);

        /// <summary>Both trigger sets change together: each version of the hours triggers is exact only with its own rollup triggers.</summary>
        private static void Install(MigrationBuilder migrationBuilder, FactTriggers version)
        {
            foreach (var statement in StatisticsSql.DropTriggers(DatabaseProvider.Postgres))
                migrationBuilder.Sql(statement);
            foreach (var statement in StatisticsSql.Triggers(DatabaseProvider.Postgres, version))
                migrationBuilder.Sql(statement);
            foreach (var statement in StatsRollupSql.Reinstall(DatabaseProvider.Postgres, version))
                migrationBuilder.Sql(statement);
        }
    }
}
