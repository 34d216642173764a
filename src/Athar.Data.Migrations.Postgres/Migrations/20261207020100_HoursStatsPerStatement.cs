using Athar.Data.Infrastructure;
using Athar.Data.Statistics;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Athar.Data.Migrations.Postgres.Migrations
{
    /// <summary>
    /// The activity facts' trigger on VolunteerHours becomes one AFTER … FOR EACH STATEMENT trigger per event over the
    /// statement's transition tables (StatisticsSql), instead of one row trigger: a bulk change of thousands of hours rows
    /// is applied by one netted upsert per fact row. The facts' definition is unchanged, so their rows stay as they are
    /// (no rebuild).
    /// </summary>
    public partial class HoursStatsPerStatement : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var statement in StatisticsSql.DropTriggers(DatabaseProvider.Postgres))
                migrationBuilder.Sql(statement);
            foreach (var statement in StatisticsSql.Triggers(DatabaseProvider.Postgres))
                migrationBuilder.Sql(statement);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var statement in StatisticsSql.DropTriggers(DatabaseProvider.Postgres))
                migrationBuilder.Sql(statement);
            foreach (var statement in StatisticsSql.PostgresRowTriggers())
                migrationBuilder.Sql(statement);
        }
    }
}
