using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using StackExchange.Redis;

namespace Athar.Web.Infrastructure.Cluster;

/// <summary>Section <c>Athar:Cluster</c>: what an app node needs to know when it is one of several behind a proxy.</summary>
public sealed class ClusterOptions
{
    /// <summary>StackExchange.Redis configuration (e.g. "127.0.0.1:6379"); shared rate-limit windows when set.</summary>
    public string? Redis { get; set; }

    /// <summary>Addresses of the reverse proxies (nginx) whose X-Forwarded-For is believed, so limits see the real client.</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>A name for this node in logs and the X-Athar-Node response header (defaults to the machine name).</summary>
    public string? NodeName { get; set; }

    /// <summary>How long a visitor's reads stay on the primary after they wrote (longer than the standby's usual lag).</summary>
    public int ReadYourWritesSeconds { get; set; } = 10;
}

public static class ClusterSetup
{
    public static ClusterOptions ReadClusterOptions(this IConfiguration configuration) =>
        configuration.GetSection("Athar:Cluster").Get<ClusterOptions>() ?? new ClusterOptions();

    /// <summary>Registers the shared Redis connection when configured; it connects in the background and reconnects by itself.</summary>
    public static IServiceCollection AddAtharCluster(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.ReadClusterOptions();
        services.AddSingleton(options);
        services.AddScoped<ReadDb>();
        if (!string.IsNullOrWhiteSpace(options.Redis))
        {
            var redis = ConfigurationOptions.Parse(options.Redis);
            redis.AbortOnConnectFail = false;
            services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(redis));
        }
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in options.KnownProxies)
                o.KnownProxies.Add(IPAddress.Parse(proxy));
        });
        return services;
    }

    /// <summary>First in the pipeline: the client's address and scheme as the proxy saw them, and which node answered.</summary>
    public static WebApplication UseAtharCluster(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<ClusterOptions>();
        if (options.KnownProxies.Count > 0)
            app.UseForwardedHeaders();
        if (app.Services.GetService<Athar.Data.Infrastructure.ReadReplica>() is not null)
            app.UseRecentWriterCookie(TimeSpan.FromSeconds(options.ReadYourWritesSeconds));
        var node = options.NodeName ?? Environment.MachineName;
        app.Use((context, next) =>
        {
            context.Response.Headers["X-Athar-Node"] = node;
            return next(context);
        });
        return app;
    }
}
