using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Athar.Data.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class IdeasAwardsPrivacyAndImport : Migration
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
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ExpectedBeneficiaries",
                table: "Ideas",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Criterion",
                table: "AwardScores",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<Guid>(
                name: "NominatorOrganizationId",
                table: "AwardNominations",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<long>(
                name: "StatusChangedAt",
                table: "AwardCycles",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ErasedAt",
                table: "AspNetUsers",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "LastSeenAt",
                table: "AspNetUsers",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "RetentionWarnedAt",
                table: "AspNetUsers",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddPrimaryKey(
                name: "PK_AwardScores",
                table: "AwardScores",
                columns: new[] { "NominationId", "JudgeId", "Criterion" });

            migrationBuilder.CreateTable(
                name: "ImportBatches",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Fingerprint = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    Rows = table.Column<int>(type: "INTEGER", nullable: false),
                    Added = table.Column<int>(type: "INTEGER", nullable: false),
                    Matched = table.Column<int>(type: "INTEGER", nullable: false),
                    Skipped = table.Column<int>(type: "INTEGER", nullable: false),
                    ImportedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    Via = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    ImportedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImportBatches", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ImportBatches_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OpportunityReferences",
                columns: table => new
                {
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    OpportunityId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OpportunityReferences", x => new { x.OrganizationId, x.Reference });
                    table.ForeignKey(
                        name: "FK_OpportunityReferences_Opportunities_OpportunityId",
                        column: x => x.OpportunityId,
                        principalTable: "Opportunities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_OpportunityReferences_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PersonalDataAccessLog",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    ViewerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PersonalDataAccessLog", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ImportFollowUps",
                columns: table => new
                {
                    BatchId = table.Column<Guid>(type: "TEXT", nullable: false),
                    VolunteerId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImportFollowUps", x => new { x.BatchId, x.VolunteerId });
                    table.ForeignKey(
                        name: "FK_ImportFollowUps_ImportBatches_BatchId",
                        column: x => x.BatchId,
                        principalTable: "ImportBatches",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.AddCheckConstraint(
                name: "CK_AwardScores_Range",
                table: "AwardScores",
                sql: "\"Score\" >= 0 AND \"Score\" <= 10");

            migrationBuilder.CreateIndex(
                name: "IX_AwardNominations_CycleId_Track_NominatorOrganizationId_NomineeName",
                table: "AwardNominations",
                columns: new[] { "CycleId", "Track", "NominatorOrganizationId", "NomineeName" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AwardNominations_NominatorOrganizationId",
                table: "AwardNominations",
                column: "NominatorOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_ImportBatches_OrganizationId_Kind_Fingerprint",
                table: "ImportBatches",
                columns: new[] { "OrganizationId", "Kind", "Fingerprint" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OpportunityReferences_OpportunityId",
                table: "OpportunityReferences",
                column: "OpportunityId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PersonalDataAccessLog_PersonId_At",
                table: "PersonalDataAccessLog",
                columns: new[] { "PersonId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_PersonalDataAccessLog_ViewerId_At",
                table: "PersonalDataAccessLog",
                columns: new[] { "ViewerId", "At" });

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

            migrationBuilder.DropTable(
                name: "ImportFollowUps");

            migrationBuilder.DropTable(
                name: "OpportunityReferences");

            migrationBuilder.DropTable(
                name: "PersonalDataAccessLog");

            migrationBuilder.DropTable(
                name: "ImportBatches");

            migrationBuilder.DropPrimaryKey(
                name: "PK_AwardScores",
                table: "AwardScores");

            migrationBuilder.DropCheckConstraint(
                name: "CK_AwardScores_Range",
                table: "AwardScores");

            migrationBuilder.DropIndex(
                name: "IX_AwardNominations_CycleId_Track_NominatorOrganizationId_NomineeName",
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

            migrationBuilder.DropColumn(
                name: "ErasedAt",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "LastSeenAt",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "RetentionWarnedAt",
                table: "AspNetUsers");

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
