using System.Net;
using Athar.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Athar.IntegrationTests.Platform;

public sealed class PlatformTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Health_ReportsHealthy_WithTheDatabaseReachable(TestDatabase database)
    {
        var response = await fixture.For(database).Api().GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task OpenApi_DescribesTheVersionedApi_AndTheReferencePageIsServed(TestDatabase database)
    {
        var app = fixture.For(database);

        var document = await (await app.Api().GetAsync("/openapi/v1.json")).ReadJsonAsync();
        var docsPage = await app.Api().GetAsync("/api-docs/v1");

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/v1/auth/register", paths);
        Assert.Contains("/api/v1/auth/login", paths);
        Assert.Contains("/api/v1/me", paths);
        Assert.Equal(HttpStatusCode.OK, docsPage.StatusCode);
        var html = await docsPage.Content.ReadAsStringAsync();
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Pages_CarrySecurityHeaders(TestDatabase database)
    {
        var response = await fixture.For(database).Browser().GetAsync("/");

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("base-uri 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Pages_AreArabicRtlByDefault_AndEnglishLtrAfterTheSwitch(TestDatabase database)
    {
        var app = fixture.For(database);
        var client = app.Browser();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-US");

        var arabic = await client.GetStringAsync("/");
        var switched = await client.GetAsync("/language/en?returnUrl=%2Faccount%2Flogin");
        var english = await client.GetStringAsync("/account/login");
        var offsite = await client.GetAsync("/language/ar?returnUrl=%2F%2Fevil.example");

        Assert.Contains("<html lang=\"ar\" dir=\"rtl\">", arabic, StringComparison.Ordinal);
        Assert.Contains("bootstrap.rtl.min", arabic, StringComparison.Ordinal);
        Assert.Equal("/account/login", switched.Headers.Location?.OriginalString);
        Assert.Contains("<html lang=\"en\" dir=\"ltr\">", english, StringComparison.Ordinal);
        Assert.Contains("Sign in", english, StringComparison.Ordinal);
        Assert.Equal("/", offsite.Headers.Location?.OriginalString);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task HomePage_ShowsGregorianAndHijriDates_AndArabicDigits(TestDatabase database)
    {
        var app = fixture.For(database);

        var arabic = await app.Browser().GetStringAsync("/");
        var english = await app.Browser("en").GetStringAsync("/");

        // The fake clock says 23 November 2026 = 13 Jumada al-Akhirah 1448.
        Assert.Contains("٢٣ نوفمبر ٢٠٢٦ م (١٣ جمادى الآخرة ١٤٤٨ هـ)", arabic, StringComparison.Ordinal);
        Assert.Contains("23 November 2026 (13 Jumada al-Akhirah 1448 AH)", english, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task ReferenceData_IsSeededByMigration(TestDatabase database)
    {
        var app = fixture.For(database);

        var regions = await (await app.Api("en").GetAsync("/api/v1/regions")).ReadJsonAsync();
        var cities = await (await app.Api().GetAsync("/api/v1/regions/2/cities")).ReadJsonAsync();
        var fields = await app.QueryAsync(db => db.Fields.CountAsync());
        var roles = await app.QueryAsync(db => db.Roles.Select(r => r.Name).ToListAsync());

        Assert.Equal(13, regions.GetArrayLength());
        Assert.Contains(cities.EnumerateArray(), c => c.GetProperty("nameAr").GetString() == "جدة");
        Assert.True(fields >= 30);
        Assert.Equal(Core.Accounts.Roles.All.Order(), roles.Order());
        Assert.Equal(HttpStatusCode.NotFound, (await app.Api().GetAsync("/api/v1/regions/99/cities")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Migrations_MatchTheModel(TestDatabase database)
    {
        var app = fixture.For(database);

        var pending = await app.QueryAsync(db => Task.FromResult(db.Database.HasPendingModelChanges()));
        var unapplied = await app.QueryAsync(db => db.Database.GetPendingMigrationsAsync());

        Assert.False(pending, $"The {database} migrations are behind the model: add a migration to both providers.");
        Assert.Empty(unapplied);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task UnknownPage_Gets404Page_AndUnknownApi_Gets404ProblemDetails(TestDatabase database)
    {
        var app = fixture.For(database);

        var page = await app.Browser().GetAsync("/no-such-page");
        var api = await app.Api().GetAsync("/api/v1/no-such-thing");

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Contains("الصفحة غير موجودة", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
    }
}
