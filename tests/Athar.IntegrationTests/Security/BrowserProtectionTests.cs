using System.Net;
using Athar.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Athar.IntegrationTests.Security;

/// <summary>Cookie flags, security headers (HSTS included) and antiforgery on every page that accepts a form.</summary>
public sealed class BrowserProtectionTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static IEnumerable<string> CookiesSet(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];

    private static string Cookie(IEnumerable<string> cookies, string name) =>
        Assert.Single(cookies, c => c.StartsWith(name + "=", StringComparison.Ordinal)).ToLowerInvariant();

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task SessionAndAntiforgeryCookies_AreSecure_HttpOnly_AndSameSite(TestDatabase database)
    {
        var app = fixture.For(database);
        var client = app.Browser();

        var form = await client.GetAsync("/account/login");
        var antiforgery = Cookie(CookiesSet(form), "__Host-athar.af");
        var token = await client.AntiforgeryTokenAsync("/account/login");
        var signIn = await client.PostAsync("/account/login", new FormUrlEncodedContent(
            [new("Input.Identifier", "volunteer@athar.local"), new("Input.Password", TestPeople.DemoPassword), new("__RequestVerificationToken", token)]));
        var session = Cookie(CookiesSet(signIn), "__Host-athar.auth");
        var adminFirstStep = await app.Browser().PostFormAsync("/account/login", [new("Input.Identifier", "admin@athar.local"), new("Input.Password", TestPeople.DemoPassword)]);
        var twoFactor = Cookie(CookiesSet(adminFirstStep), "__Host-athar.2fa");

        foreach (var cookie in new[] { antiforgery, session, twoFactor })
        {
            Assert.Contains("; secure", cookie, StringComparison.Ordinal);
            Assert.Contains("; httponly", cookie, StringComparison.Ordinal);
            Assert.Contains("; samesite=", cookie, StringComparison.Ordinal);
        }
        Assert.Contains("; samesite=strict", antiforgery, StringComparison.Ordinal);
        Assert.Contains("; samesite=lax", session, StringComparison.Ordinal);
        // __Host- cookies (ASVS 3.3.1, 3.3.3): the browser keeps them only with Secure, Path=/ and no Domain.
        foreach (var cookie in new[] { antiforgery, session, twoFactor })
        {
            Assert.Contains("; path=/;", cookie + ";", StringComparison.Ordinal);
            Assert.DoesNotContain("domain=", cookie, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task OverPlainHttp_TheCookiesGoWithoutTheHostPrefix_AndTheFormsStillWork(TestDatabase database)
    {
        // Browsers refuse a __Host- cookie that is not Secure; on http (development, the browser tests) the app
        // sets and reads the plain names.
        var app = fixture.For(database);
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://localhost"), AllowAutoRedirect = false });

        var form = await client.GetAsync("/account/login");
        Assert.DoesNotContain(CookiesSet(form), c => c.StartsWith("__Host-", StringComparison.Ordinal));
        Cookie(CookiesSet(form), "athar.af");
        // The antiforgery cookie comes back under its plain name and is still recognised: the sign-in goes through.
        var signIn = await client.PostFormAsync("/account/login", [new("Input.Identifier", "volunteer@athar.local"), new("Input.Password", TestPeople.DemoPassword)]);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Cookie(CookiesSet(signIn), "athar.auth");
        Assert.DoesNotContain(CookiesSet(signIn), c => c.StartsWith("__Host-", StringComparison.Ordinal));
        // The two-factor step's cookie likewise.
        var admin = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://localhost"), AllowAutoRedirect = false });
        var firstStep = await admin.PostFormAsync("/account/login", [new("Input.Identifier", "admin@athar.local"), new("Input.Password", TestPeople.DemoPassword)]);
        Cookie(CookiesSet(firstStep), "athar.2fa");
        Assert.DoesNotContain(CookiesSet(firstStep), c => c.StartsWith("__Host-", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Responses_CarryTheSecurityHeaders_AndHttpsAsksForStrictTransport(TestDatabase database)
    {
        var app = fixture.For(database);
        // HSTS is never sent for localhost; a real host name gets it.
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://athar.test"), AllowAutoRedirect = false });

        foreach (var path in new[] { "/", "/api/v1/regions", "/no-such-page" })
        {
            var response = await client.GetAsync(path);
            var hsts = response.Headers.GetValues("Strict-Transport-Security").Single();
            Assert.Contains("max-age=31536000", hsts, StringComparison.Ordinal);
            Assert.Contains("includeSubDomains", hsts, StringComparison.Ordinal);
            Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
            Assert.Contains("base-uri 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
            Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
            Assert.Equal("same-origin", response.Headers.GetValues("Cross-Origin-Opener-Policy").Single());
        }
    }

    [Fact]
    public async Task EveryPage_RefusesAFormPostWithoutTheAntiforgeryToken()
    {
        var app = fixture.For(TestDatabase.Sqlite);
        var people = new[] { await app.BrowserAsAsync("volunteer@athar.local"), await app.BrowserAsAsync("org.admin@athar.local"), await app.BrowserAsAsync("admin@athar.local"), app.Browser() };
        var organization = await app.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(
            db.Organizations.Where(o => o.RegistrationNumber == "DEMO-makkah-centres").Select(o => o.Id)));
        var pages = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<ActionDescriptor>() is PageActionDescriptor)
            .Select(e => "/" + System.Text.RegularExpressions.Regex.Replace(e.RoutePattern.RawText!.TrimStart('/'), @"\{[^}]+\}", _ => organization.ToString()))
            .ToList();
        Assert.True(pages.Count > 50, $"Only {pages.Count} pages found.");

        var accepted = new List<string>();
        foreach (var page in pages)
        {
            foreach (var client in people)
            {
                var response = await client.PostAsync(page, new FormUrlEncodedContent([new("anything", "1")]));
                var location = response.Headers.Location?.OriginalString ?? string.Empty;
                var refusedBeforeTheForm = response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound or HttpStatusCode.Unauthorized
                    || (response.StatusCode == HttpStatusCode.Redirect && (location.Contains("/account/login", StringComparison.Ordinal) || location.Contains("/account/access-denied", StringComparison.Ordinal)));
                if (response.StatusCode != HttpStatusCode.BadRequest && !refusedBeforeTheForm)
                    accepted.Add($"{page}: {(int)response.StatusCode} {location}");
            }
        }

        Assert.True(accepted.Count == 0, "Form posts accepted without an antiforgery token:\n" + string.Join('\n', accepted));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task SignedInAndPersonalResponses_AreNotStored_WhileStaticFilesAndPublicPagesKeepTheirCaching(TestDatabase database)
    {
        var app = fixture.For(database);
        static string CacheControl(HttpResponseMessage response) => response.Headers.CacheControl?.ToString() ?? string.Empty;

        var browser = await app.BrowserAsAsync("volunteer@athar.local");
        var api = await app.ApiAsAsync("volunteer@athar.local");
        foreach (var response in new[]
                 {
                     await browser.GetAsync("/profile"), await browser.GetAsync("/"), await browser.GetAsync("/account/password"),
                     await api.GetAsync("/api/v1/me/"), await api.GetAsync("/api/v1/regions"), await app.Api().GetAsync("/api/v1/verify/NO-SUCH-CODE"),
                 })
            Assert.Contains("no-store", CacheControl(response), StringComparison.Ordinal);

        var anonymous = app.Browser();
        Assert.DoesNotContain("no-store", CacheControl(await app.Api().GetAsync("/api/v1/regions")), StringComparison.Ordinal);
        var home = await anonymous.GetStringAsync("/");
        var stylesheet = System.Text.RegularExpressions.Regex.Match(home, "href=\"(/[^\"]+\\.css)\"").Groups[1].Value;
        Assert.NotEmpty(stylesheet);
        var css = await browser.GetAsync(stylesheet);
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.DoesNotContain("no-store", CacheControl(css), StringComparison.Ordinal);
    }
}
