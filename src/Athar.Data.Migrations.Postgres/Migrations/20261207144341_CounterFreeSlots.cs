using Athar.Data.Infrastructure;
using Athar.Data.Statistics;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Athar.Data.Migrations.Postgres.Migrations
{
    /// <summary>
    /// The counter triggers count in the first slot no other writer in flight holds (<c>athar_counter_slot()</c>) instead
    /// of the slot of their transaction id, over 32 slots (ADR 0017, "Concurrent writers"). Rows already written keep
    /// their slots: readers sum over every slot, so no figure changes. SQLite has one writer and keeps slot 0: no
    /// SQLite migration.
    /// </summary>
    public partial class CounterFreeSlots : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var statement in StatsCounterSql.DropTriggers(DatabaseProvider.Postgres, CounterGroup.All))
                migrationBuilder.Sql(statement);
            foreach (var statement in StatsCounterSql.Triggers(DatabaseProvider.Postgres, CounterGroup.All, CounterSchema.FreeSlots))
                migrationBuilder.Sql(statement);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var statement in StatsCounterSql.DropTriggers(DatabaseProvider.Postgres, CounterGroup.All))
                migrationBuilder.Sql(statement);
            foreach (var statement in StatsCounterSql.Triggers(DatabaseProvider.Postgres, CounterGroup.All, CounterSchema.Striped))
                migrationBuilder.Sql(statement);
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS athar_counter_slot();");
        }
    }
}
