using Athar.Data;
using Athar.Data.Infrastructure;
using Microsoft.EntityFrameworkCore.Design;

namespace Athar.Data.Migrations.Postgres;

/// <summary>Used by dotnet-ef only: `dotnet ef migrations add X -p src/Athar.Data.Migrations.Postgres -s src/Athar.Data.Migrations.Postgres`.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<AtharDbContext>
{
    public AtharDbContext CreateDbContext(string[] args) =>
        AtharDatabase.CreateContext(new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = "Host=127.0.0.1;Username=postgres;Database=athar_design" });
}
