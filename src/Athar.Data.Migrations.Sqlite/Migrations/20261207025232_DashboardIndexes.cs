using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Athar.Data.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class DashboardIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Volunteers_RegisteredAt",
                table: "Volunteers",
                column: "RegisteredAt");

            migrationBuilder.CreateIndex(
                name: "IX_Attendance_Open",
                table: "Attendance",
                column: "ShiftId",
                filter: "\"CheckOutAt\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Volunteers_RegisteredAt",
                table: "Volunteers");

            migrationBuilder.DropIndex(
                name: "IX_Attendance_Open",
                table: "Attendance");
        }
    }
}
