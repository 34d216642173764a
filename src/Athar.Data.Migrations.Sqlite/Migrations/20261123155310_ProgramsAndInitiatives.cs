using System;
using Athar.Data.Infrastructure;
using Athar.Data.Programs;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Athar.Data.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ProgramsAndInitiatives : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Raw SQL kept in Athar.Data.Programs.ProgramsSql (re-apply after regenerating this migration): the next migration,
            // ProgramsAndInitiativesTriggers, re-creates the triggers after SQLite's rebuild of Opportunities, which EF runs last.
            foreach (var statement in ProgramsSql.BeforeOpportunitiesRebuild(DatabaseProvider.Sqlite))
                migrationBuilder.Sql(statement);
            migrationBuilder.CreateTable(
                name: "AwardCycles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    PublishedBy = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AwardCycles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Ideas",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProposerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 3000, nullable: false),
                    FieldId = table.Column<int>(type: "INTEGER", nullable: false),
                    RegionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    DeclineReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    OpportunityId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DecidedBy = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Ideas", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Ideas_AspNetUsers_ProposerId",
                        column: x => x.ProposerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Ideas_Opportunities_OpportunityId",
                        column: x => x.OpportunityId,
                        principalTable: "Opportunities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Ideas_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Initiatives",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    LeadOrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DescriptionAr = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    DescriptionEn = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    TitleAr = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TitleEn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    StartsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    TargetVolunteers = table.Column<long>(type: "INTEGER", nullable: true),
                    TargetOpportunities = table.Column<long>(type: "INTEGER", nullable: true),
                    TargetHours = table.Column<long>(type: "INTEGER", nullable: true),
                    TargetBeneficiaries = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Initiatives", x => x.Id);
                    table.CheckConstraint("CK_Initiatives_Period", "\"EndsOn\" >= \"StartsOn\"");
                    table.ForeignKey(
                        name: "FK_Initiatives_AspNetUsers_CreatedBy",
                        column: x => x.CreatedBy,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Initiatives_Organizations_LeadOrganizationId",
                        column: x => x.LeadOrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Programs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DescriptionAr = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    DescriptionEn = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    TitleAr = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TitleEn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    StartsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    TargetVolunteers = table.Column<long>(type: "INTEGER", nullable: true),
                    TargetOpportunities = table.Column<long>(type: "INTEGER", nullable: true),
                    TargetHours = table.Column<long>(type: "INTEGER", nullable: true),
                    TargetBeneficiaries = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Programs", x => x.Id);
                    table.CheckConstraint("CK_Programs_Period", "\"EndsOn\" >= \"StartsOn\"");
                    table.ForeignKey(
                        name: "FK_Programs_AspNetUsers_CreatedBy",
                        column: x => x.CreatedBy,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Programs_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AwardJudges",
                columns: table => new
                {
                    CycleId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Track = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AwardJudges", x => new { x.CycleId, x.Track, x.UserId });
                    table.ForeignKey(
                        name: "FK_AwardJudges_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AwardJudges_AwardCycles_CycleId",
                        column: x => x.CycleId,
                        principalTable: "AwardCycles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AwardNominations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CycleId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Track = table.Column<int>(type: "INTEGER", nullable: false),
                    NomineeOrganizationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    NomineeUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    NomineeName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Statement = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    NominatedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    IsWinner = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AwardNominations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AwardNominations_AspNetUsers_NominatedBy",
                        column: x => x.NominatedBy,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AwardNominations_AspNetUsers_NomineeUserId",
                        column: x => x.NomineeUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AwardNominations_AwardCycles_CycleId",
                        column: x => x.CycleId,
                        principalTable: "AwardCycles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AwardNominations_Organizations_NomineeOrganizationId",
                        column: x => x.NomineeOrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "InitiativeOpportunities",
                columns: table => new
                {
                    InitiativeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OpportunityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LinkedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InitiativeOpportunities", x => new { x.InitiativeId, x.OpportunityId });
                    table.ForeignKey(
                        name: "FK_InitiativeOpportunities_Initiatives_InitiativeId",
                        column: x => x.InitiativeId,
                        principalTable: "Initiatives",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_InitiativeOpportunities_Opportunities_OpportunityId",
                        column: x => x.OpportunityId,
                        principalTable: "Opportunities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "InitiativePartners",
                columns: table => new
                {
                    InitiativeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Role = table.Column<int>(type: "INTEGER", nullable: false),
                    AddedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InitiativePartners", x => new { x.InitiativeId, x.OrganizationId });
                    table.ForeignKey(
                        name: "FK_InitiativePartners_Initiatives_InitiativeId",
                        column: x => x.InitiativeId,
                        principalTable: "Initiatives",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_InitiativePartners_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ProgramTracks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProgramId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    NameAr = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProgramTracks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProgramTracks_Programs_ProgramId",
                        column: x => x.ProgramId,
                        principalTable: "Programs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AwardScores",
                columns: table => new
                {
                    NominationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    JudgeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Score = table.Column<int>(type: "INTEGER", nullable: false),
                    ScoredAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AwardScores", x => new { x.NominationId, x.JudgeId });
                    table.CheckConstraint("CK_AwardScores_Range", "\"Score\" >= 0 AND \"Score\" <= 100");
                    table.ForeignKey(
                        name: "FK_AwardScores_AspNetUsers_JudgeId",
                        column: x => x.JudgeId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AwardScores_AwardNominations_NominationId",
                        column: x => x.NominationId,
                        principalTable: "AwardNominations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Opportunities_ProgramId",
                table: "Opportunities",
                column: "ProgramId");

            migrationBuilder.CreateIndex(
                name: "IX_AwardCycles_Year",
                table: "AwardCycles",
                column: "Year",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AwardJudges_UserId",
                table: "AwardJudges",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AwardNominations_CycleId_Track_NomineeName",
                table: "AwardNominations",
                columns: new[] { "CycleId", "Track", "NomineeName" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AwardNominations_CycleId_Track_NomineeOrganizationId",
                table: "AwardNominations",
                columns: new[] { "CycleId", "Track", "NomineeOrganizationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AwardNominations_CycleId_Track_NomineeUserId",
                table: "AwardNominations",
                columns: new[] { "CycleId", "Track", "NomineeUserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AwardNominations_NominatedBy",
                table: "AwardNominations",
                column: "NominatedBy");

            migrationBuilder.CreateIndex(
                name: "IX_AwardNominations_NomineeOrganizationId",
                table: "AwardNominations",
                column: "NomineeOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_AwardNominations_NomineeUserId",
                table: "AwardNominations",
                column: "NomineeUserId");

            migrationBuilder.CreateIndex(
                name: "IX_AwardScores_JudgeId",
                table: "AwardScores",
                column: "JudgeId");

            migrationBuilder.CreateIndex(
                name: "IX_Ideas_OpportunityId",
                table: "Ideas",
                column: "OpportunityId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Ideas_OrganizationId_Status_CreatedAt",
                table: "Ideas",
                columns: new[] { "OrganizationId", "Status", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Ideas_ProposerId_CreatedAt",
                table: "Ideas",
                columns: new[] { "ProposerId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_InitiativeOpportunities_OpportunityId",
                table: "InitiativeOpportunities",
                column: "OpportunityId");

            migrationBuilder.CreateIndex(
                name: "IX_InitiativePartners_OrganizationId",
                table: "InitiativePartners",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_Initiatives_CreatedBy",
                table: "Initiatives",
                column: "CreatedBy");

            migrationBuilder.CreateIndex(
                name: "IX_Initiatives_LeadOrganizationId",
                table: "Initiatives",
                column: "LeadOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_Initiatives_Status_StartsOn",
                table: "Initiatives",
                columns: new[] { "Status", "StartsOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Programs_CreatedBy",
                table: "Programs",
                column: "CreatedBy");

            migrationBuilder.CreateIndex(
                name: "IX_Programs_OrganizationId",
                table: "Programs",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_Programs_Status_StartsOn",
                table: "Programs",
                columns: new[] { "Status", "StartsOn" });

            migrationBuilder.CreateIndex(
                name: "IX_ProgramTracks_ProgramId_Position",
                table: "ProgramTracks",
                columns: new[] { "ProgramId", "Position" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_Opportunities_Programs_ProgramId",
                table: "Opportunities",
                column: "ProgramId",
                principalTable: "Programs",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Opportunities_Programs_ProgramId",
                table: "Opportunities");

            migrationBuilder.DropTable(
                name: "AwardJudges");

            migrationBuilder.DropTable(
                name: "AwardScores");

            migrationBuilder.DropTable(
                name: "Ideas");

            migrationBuilder.DropTable(
                name: "InitiativeOpportunities");

            migrationBuilder.DropTable(
                name: "InitiativePartners");

            migrationBuilder.DropTable(
                name: "ProgramTracks");

            migrationBuilder.DropTable(
                name: "AwardNominations");

            migrationBuilder.DropTable(
                name: "Initiatives");

            migrationBuilder.DropTable(
                name: "Programs");

            migrationBuilder.DropTable(
                name: "AwardCycles");

            migrationBuilder.DropIndex(
                name: "IX_Opportunities_ProgramId",
                table: "Opportunities");
        }
    }
}
