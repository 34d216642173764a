using Athar.Data.Infrastructure;
using Athar.Data.Statistics;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Athar.Data.Migrations.Postgres.Migrations
{
    /// <summary>
    /// The statistics counters' triggers become one AFTER … FOR EACH STATEMENT trigger per table and event over the
    /// statement's transition tables (StatsCounterSql), instead of BEFORE and AFTER each row: a bulk change of
    /// thousands of rows is counted by a few set-based statements. The counters' definition is unchanged, so their
    /// rows stay as they are (no rebuild).
    /// </summary>
    public partial class CountersPerStatement : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var statement in StatsCounterSql.DropTriggers(DatabaseProvider.Postgres))
                migrationBuilder.Sql(statement);
            foreach (var statement in StatsCounterSql.Triggers(DatabaseProvider.Postgres))
                migrationBuilder.Sql(statement);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var statement in StatsCounterSql.DropTriggers(DatabaseProvider.Postgres))
                migrationBuilder.Sql(statement);
            foreach (var statement in StatsCounterSql.PostgresRowTriggers())
                migrationBuilder.Sql(statement);
        }
    }
}
