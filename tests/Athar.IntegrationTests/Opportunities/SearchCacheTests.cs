using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Athar.IntegrationTests.Infrastructure;

namespace Athar.IntegrationTests.Opportunities;

/// <summary>
/// The anonymous search cache: what it keeps, what drops it, and whom it never serves. Opportunities written
/// straight to the database (behind the app's back) show whether an answer came from the cache.
/// </summary>
public sealed class SearchCacheTests(SearchCacheTests.CachedApps apps) : IClassFixture<SearchCacheTests.CachedApps>
{
    /// <summary>One app per provider with the search cache on (the other tests switch it off).</summary>
    public sealed class CachedApps : IAsyncLifetime
    {
        private readonly ConcurrentDictionary<TestDatabase, Lazy<AtharAppFactory>> _factories = new();

        public AtharAppFactory For(TestDatabase database)
        {
            var factory = _factories.GetOrAdd(database, d => new Lazy<AtharAppFactory>(() =>
                new AtharAppFactory(d, new Dictionary<string, string?> { ["Athar:SearchCache:Seconds"] = "300" }))).Value;
            _ = factory.Server;
            return factory;
        }

        public Task InitializeAsync() => Task.CompletedTask;

        public async Task DisposeAsync()
        {
            foreach (var factory in _factories.Values.Where(f => f.IsValueCreated))
                await factory.Value.DisposeAsync();
        }
    }

    private static async Task<List<Guid>> FindAsync(HttpClient client, string query) =>
        OpportunityData.Ids(await OpportunityData.SearchAsync(client, query)).Order().ToList();

    private static List<Guid> Sorted(params Guid[] ids) => ids.Order().ToList();

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task AnonymousSearch_KeepsItsAnswer_UntilAnOpportunityIsPublished(TestDatabase database)
    {
        var app = apps.For(database);
        var (org, admin, _) = await OpportunityData.OrganizationAsync(app);
        var m = OpportunityData.Marker();
        var first = await OpportunityData.CreatePublishedAsync(admin, org, OpportunityData.Body(app, $"الأولى {m}"));
        var visitor = app.Api();
        Assert.Equal([first], await FindAsync(visitor, $"q={m}"));

        var behindTheCache = (await SearchData.InsertAsync(app, org, [new($"خلف الذاكرة {m}")])).Single();

        Assert.Equal([first], await FindAsync(visitor, $"q={m}"));
        var published = await OpportunityData.CreatePublishedAsync(admin, org, OpportunityData.Body(app, $"الثالثة {m}"));
        Assert.Equal(Sorted(first, behindTheCache, published), await FindAsync(visitor, $"q={m}"));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task CancellingAnOpportunity_RemovesItFromCachedSearches(TestDatabase database)
    {
        var app = apps.For(database);
        var (org, admin, _) = await OpportunityData.OrganizationAsync(app);
        var m = OpportunityData.Marker();
        var kept = await OpportunityData.CreatePublishedAsync(admin, org, OpportunityData.Body(app, $"باقية {m}"));
        var cancelled = await OpportunityData.CreatePublishedAsync(admin, org, OpportunityData.Body(app, $"ملغاة {m}"));
        var visitor = app.Api();
        Assert.Equal(Sorted(kept, cancelled), await FindAsync(visitor, $"q={m}"));

        var response = await admin.PostAsJsonAsync($"/api/v1/opportunities/{cancelled}/cancel", new { reason = "تعذر توفير المكان المناسب" });

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal([kept], await FindAsync(visitor, $"q={m}"));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task SignedInSearches_AreNeitherStoredNorServedFromTheCache(TestDatabase database)
    {
        var app = apps.For(database);
        var (org, admin, adminMember) = await OpportunityData.OrganizationAsync(app);
        var m = OpportunityData.Marker();
        var first = await OpportunityData.CreatePublishedAsync(admin, org, OpportunityData.Body(app, $"الأولى {m}"));
        var browser = await app.BrowserAsAsync(adminMember.Email, TestPeople.Password, "ar");
        Assert.Equal([first], await FindAsync(admin, $"q={m}"));
        var signedInPage = await browser.GetAsync($"/opportunities?q={m}");
        Assert.True(signedInPage.Headers.CacheControl?.NoStore);

        var second = (await SearchData.InsertAsync(app, org, [new($"الثانية {m}")])).Single();

        // Had the signed-in answers been stored, visitors would now get them without the second opportunity.
        Assert.Equal(Sorted(first, second), await FindAsync(app.Api(), $"q={m}"));
        Assert.Contains($"الثانية {m}", await app.Browser("ar").GetStringAsync($"/opportunities?q={m}"), StringComparison.Ordinal);

        var third = (await SearchData.InsertAsync(app, org, [new($"الثالثة {m}")])).Single();

        // Visitors keep the cached answers; bearer and cookie sessions read the database.
        Assert.Equal(Sorted(first, second), await FindAsync(app.Api(), $"q={m}"));
        Assert.DoesNotContain($"الثالثة {m}", await app.Browser("ar").GetStringAsync($"/opportunities?q={m}"), StringComparison.Ordinal);
        Assert.Equal(Sorted(first, second, third), await FindAsync(admin, $"q={m}"));
        Assert.Contains($"الثالثة {m}", await browser.GetStringAsync($"/opportunities?q={m}"), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task TheCulture_AndEveryQueryParameter_HaveTheirOwnCachedAnswer(TestDatabase database)
    {
        var app = apps.For(database);
        var (org, admin, _) = await OpportunityData.OrganizationAsync(app);
        var m = OpportunityData.Marker();
        var first = await OpportunityData.CreatePublishedAsync(admin, org, OpportunityData.Body(app, $"الأولى {m}", $"First {m}"));
        var arabicPage = await app.Browser("ar").GetStringAsync($"/opportunities?q={m}");
        Assert.Contains("lang=\"ar\"", arabicPage, StringComparison.Ordinal);
        Assert.Equal([first], await FindAsync(app.Api("ar"), $"q={m}"));

        var second = (await SearchData.InsertAsync(app, org, [new($"الثانية {m}", $"Second {m}")])).Single();

        var englishPage = await app.Browser("en").GetStringAsync($"/opportunities?q={m}");
        Assert.Contains("lang=\"en\"", englishPage, StringComparison.Ordinal);
        Assert.Contains($"Second {m}", englishPage, StringComparison.Ordinal);
        Assert.Equal(Sorted(first, second), await FindAsync(app.Api("en"), $"q={m}"));
        Assert.Equal(Sorted(first, second), await FindAsync(app.Api("ar"), $"q={m}&sort=newest"));
        Assert.Equal(Sorted(first, second), await FindAsync(app.Api("ar"), $"q={m}&regionId=1"));
        Assert.Equal([first], await FindAsync(app.Api("ar"), $"q={m}"));
        Assert.DoesNotContain($"الثانية {m}", await app.Browser("ar").GetStringAsync($"/opportunities?q={m}"), StringComparison.Ordinal);
    }
}
