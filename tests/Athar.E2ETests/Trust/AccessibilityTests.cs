using Athar.Core.Opportunities;
using Athar.E2ETests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Athar.E2ETests.Trust;

/// <summary>
/// axe-core (npm, read from src/Athar.Web/node_modules: never fetched from the internet, never committed) runs
/// on the main pages of each kind of visitor, in Arabic and English, and finds no serious or critical WCAG 2.1
/// A/AA violation.
/// </summary>
[Collection(SharedBrowser.Name)]
public sealed class AccessibilityTests(BrowserFixture browser, AtharServer server) : IClassFixture<AtharServer>
{
    private static readonly string AxeScript = FindAxe();

    [Fact]
    public async Task PublicPages_HaveNoSeriousViolations()
    {
        var opportunity = await server.QueryAsync(db => db.Opportunities.Where(o => o.Status == OpportunityStatus.Published).Select(o => o.Id).FirstAsync());
        var program = await server.QueryAsync(db => db.Programs.Select(p => p.Id).FirstAsync());
        var course = await server.QueryAsync(db => db.Courses.Select(c => c.Id).FirstAsync());

        await AssertNoSeriousViolationsAsync(null,
            "/", "/opportunities", $"/opportunities/{opportunity}", "/account/register", "/account/login", "/statistics",
            "/training", $"/training/{course}", "/programs", $"/programs/{program}", "/rankings", "/honours");
    }

    [Fact]
    public async Task VolunteerPages_HaveNoSeriousViolations() =>
        await AssertNoSeriousViolationsAsync(TestPeople.DemoVolunteer,
            "/record", "/profile", "/profile/edit", "/me/certificates", "/me/applications", "/me/teams", "/teams", "/notifications");

    [Fact]
    public async Task OrganizationPages_HaveNoSeriousViolations()
    {
        var organization = await server.QueryAsync(db => db.Organizations.Where(o => o.RegistrationNumber == TestPeople.DemoOrganizationRegistration).Select(o => o.Id).SingleAsync());

        await AssertNoSeriousViolationsAsync(TestPeople.DemoOrganizationAdmin,
            $"/org/{organization}/dashboard", $"/org/{organization}/opportunities", $"/org/{organization}/applicants",
            $"/org/{organization}/opportunities/new", $"/org/{organization}/hours");
    }

    [Fact]
    public async Task PlatformAdminPages_HaveNoSeriousViolations() =>
        await AssertNoSeriousViolationsAsync(TestPeople.DemoAdmin,
            "/admin", "/admin/organizations", "/admin/licenses", "/admin/awards", "/statistics/dashboard");

    private async Task AssertNoSeriousViolationsAsync(string? signIn, params string[] paths)
    {
        await using var session = await browser.OpenAsync(server);
        // An init script runs outside the page's Content-Security-Policy, so the app's policy stays as it is.
        await session.Context.AddInitScriptAsync(AxeScript);
        var problems = await PageTour.RunAsync(session, signIn, paths, async (page, language, path) =>
        {
            if (path is "/" or "/opportunities")
                await Screenshots.SaveAsync(page, $"a11y-{(path == "/" ? "home" : "search")}-{language}");
            return await page.EvaluateAsync<string[]>(
                """
                async () => {
                  const result = await axe.run(document, {
                    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
                    resultTypes: ['violations'],
                  });
                  return result.violations
                    .filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => `${v.id} (${v.impact}): ${v.nodes.slice(0, 4).map(n => n.target.join(' ')).join(' | ')}`);
                }
                """);
        });
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>axe.min.js from the web project's node_modules (the web build runs npm ci, which installs dev dependencies).</summary>
    private static string FindAxe()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "src", "Athar.Web", "node_modules", "axe-core", "axe.min.js");
            if (File.Exists(path))
                return File.ReadAllText(path);
        }
        throw new FileNotFoundException("axe-core is missing: run npm ci in src/Athar.Web (the web build does it).");
    }
}
