using Athar.Data.Statistics;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Athar.Data.Migrations.Postgres.Migrations
{
    /// <summary>
    /// The counters' slot probe tries slot 0, then the others from one the backend's process id picks instead of from 1
    /// up (CounterSchema.SpreadSlots; ADR 0017, "Concurrent writers"). Only the function changes: the triggers call it by
    /// name. SQLite has no slots: no SQLite migration.
    /// </summary>
    public partial class CounterSlotProbe : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) =>
            migrationBuilder.Sql(StatsCounterSql.SlotFunction(CounterSchema.SpreadSlots));

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) =>
            migrationBuilder.Sql(StatsCounterSql.SlotFunction(CounterSchema.FreeSlots));
    }
}
