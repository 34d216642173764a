using Athar.Core.Statistics;
using Athar.Data.Statistics;
using Athar.Web.Infrastructure.Cluster;

namespace Athar.Web.Features.Statistics;

/// <summary>National indicators: dashboards by scope, open statistics, exports, methodology and annual reports.</summary>
public static class StatisticsFeature
{
    public static IServiceCollection AddStatisticsFeature(this IServiceCollection services)
    {
        services.AddOptions<HourlyValueOptions>().BindConfiguration("Athar:Statistics:HourlyValues");
        services.AddOptions<TargetOptions>().BindConfiguration("Athar:Statistics:Target");
        // Dashboards tolerate replication lag: they read from the hot standby when one is configured.
        // Athar:Statistics:UseRollups=false reads every figure from the activity facts (the definitions the rollups are
        // held to): a switch for an operator who suspects the rollups, and the "before" of bench/results/*-stats-rollups.md.
        services.AddScoped(sp => new ActivityQueries(sp.GetRequiredService<ReadDb>().Context)
        {
            UseRollups = sp.GetRequiredService<IConfiguration>().GetValue("Athar:Statistics:UseRollups", true),
        });
        services.AddScoped(sp => new IndicatorQueries(sp.GetRequiredService<ReadDb>().Context, sp.GetRequiredService<ActivityQueries>()));
        services.AddScoped<StatsRebuild>();
        services.AddScoped<StatsScopes>();
        services.AddScoped<StatsLabels>();
        services.AddScoped<StatsReports>();
        services.AddScoped<PublicStatistics>();
        services.AddScoped<OpenTables>();
        return services;
    }

    public static RouteGroupBuilder MapStatisticsEndpoints(this RouteGroupBuilder api) => StatisticsEndpoints.Map(api);
}
