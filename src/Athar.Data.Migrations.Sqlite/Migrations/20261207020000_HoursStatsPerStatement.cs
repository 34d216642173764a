using Athar.Data.Infrastructure;
using Athar.Data.Statistics;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Athar.Data.Migrations.Sqlite.Migrations
{
    /// <summary>
    /// PostgreSQL's activity-facts trigger becomes statement triggers in this migration. SQLite has only row triggers, so
    /// its triggers stay as they were: they are dropped and created again from StatisticsSql, which also restores any a
    /// table rebuild might have dropped, and the migration keeps both providers' histories in step.
    /// </summary>
    public partial class HoursStatsPerStatement : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var statement in StatisticsSql.DropTriggers(DatabaseProvider.Sqlite))
                migrationBuilder.Sql(statement);
            foreach (var statement in StatisticsSql.Triggers(DatabaseProvider.Sqlite))
                migrationBuilder.Sql(statement);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
        }
    }
}
