using Athar.Data.Infrastructure;
using Athar.Data.Opportunities;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Athar.Data.Migrations.Sqlite.Migrations
{
    /// <summary>
    /// A change of an opportunity's seats updates its row of the searchable set in place instead of deleting and
    /// inserting it again (SearchableSchema.SeatsInPlace; issue #7, apply). The set's rows do not change: only the
    /// triggers are replaced, no rebuild.
    /// </summary>
    public partial class SearchableSeatsInPlace : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) => Replace(migrationBuilder, SearchableSchema.SeatsInPlace);

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) => Replace(migrationBuilder, SearchableSchema.DisplayColumns);

        private static void Replace(MigrationBuilder migrationBuilder, SearchableSchema schema)
        {
            foreach (var statement in SearchableOpportunitySql.Uninstall(DatabaseProvider.Sqlite))
                migrationBuilder.Sql(statement);
            foreach (var statement in SearchableOpportunitySql.InstallTriggers(DatabaseProvider.Sqlite, schema))
                migrationBuilder.Sql(statement);
        }
    }
}
