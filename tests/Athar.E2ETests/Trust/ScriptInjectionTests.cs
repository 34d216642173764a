using System.Runtime.CompilerServices;
using Athar.Core.Opportunities;
using Athar.E2ETests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Athar.E2ETests.Trust;

/// <summary>
/// Stored XSS, proven in Chromium: every free-text column holds a script payload (<see cref="ScriptPayloads"/>),
/// and every page that shows them is opened as each kind of visitor, in Arabic and English. A recorder defined
/// before any page script catches a payload that runs; a dialog would be caught by the session. Each page must
/// also show payload text, so a page that hid the data could not pass by accident.
/// </summary>
[Collection(SharedBrowser.Name)]
public sealed class ScriptInjectionTests(BrowserFixture browser, AtharServer server) : IClassFixture<AtharServer>
{
    private static readonly ConditionalWeakTable<AtharServer, Task<Ids>> Prepared = [];

    private sealed record Ids(IReadOnlyList<string> Fields, Guid Organization, Guid Opportunity, Guid Team, Guid Program, Guid Initiative, Guid Course, Guid Idea, Guid AwardCycle);

    private Task<Ids> PrepareAsync() => Prepared.GetValue(server, async s =>
    {
        var fields = await ScriptPayloads.WriteAsync(s);
        return await s.QueryAsync(async db =>
        {
            var organization = await db.Organizations.Where(o => o.RegistrationNumber == TestPeople.DemoOrganizationRegistration).Select(o => o.Id).SingleAsync();
            return new Ids(
                fields,
                organization,
                await db.Opportunities.Where(o => o.OrganizationId == organization && o.Status == OpportunityStatus.Published).Select(o => o.Id).FirstAsync(),
                await db.Teams.Select(t => t.Id).FirstAsync(),
                await db.Programs.Select(p => p.Id).FirstAsync(),
                await db.Initiatives.Select(i => i.Id).FirstAsync(),
                await db.Courses.Select(c => c.Id).FirstAsync(),
                await db.Ideas.Select(i => i.Id).FirstAsync(),
                await db.AwardCycles.Select(c => c.Id).FirstAsync());
        });
    });

    [Fact]
    public async Task Payloads_CoverEveryFeaturesFreeText()
    {
        var ids = await PrepareAsync();

        foreach (var field in new[]
                 {
                     "AspNetUsers.FullNameAr", "AspNetUsers.FullNameEn", "Volunteers.Skills", "Organizations.NameAr", "Organizations.Website",
                     "Opportunities.TitleAr", "Opportunities.DescriptionEn", "Opportunities.RequiredSkills", "Opportunities.Address", "Teams.NameAr",
                     "Programs.TitleAr", "ProgramTracks.NameEn", "Initiatives.DescriptionAr", "Courses.TitleEn", "Ideas.Title", "AwardNominations.Statement",
                     "Notifications.Link",
                 })
            Assert.Contains(field, ids.Fields);
    }

    [Fact]
    public async Task Recorder_CatchesAPayloadThatRuns()
    {
        await PrepareAsync();
        await using var session = await OpenAsync();
        await session.Page.GotoAsync("/");

        await session.Page.EvaluateAsync("() => { document.body.insertAdjacentHTML('beforeend', \"<img src=x onerror=\\\"__xss('probe')\\\">\"); }");

        await Expect(session.Page.Locator("img[src=x]")).ToHaveCountAsync(1);
        await session.Page.WaitForFunctionAsync("() => window.__xssCalls.length > 0");
        Assert.Equal(["probe"], await session.Page.EvaluateAsync<string[]>("() => window.__xssCalls"));
    }

    [Fact]
    public async Task PublicPages_ShowPayloadsAsText_AndRunNone()
    {
        var ids = await PrepareAsync();
        await using var session = await OpenAsync();

        await AssertNothingRunsAsync(session, null,
        [
            "/opportunities", $"/opportunities/{ids.Opportunity}", $"/organizations/{ids.Organization}",
            "/programs", $"/programs/{ids.Program}", "/initiatives", $"/initiatives/{ids.Initiative}",
            "/training", $"/training/{ids.Course}",
            "/rankings", "/honours",
        ]);
    }

