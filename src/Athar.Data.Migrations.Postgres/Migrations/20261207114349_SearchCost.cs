using System;
using Athar.Data.Infrastructure;
using Athar.Data.Opportunities;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Athar.Data.Migrations.Postgres.Migrations
{
    /// <summary>
    /// Cheaper search cache misses (issue #7): the searchable set copies the columns a result shows, so the search reads
    /// the set alone instead of 21 key lookups into Opportunities and Organizations, and gets its three orders behind a
    /// region or a field filter as indexes. The triggers are installed again because their refresh copies the new
    /// columns and the Organizations trigger now also fires on the names; installing refills the set.
    /// Down installs the previous triggers (SearchableSchema.Initial) again once the columns are gone.
    /// </summary>
    public partial class SearchCost : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var statement in SearchableOpportunitySql.Uninstall(DatabaseProvider.Postgres))
                migrationBuilder.Sql(statement);

            migrationBuilder.AddColumn<Guid>(
                name: "OrganizationId",
                table: "SearchableOpportunities",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<string>(
                name: "OrganizationNameAr",
                table: "SearchableOpportunities",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "OrganizationNameEn",
                table: "SearchableOpportunities",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SeatsTotal",
                table: "SearchableOpportunities",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateOnly>(
                name: "StartDate",
                table: "SearchableOpportunities",
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.AddColumn<int>(
                name: "Status",
                table: "SearchableOpportunities",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "TitleAr",
                table: "SearchableOpportunities",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "TitleEn",
                table: "SearchableOpportunities",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Type",
                table: "SearchableOpportunities",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateIndex(
                name: "IX_SearchableOpportunities_FieldId_NextShiftStartsAt_Opportuni~",
                table: "SearchableOpportunities",
                columns: new[] { "FieldId", "NextShiftStartsAt", "OpportunityId" });

            migrationBuilder.CreateIndex(
                name: "IX_SearchableOpportunities_FieldId_PublishedAt_OpportunityId",
                table: "SearchableOpportunities",
                columns: new[] { "FieldId", "PublishedAt", "OpportunityId" });

            migrationBuilder.CreateIndex(
                name: "IX_SearchableOpportunities_FieldId_SeatsLeft_OpportunityId",
                table: "SearchableOpportunities",
                columns: new[] { "FieldId", "SeatsLeft", "OpportunityId" },
                descending: new[] { false, true, false });

            migrationBuilder.CreateIndex(
                name: "IX_SearchableOpportunities_RegionId_NextShiftStartsAt_Opportun~",
                table: "SearchableOpportunities",
                columns: new[] { "RegionId", "NextShiftStartsAt", "OpportunityId" });

            migrationBuilder.CreateIndex(
                name: "IX_SearchableOpportunities_RegionId_PublishedAt_OpportunityId",
                table: "SearchableOpportunities",
                columns: new[] { "RegionId", "PublishedAt", "OpportunityId" });

            migrationBuilder.CreateIndex(
                name: "IX_SearchableOpportunities_RegionId_SeatsLeft_OpportunityId",
                table: "SearchableOpportunities",
                columns: new[] { "RegionId", "SeatsLeft", "OpportunityId" },
                descending: new[] { false, true, false });

            foreach (var statement in SearchableOpportunitySql.Install(DatabaseProvider.Postgres, SearchableSchema.DisplayColumns))
                migrationBuilder.Sql(statement);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var statement in SearchableOpportunitySql.Uninstall(DatabaseProvider.Postgres))
                migrationBuilder.Sql(statement);

            migrationBuilder.DropIndex(
                name: "IX_SearchableOpportunities_FieldId_NextShiftStartsAt_Opportuni~",
                table: "SearchableOpportunities");

            migrationBuilder.DropIndex(
                name: "IX_SearchableOpportunities_FieldId_PublishedAt_OpportunityId",
                table: "SearchableOpportunities");

            migrationBuilder.DropIndex(
                name: "IX_SearchableOpportunities_FieldId_SeatsLeft_OpportunityId",
                table: "SearchableOpportunities");

            migrationBuilder.DropIndex(
                name: "IX_SearchableOpportunities_RegionId_NextShiftStartsAt_Opportun~",
                table: "SearchableOpportunities");

            migrationBuilder.DropIndex(
                name: "IX_SearchableOpportunities_RegionId_PublishedAt_OpportunityId",
                table: "SearchableOpportunities");

            migrationBuilder.DropIndex(
                name: "IX_SearchableOpportunities_RegionId_SeatsLeft_OpportunityId",
                table: "SearchableOpportunities");

            migrationBuilder.DropColumn(
                name: "OrganizationId",
                table: "SearchableOpportunities");

            migrationBuilder.DropColumn(
                name: "OrganizationNameAr",
                table: "SearchableOpportunities");

            migrationBuilder.DropColumn(
                name: "OrganizationNameEn",
                table: "SearchableOpportunities");

            migrationBuilder.DropColumn(
                name: "SeatsTotal",
                table: "SearchableOpportunities");

            migrationBuilder.DropColumn(
                name: "StartDate",
                table: "SearchableOpportunities");

            migrationBuilder.DropColumn(
                name: "Status",
                table: "SearchableOpportunities");

            migrationBuilder.DropColumn(
                name: "TitleAr",
                table: "SearchableOpportunities");

            migrationBuilder.DropColumn(
                name: "TitleEn",
                table: "SearchableOpportunities");

            migrationBuilder.DropColumn(
                name: "Type",
                table: "SearchableOpportunities");

            foreach (var statement in SearchableOpportunitySql.Install(DatabaseProvider.Postgres, SearchableSchema.Initial))
                migrationBuilder.Sql(statement);
        }
    }
}
