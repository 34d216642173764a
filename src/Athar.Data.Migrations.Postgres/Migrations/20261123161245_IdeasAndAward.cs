using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Athar.Data.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class IdeasAndAward : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_AwardScores",
                table: "AwardScores");

            migrationBuilder.DropCheckConstraint(
                name: "CK_AwardScores_Range",
                table: "AwardScores");

            migrationBuilder.DropIndex(
                name: "IX_AwardNominations_CycleId_Track_NomineeName",
                table: "AwardNominations");

            migrationBuilder.AddColumn<int>(
                name: "CityId",
                table: "Ideas",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ExpectedBeneficiaries",
                table: "Ideas",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Criterion",
                table: "AwardScores",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<Guid>(
                name: "NominatorOrganizationId",
                table: "AwardNominations",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "StatusChangedAt",
                table: "AwardCycles",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddPrimaryKey(
                name: "PK_AwardScores",
                table: "AwardScores",
                columns: new[] { "NominationId", "JudgeId", "Criterion" });

            migrationBuilder.AddCheckConstraint(
                name: "CK_AwardScores_Range",
                table: "AwardScores",
                sql: "\"Score\" >= 0 AND \"Score\" <= 10");

            migrationBuilder.CreateIndex(
                name: "IX_AwardNominations_CycleId_Track_NominatorOrganizationId_Nomi~",
                table: "AwardNominations",
                columns: new[] { "CycleId", "Track", "NominatorOrganizationId", "NomineeName" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AwardNominations_NominatorOrganizationId",
                table: "AwardNominations",
                column: "NominatorOrganizationId");

            migrationBuilder.AddForeignKey(
                name: "FK_AwardNominations_Organizations_NominatorOrganizationId",
                table: "AwardNominations",
                column: "NominatorOrganizationId",
                principalTable: "Organizations",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_AwardNominations_Organizations_NominatorOrganizationId",
                table: "AwardNominations");

            migrationBuilder.DropPrimaryKey(
                name: "PK_AwardScores",
                table: "AwardScores");

            migrationBuilder.DropCheckConstraint(
                name: "CK_AwardScores_Range",
                table: "AwardScores");

            migrationBuilder.DropIndex(
                name: "IX_AwardNominations_CycleId_Track_NominatorOrganizationId_Nomi~",
                table: "AwardNominations");

            migrationBuilder.DropIndex(
                name: "IX_AwardNominations_NominatorOrganizationId",
                table: "AwardNominations");

            migrationBuilder.DropColumn(
                name: "CityId",
                table: "Ideas");

            migrationBuilder.DropColumn(
                name: "ExpectedBeneficiaries",
                table: "Ideas");

            migrationBuilder.DropColumn(
                name: "Criterion",
                table: "AwardScores");

            migrationBuilder.DropColumn(
                name: "NominatorOrganizationId",
                table: "AwardNominations");

            migrationBuilder.DropColumn(
                name: "StatusChangedAt",
                table: "AwardCycles");

            migrationBuilder.AddPrimaryKey(
                name: "PK_AwardScores",
                table: "AwardScores",
                columns: new[] { "NominationId", "JudgeId" });

            migrationBuilder.AddCheckConstraint(
                name: "CK_AwardScores_Range",
                table: "AwardScores",
                sql: "\"Score\" >= 0 AND \"Score\" <= 100");

            migrationBuilder.CreateIndex(
                name: "IX_AwardNominations_CycleId_Track_NomineeName",
                table: "AwardNominations",
                columns: new[] { "CycleId", "Track", "NomineeName" },
                unique: true);
        }
    }
}
