using Athar.Web.Features.Opportunities;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Athar.IntegrationTests.Opportunities;

/// <summary>
/// The search cache's memory bound (issue #7: server memory ≤ 500 MB): the store the app registers keeps no more
/// bodies than the configured megabytes, 16 by default.
/// </summary>
public sealed class SearchCacheBoundTests
{
    private const int Megabyte = 1024 * 1024;

    private static ServiceProvider Services(Dictionary<string, string?> settings) =>
        new ServiceCollection()
            .AddLogging()
            .AddSearchCache(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .BuildServiceProvider();

    /// <summary>Stores <paramref name="bodies"/> bodies of 1 MB under distinct keys and counts those it can read back.</summary>
    private static async Task<int> KeptOfAsync(IOutputCacheStore store, int bodies)
    {
        for (var i = 0; i < bodies; i++)
            await store.SetAsync($"search-{i}", new byte[Megabyte], [SearchCache.Tag], TimeSpan.FromMinutes(5), CancellationToken.None);
        var kept = 0;
        for (var i = 0; i < bodies; i++)
            if (await store.GetAsync($"search-{i}", CancellationToken.None) is not null)
                kept++;
        return kept;
    }

    [Fact]
    public async Task ByDefault_KeepsAtMostSixteenMegabytesOfBodies()
    {
        await using var services = Services([]);

        var kept = await KeptOfAsync(services.GetRequiredService<IOutputCacheStore>(), 40);

        Assert.InRange(kept, 1, 16);
    }

    [Fact]
    public async Task TheBound_FollowsTheConfiguration()
    {
        await using var services = Services(new() { ["Athar:SearchCache:SizeLimitMegabytes"] = "4" });

        var kept = await KeptOfAsync(services.GetRequiredService<IOutputCacheStore>(), 40);

        Assert.InRange(kept, 1, 4);
    }
}
