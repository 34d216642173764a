using System;
using Athar.Data.Infrastructure;
using Athar.Data.Opportunities;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Athar.Data.Migrations.Postgres.Migrations
{
    /// <summary>
    /// The searchable set: the opportunities that can appear in the public search (published or closed, verified
    /// organisation, a next shift) with what the search matches, filters and orders by, kept by triggers
    /// (SearchableOpportunitySql) and filled from the rows already there. A trigram index on its search text.
    /// </summary>
    public partial class SearchableOpportunities : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SearchableOpportunities",
                columns: table => new
                {
                    OpportunityId = table.Column<Guid>(type: "uuid", nullable: false),
                    SearchText = table.Column<string>(type: "character varying(12000)", maxLength: 12000, nullable: false),
                    RegionId = table.Column<int>(type: "integer", nullable: false),
                    CityId = table.Column<int>(type: "integer", nullable: false),
                    FieldId = table.Column<int>(type: "integer", nullable: false),
                    IsRemote = table.Column<bool>(type: "boolean", nullable: false),
                    Gender = table.Column<int>(type: "integer", nullable: false),
                    RequiredLicense = table.Column<int>(type: "integer", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "date", nullable: false),
                    NextShiftStartsAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LastShiftStartsAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    PublishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    SeatsLeft = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SearchableOpportunities", x => x.OpportunityId);
                    table.ForeignKey(
                        name: "FK_SearchableOpportunities_Opportunities_OpportunityId",
                        column: x => x.OpportunityId,
                        principalTable: "Opportunities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SearchableOpportunities_NextShiftStartsAt_OpportunityId",
                table: "SearchableOpportunities",
                columns: new[] { "NextShiftStartsAt", "OpportunityId" });

            migrationBuilder.CreateIndex(
                name: "IX_SearchableOpportunities_PublishedAt_OpportunityId",
                table: "SearchableOpportunities",
                columns: new[] { "PublishedAt", "OpportunityId" });

            migrationBuilder.CreateIndex(
                name: "IX_SearchableOpportunities_SeatsLeft_OpportunityId",
                table: "SearchableOpportunities",
                columns: new[] { "SeatsLeft", "OpportunityId" },
                descending: new[] { true, false });

            migrationBuilder.Sql("CREATE INDEX \"IX_SearchableOpportunities_SearchText_Trigram\" ON \"SearchableOpportunities\" USING gin (\"SearchText\" gin_trgm_ops);");

            foreach (var statement in SearchableOpportunitySql.Install(DatabaseProvider.Postgres, SearchableSchema.Initial))
                migrationBuilder.Sql(statement);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var statement in SearchableOpportunitySql.Uninstall(DatabaseProvider.Postgres))
                migrationBuilder.Sql(statement);

            migrationBuilder.DropTable(
                name: "SearchableOpportunities");
        }
    }
}
