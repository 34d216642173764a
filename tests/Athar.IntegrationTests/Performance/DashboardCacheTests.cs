using System.Net.Http.Json;
using System.Text.Json;
using Athar.Core.Attendance;
using Athar.IntegrationTests.Infrastructure;
using Athar.Web.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Athar.IntegrationTests.Performance;

/// <summary>
/// The dashboards' figures cache (Athar:DashboardCache, off in the other tests): figures are served as computed until
/// they expire, each with the moment they were read, and an entry is never shared between viewers who see different
/// figures (another organisation, another culture's labels).
/// </summary>
public sealed class DashboardCacheTests
{
    private static readonly Dictionary<string, string?> CacheOn = new() { ["Athar:DashboardCache:Seconds"] = "60" };

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task OrganizationDashboard_KeepsItsFiguresUntilTheyExpire_AndNeverServesAnotherOrganizations(TestDatabase database)
    {
        await using var app = new AtharAppFactory(database, CacheOn);
        var (mine, admin, _) = await app.CreateVerifiedOrganizationAsync();
        var (other, otherAdmin, _) = await app.CreateVerifiedOrganizationAsync();
        var volunteers = await app.CreateVolunteersAsync(2);
        var opportunity = await app.CreatePublishedOpportunityAsync(mine, [app.ShiftFromNow(TimeSpan.FromDays(-3), TimeSpan.FromHours(3), 10)]);
        await app.CreateHoursAsync(mine, opportunity, 0, volunteers[0], 180, HoursStatus.Pending);
        // API clients keep no cookies, so no read-your-writes cookie from signing in makes them read fresh figures.
        var api = await app.ApiAsAsync(admin.Email, TestPeople.Password);
        var otherApi = await app.ApiAsAsync(otherAdmin.Email, TestPeople.Password);

        var first = await DashboardAsync(api, mine);
        Assert.Equal(1, first.GetProperty("hoursAwaitingApproval").GetInt32());
        // Keyed without the organisation, this would answer the first organisation's figure.
        Assert.Equal(0, (await DashboardAsync(otherApi, other)).GetProperty("hoursAwaitingApproval").GetInt32());

        await app.CreateHoursAsync(mine, opportunity, 0, volunteers[1], 120, HoursStatus.Pending);
        app.Clock.Advance(TimeSpan.FromSeconds(59));
        var kept = await DashboardAsync(api, mine);
        Assert.Equal(1, kept.GetProperty("hoursAwaitingApproval").GetInt32());
        Assert.Equal(first.GetProperty("computedAt").GetDateTimeOffset(), kept.GetProperty("computedAt").GetDateTimeOffset());

        app.Clock.Advance(TimeSpan.FromSeconds(1));
        var fresh = await DashboardAsync(api, mine);
        Assert.Equal(2, fresh.GetProperty("hoursAwaitingApproval").GetInt32());
        Assert.Equal(app.Clock.GetUtcNow(), fresh.GetProperty("computedAt").GetDateTimeOffset());

        // The page says how old its figures are.
        var browser = await app.BrowserAsAsync(admin.Email, TestPeople.Password);
        Assert.Contains("id=\"figures-as-of\"", await browser.GetStringAsync($"/org/{mine}/dashboard"), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task StatisticsDashboard_IsKeptPerCultureAndScope(TestDatabase database)
    {
        await using var app = new AtharAppFactory(database, CacheOn);
        var (_, admin, _) = await app.CreateVerifiedOrganizationAsync();
        var arabic = await app.ApiAsAsync("admin@athar.local", language: "ar");
        var english = await app.ApiAsAsync("admin@athar.local", language: "en");
        var staff = await app.ApiAsAsync(admin.Email, TestPeople.Password, language: "en");

        var national = await StatsAsync(arabic);
        var nationalInEnglish = await StatsAsync(english);
        var organizationOnly = await StatsAsync(staff);

        Assert.NotEqual(Title(national), Title(nationalInEnglish));
        Assert.Equal("National", nationalInEnglish.GetProperty("scope").GetString());
        Assert.Equal("Organization", organizationOnly.GetProperty("scope").GetString());
        // Only the national dashboard carries the national target; an organisation's must not be served the national entry.
        Assert.Equal(JsonValueKind.Object, nationalInEnglish.GetProperty("target").ValueKind);
        Assert.Equal(JsonValueKind.Null, organizationOnly.GetProperty("target").ValueKind);
        // A second request within the lifetime is the same entry: the same moment of computation.
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(national.GetProperty("computedAt").GetDateTimeOffset(), (await StatsAsync(arabic)).GetProperty("computedAt").GetDateTimeOffset());
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task OpenStatistics_AreKeptPerPeriodUntilTheyExpire_AndSayWhenTheyWereRead(TestDatabase database)
    {
        await using var app = new AtharAppFactory(database, CacheOn);
        await app.CreateVolunteersAsync(5);
        var anonymous = app.CreateClient();

        var first = await OpenAsync(anonymous);
        var registered = Registered(first);
        await app.CreateVolunteersAsync(5);
        app.Clock.Advance(TimeSpan.FromSeconds(59));
        var kept = await OpenAsync(anonymous);
        Assert.Equal(registered, Registered(kept));
        Assert.Equal(first.GetProperty("computedAt").GetDateTimeOffset(), kept.GetProperty("computedAt").GetDateTimeOffset());

        // Another period is another entry, not the kept one.
        var lastYear = first.GetProperty("period").GetProperty("year").GetInt32() - 1;
        Assert.Equal(lastYear, (await OpenAsync(anonymous, $"?period={lastYear}")).GetProperty("period").GetProperty("year").GetInt32());

        app.Clock.Advance(TimeSpan.FromSeconds(1));
        var fresh = await OpenAsync(anonymous);
        Assert.Equal(registered + 5, Registered(fresh));
        Assert.Equal(app.Clock.GetUtcNow(), fresh.GetProperty("computedAt").GetDateTimeOffset());

        // The page says how old its figures are.
        Assert.Contains("id=\"figures-as-of\"", await anonymous.GetStringAsync("/statistics"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConcurrentMisses_ComputeOnce_AndAFailureIsNotKept()
    {
        using var cache = new DashboardCache(Options.Create(new DashboardCacheOptions { Seconds = 30 }), new FakeTimeProvider(), new HttpContextAccessor());
        var computations = 0;
        var release = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        async Task<int> SlowAsync(CancellationToken _)
        {
            Interlocked.Increment(ref computations);
            return await release.Task;
        }

        var first = cache.GetOrComputeAsync("k", SlowAsync, CancellationToken.None);
        var second = cache.GetOrComputeAsync("k", SlowAsync, CancellationToken.None);
        release.SetResult(42);
        Assert.Equal(42, (await first).Value);
        Assert.Equal(42, (await second).Value);
        Assert.Equal(1, computations);

        await Assert.ThrowsAsync<InvalidOperationException>(() => cache.GetOrComputeAsync<int>("failing", _ => throw new InvalidOperationException(), CancellationToken.None));
        Assert.Equal(7, (await cache.GetOrComputeAsync("failing", _ => Task.FromResult(7), CancellationToken.None)).Value);
    }

    private static async Task<JsonElement> DashboardAsync(HttpClient api, Guid organizationId) =>
        await api.GetFromJsonAsync<JsonElement>($"/api/v1/organizations/{organizationId}/dashboard");

    private static async Task<JsonElement> StatsAsync(HttpClient api) => await api.GetFromJsonAsync<JsonElement>("/api/v1/stats/dashboard");

    private static async Task<JsonElement> OpenAsync(HttpClient anonymous, string query = "") =>
        await anonymous.GetFromJsonAsync<JsonElement>("/api/v1/stats" + query);

    private static decimal Registered(JsonElement open) => open.GetProperty("registeredVolunteers").GetProperty("value").GetDecimal();

    private static string? Title(JsonElement dashboard) => dashboard.GetProperty("tables")[0].GetProperty("title").GetString();
}
