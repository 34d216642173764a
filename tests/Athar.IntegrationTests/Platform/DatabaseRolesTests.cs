using System.Net;
using System.Net.Http.Json;
using Athar.Core.Accounts;
using Athar.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Athar.IntegrationTests.Platform;

/// <summary>
/// deploy/postgres-roles.sql (ASVS 13.2.2): the owner role migrates, the app role runs the app's real writes
/// (registration, applying to a shift, the counter triggers behind them, making the platform's sealed keys) and cannot
/// create, alter or drop a table.
/// Role names are made unique per run, since roles belong to the whole PostgreSQL server.
/// </summary>
public sealed class DatabaseRolesTests
{
    [Fact]
    public async Task AppRole_RunsRegistrationAndApplying_ButCannotCreateAlterOrDropATable_AfterTheOwnerMigrates()
    {
        var suffix = Guid.NewGuid().ToString("N")[..10];
        var (owner, appRole, database) = ($"athar_owner_{suffix}", $"athar_app_{suffix}", $"athar_roles_{suffix}");
        var server = new NpgsqlConnectionStringBuilder(Databases.PostgresServer);
        await ExecuteAsync(server.ConnectionString, $"CREATE DATABASE \"{database}\"");
        try
        {
            var script = (await File.ReadAllTextAsync(Path.Combine(ResourceFilesTests.FindRepositoryRoot(), "deploy", "postgres-roles.sql")))
                .Replace("athar_owner", owner, StringComparison.Ordinal).Replace("athar_app", appRole, StringComparison.Ordinal);
            await ExecuteAsync(As(server, database, server.Username!), script);

            await using (var migrator = new AtharAppFactory(TestDatabase.Postgres, Settings(As(server, database, owner), migrate: true)))
                _ = migrator.Server;

            await using var app = new AtharAppFactory(TestDatabase.Postgres, Settings(As(server, database, appRole), migrate: false));
            Assert.Equal(HttpStatusCode.Accepted, (await app.Api().PostAsJsonAsync("/api/v1/auth/register", TestPeople.Adult(), HttpHelpers.Json)).StatusCode);
            var (organizationId, _, _) = await app.CreateVerifiedOrganizationAsync();
            var opportunity = await app.CreatePublishedOpportunityAsync(organizationId, [app.ShiftFromNow(TimeSpan.FromHours(30), TimeSpan.FromHours(3), 2)]);
            var volunteer = await app.CreatePersonAsync([Roles.Volunteer]);
            var client = await app.ApiAsAsync(volunteer.Email, TestPeople.Password);
            Assert.Equal(HttpStatusCode.Created, (await client.PostAsync($"/api/v1/shifts/{opportunity.Shifts[0].Id}/applications", null)).StatusCode);
            Assert.Equal(1, await app.QueryAsync(db => db.Applications.CountAsync(a => a.ShiftId == opportunity.Shifts[0].Id)));
            // The first card makes the document seal key as the app role (an insert into PlatformSettings, sealed with the
            // Data Protection key ring the owner's run created), as the first node of a cluster.sh deploy does.
            var card = await Certificates.CertificateTests.DownloadAsync(client, "/me/documents/card");
            Assert.StartsWith(Web.Infrastructure.PlatformKeys.ProtectedPrefix,
                await app.QueryAsync(db => db.PlatformSettings.Where(k => k.Key == "document-seal-key").Select(k => k.Value).SingleAsync()), StringComparison.Ordinal);
            Assert.Equal("genuine", (await (await app.Api("en").GetAsync($"/api/v1/verify/{card.Code}")).ReadJsonAsync()).GetProperty("status").GetString());

            foreach (var ddl in new[]
                     {
                         "DROP TABLE \"Applications\"",
                         "ALTER TABLE \"Volunteers\" ADD COLUMN \"Leak\" text",
                         "CREATE TABLE \"Stolen\" (\"Id\" int)",
                         "TRUNCATE \"AuditEntries\"",
                     })
            {
                var refused = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(As(server, database, appRole), ddl));
                Assert.True(refused.SqlState is PostgresErrorCodes.InsufficientPrivilege, $"{ddl}: {refused.SqlState} {refused.MessageText}");
            }
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(server.ConnectionString, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
            await ExecuteAsync(server.ConnectionString, $"DROP ROLE IF EXISTS \"{appRole}\"; DROP ROLE IF EXISTS \"{owner}\"");
        }
    }

    private static Dictionary<string, string?> Settings(string connectionString, bool migrate) => new()
    {
        ["Athar:Database:ConnectionString"] = connectionString,
        ["Athar:Database:MigrateOnStartup"] = migrate ? "true" : "false",
        // The demo data would be seeded by the migrating owner; the app role's run needs none of it.
        ["Athar:SeedDemoData"] = "false",
    };

    private static string As(NpgsqlConnectionStringBuilder server, string database, string username) =>
        new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = database, Username = username, Pooling = false }.ConnectionString;

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