    [Fact]
    public async Task VolunteerPages_ShowPayloadsAsText_AndRunNone()
    {
        var ids = await PrepareAsync();
        await using var session = await OpenAsync();

        await AssertNothingRunsAsync(session, TestPeople.DemoVolunteer,
        [
            "/profile", "/profile/edit", "/record", "/me/applications", "/me/certificates", "/me/card",
            "/me/licenses", "/me/training", "/me/teams", "/me/ideas", "/notifications",
            "/teams", $"/teams/{ids.Team}", $"/opportunities/{ids.Opportunity}/apply", $"/organizations/{ids.Organization}/ideas/new",
        ]);
    }

    [Fact]
    public async Task OrganizationStaffPages_ShowPayloadsAsText_AndRunNone()
    {
        var ids = await PrepareAsync();
        await using var session = await OpenAsync();
        var org = $"/org/{ids.Organization}";

        await AssertNothingRunsAsync(session, TestPeople.DemoOrganizationAdmin,
        [
            "/org", org, $"{org}/opportunities", $"{org}/applicants",
            $"{org}/teams", $"{org}/members", $"{org}/ideas", $"{org}/ideas/{ids.Idea}",
            $"/opportunities/{ids.Opportunity}/edit",
        ]);
    }

    [Fact]
    public async Task PlatformAdminPages_ShowPayloadsAsText_AndRunNone()
    {
        var ids = await PrepareAsync();
        await using var session = await OpenAsync();

        await AssertNothingRunsAsync(session, TestPeople.DemoAdmin,
        [
            "/admin", "/admin/organizations", "/admin/licenses", $"/admin/awards/{ids.AwardCycle}",
            "/training/manage", $"/training/{ids.Course}/roster",
            $"/programs/edit/{ids.Program}", $"/initiatives/edit/{ids.Initiative}", $"/training/edit/{ids.Course}",
        ]);
    }

    /// <summary>
    /// A visitor whose browser ignores the app's Content-Security-Policy: the policy would stop inline handlers
    /// anyway, and this test proves the output encoding alone (the headers have their own tests).
    /// </summary>
    private async Task<BrowserSession> OpenAsync()
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = server.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            BypassCSP = true,
        });
        context.SetDefaultTimeout(10_000);
        context.SetDefaultNavigationTimeout(15_000);
        await context.AddInitScriptAsync(ScriptPayloads.RecorderScript);
        return new BrowserSession(context, await context.NewPageAsync());
    }

    /// <summary>Opens each page in Arabic and in English; collects what ran, any script address, and pages that show no payload (each listed page shows stored text).</summary>
    private static async Task AssertNothingRunsAsync(BrowserSession session, string? signIn, IReadOnlyList<string> paths)
    {
        var problems = await PageTour.RunAsync(session, signIn, paths, async (page, _, _) =>
        {
            var found = new List<string>();
            // Two frames: handlers fired by parsing (ontoggle, onload) have run by then.
            await page.EvaluateAsync("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))");
            var ran = await page.EvaluateAsync<string[]>("() => window.__xssCalls");
            if (ran.Length > 0)
                found.Add($"ran {string.Join(", ", ran)}");
            var addresses = await page.EvaluateAsync<string[]>(
                """
                () => [...document.querySelectorAll('[href], [src], [action], [formaction]')]
                  .flatMap(e => ['href', 'src', 'action', 'formaction'].map(a => e.getAttribute(a)))
                  .filter(v => v && /^[\s\u0000-\u001f]*(javascript|vbscript|data:text)/i.test(v))
                """);
            if (addresses.Length > 0)
                found.Add($"script address {string.Join(", ", addresses)}");
            // Shown as text, or held as the value of a form field (edit pages), where attribute breakers land.
            var shown = await page.EvaluateAsync<string>(
                "() => document.body.innerText + [...document.querySelectorAll('input, textarea')].map(e => e.value).join(' ')");
            if (!shown.Contains(ScriptPayloads.VisibleMarker, StringComparison.Ordinal))
                found.Add("no payload shown as text");
            return found;
        });
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
