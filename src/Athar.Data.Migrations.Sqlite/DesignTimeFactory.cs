using Athar.Data;
using Athar.Data.Infrastructure;
using Microsoft.EntityFrameworkCore.Design;

namespace Athar.Data.Migrations.Sqlite;

/// <summary>Used by dotnet-ef only: `dotnet ef migrations add X -p src/Athar.Data.Migrations.Sqlite -s src/Athar.Data.Migrations.Sqlite`.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<AtharDbContext>
{
    public AtharDbContext CreateDbContext(string[] args) =>
        AtharDatabase.CreateContext(new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = "Data Source=design-time.db" });
}
