using Athar.Data;
using Athar.Data.Infrastructure;
using Athar.Data.Seeding;
using Microsoft.EntityFrameworkCore;

namespace Athar.Web.Infrastructure;

public static class DatabaseInitializer
{
    /// <summary>Applies migrations, ensures the roles exist and, when configured, seeds the demo data.</summary>
    public static async Task InitializeDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var options = services.GetRequiredService<DatabaseOptions>();
        var db = services.GetRequiredService<AtharDbContext>();
        if (options.MigrateOnStartup)
            await db.Database.MigrateAsync();

        if (app.Configuration.GetValue<bool>("Athar:SeedDemoData"))
        {
            var logins = await services.GetRequiredService<DemoData>().SeedAsync();
            DemoData.Print(logins, Console.Out);
        }
    }
}
