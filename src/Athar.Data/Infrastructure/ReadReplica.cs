using Microsoft.EntityFrameworkCore;

namespace Athar.Data.Infrastructure;

/// <summary>
/// Contexts on the read-only connection (a streaming hot standby). They do not track entities, and the standby
/// itself refuses writes, so a query routed here by mistake can never change data.
/// </summary>
public sealed class ReadReplica
{
    private readonly DbContextOptions<AtharDbContext> _options;

    public ReadReplica(DatabaseOptions primary)
    {
        var replica = new DatabaseOptions
        {
            Provider = primary.Provider,
            ConnectionString = primary.ReadOnlyConnectionString ?? throw new ArgumentException("No read-only connection string.", nameof(primary)),
            MaxRetryCount = primary.MaxRetryCount,
            MaxRetryDelaySeconds = primary.MaxRetryDelaySeconds,
        };
        var builder = new DbContextOptionsBuilder<AtharDbContext>();
        AtharDatabase.Configure(builder, replica);
        builder.UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking);
        _options = builder.Options;
    }

    public AtharDbContext CreateContext() => new(_options);
}
