using Athar.Data;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Athar.Web.Infrastructure;

public sealed class DatabaseHealthCheck(AtharDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("The database cannot be reached.");
}
