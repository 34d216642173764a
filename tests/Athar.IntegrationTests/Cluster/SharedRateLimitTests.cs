using System.Net;
using Athar.IntegrationTests.Infrastructure;

namespace Athar.IntegrationTests.Cluster;

/// <summary>
/// Two app nodes with Redis configured share one window per client: the limit holds across nodes instead of
/// multiplying by their number. Not database behaviour: SQLite only.
/// </summary>
public sealed class SharedRateLimitTests : IAsyncLifetime
{
    private RedisServer? _redis;
    private AtharAppFactory? _app;

    public async Task InitializeAsync()
    {
        _redis = await RedisServer.StartAsync(26011);
        _app = new AtharAppFactory(TestDatabase.Sqlite, new Dictionary<string, string?>
        {
            ["Athar:RateLimits:Enabled"] = "true",
            ["Athar:RateLimits:Verification:Permits"] = "4",
            ["Athar:RateLimits:Verification:WindowSeconds"] = "600",
            ["Athar:Cluster:Redis"] = _redis.Configuration,
        });
    }

    public async Task DisposeAsync()
    {
        await _app!.DisposeAsync();
        await _redis!.DisposeAsync();
    }

    [Fact]
    public async Task RequestsSpreadOverTwoNodes_AreCountedInOneWindow()
    {
        var first = _app!.CreateClient();
        var second = _app.WithWebHostBuilder(_ => { }).CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
            statuses.Add((await (i % 2 == 0 ? first : second).GetAsync("/api/v1/verify/0000-0000-0000-0000")).StatusCode);

        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses.Take(4));
        Assert.Equal([HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses.Skip(4));
        var refused = await first.GetAsync("/api/v1/verify/0000-0000-0000-0000");
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, refused.Headers.ToString());
    }
}
