using Athar.Cli.Commands;
using Athar.Data;
using Athar.Data.Accounts;
using Athar.Data.Infrastructure;
using Athar.Data.Seeding;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Athar.Cli;

/// <summary>The tool's composition: the web app's database and identity stores, without the web host.</summary>
internal static class CliServices
{
    public static ServiceProvider Build(DatabaseOptions database, CliConsole console)
    {
        var services = new ServiceCollection();
        services.AddSingleton(console);
        services.AddSingleton(TimeProvider.System);
        services.AddAtharDatabase(database);

        services.AddIdentityCore<AtharUser>(AtharIdentityPolicy.Apply)
            .AddAtharPasswordRules()
            .AddRoles<IdentityRole<Guid>>()
            .AddEntityFrameworkStores<AtharDbContext>();

        services.AddScoped<DemoData>();
        services.AddScoped<MigrateCommand>();
        services.AddScoped<AdminCreateCommand>();
        services.AddScoped<SeedDemoCommand>();
        services.AddScoped<Data.Seeding.National.NationalSeeder>();
        services.AddScoped<SeedScaleCommand>();
        services.AddScoped<InfoCommand>();
        services.AddScoped<Data.Statistics.StatsRebuild>();
        services.AddScoped<StatsRebuildCommand>();
        services.AddScoped<Data.Audit.AuditVerifier>();
        services.AddScoped<Data.Audit.AuditTrail>();
        services.AddScoped<AuditVerifyCommand>();
        services.AddScoped<Data.Audit.AuditSealer>();
        services.AddScoped<AuditSealCommand>();
        services.AddScoped<BackupCommand>();
        services.AddScoped<RestoreCommand>();
        services.AddScoped<Data.Privacy.PersonalDataAccessLog>();
        services.AddScoped<PrivacyAccessedByCommand>();
        // Defaults of the registration and hours rules (the web app's Athar:Registration and Athar:Hours sections).
        services.AddOptions();
        services.AddScoped<Data.Import.ImportEngine>();
        services.AddScoped<ImportCommand>();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }
}
