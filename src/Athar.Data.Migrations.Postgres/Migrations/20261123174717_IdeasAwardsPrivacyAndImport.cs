using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Athar.Data.Migrations.Postgres.Migrations
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

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ErasedAt",
                table: "AspNetUsers",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "LastSeenAt",
                table: "AspNetUsers",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "RetentionWarnedAt",
                table: "AspNetUsers",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddPrimaryKey(
                name: "PK_AwardScores",
                table: "AwardScores",
                columns: new[] { "NominationId", "JudgeId", "Criterion" });

            migrationBuilder.CreateTable(
                name: "ImportBatches",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Fingerprint = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    FileName = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: false),
                    Rows = table.Column<int>(type: "integer", nullable: false),
                    Added = table.Column<int>(type: "integer", nullable: false),
                    Matched = table.Column<int>(type: "integer", nullable: false),
                    Skipped = table.Column<int>(type: "integer", nullable: false),
                    ImportedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    Via = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    ImportedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Reference = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    OpportunityId = table.Column<Guid>(type: "uuid", nullable: false)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ViewerId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: true),
                    Purpose = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PersonalDataAccessLog", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ImportFollowUps",
                columns: table => new
                {
                    BatchId = table.Column<Guid>(type: "uuid", nullable: false),
                    VolunteerId = table.Column<Guid>(type: "uuid", nullable: false)
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
                name: "IX_AwardNominations_CycleId_Track_NominatorOrganizationId_Nomi~",
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
