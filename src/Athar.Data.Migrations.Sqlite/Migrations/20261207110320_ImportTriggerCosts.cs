using Athar.Data.Infrastructure;
using Athar.Data.Statistics;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Athar.Data.Migrations.Sqlite.Migrations
{
    /// <summary>
    /// Re-creates the statistics rollup trigger on StatsActivity from the current SQL (StatsRollupSql): its reach
    /// probes now read the volunteer's own facts through the key on SQLite too, instead of every fact of the month
    /// (issue #7: the hours import slowed as the month filled). The rollup rows do not change, so nothing is rebuilt.
    /// Down re-creates the same trigger: the earlier SQL differed only in the plan it allowed, not in what it computed.
    /// </summary>
    public partial class ImportTriggerCosts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var statement in StatsRollupSql.Reinstall(DatabaseProvider.Sqlite))
                migrationBuilder.Sql(statement);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var statement in StatsRollupSql.Reinstall(DatabaseProvider.Sqlite))
                migrationBuilder.Sql(statement);
        }
    }
}
