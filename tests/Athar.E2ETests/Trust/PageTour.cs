using Athar.E2ETests.Infrastructure;
using Athar.E2ETests.Pages;

namespace Athar.E2ETests.Trust;

/// <summary>
/// Opens a list of pages as one visitor, in Arabic then English, runs a check on each and gathers every
/// problem (a refused or redirected page counts as one), so a single run names all that is wrong.
/// </summary>
public static class PageTour
{
    public delegate Task<IEnumerable<string>> PageCheck(IPage page, string language, string path);

    public static async Task<IReadOnlyList<string>> RunAsync(BrowserSession session, string? signIn, IEnumerable<string> paths, PageCheck check)
    {
        var page = session.Page;
        if (signIn is not null)
        {
            var login = await new LoginPage(page).OpenAsync();
            await login.SignInAsync(signIn, TestPeople.DemoPassword);
        }
        var problems = new List<string>();
        foreach (var language in new[] { "ar", "en" })
        {
            await page.GotoAsync($"/language/{language}?returnUrl=/");
            foreach (var path in paths)
            {
                var response = await page.GotoAsync(path);
                var landed = new Uri(page.Url).AbsolutePath;
                if (response is null || response.Status >= 400 || landed != path.Split('?')[0])
                {
                    problems.Add($"{language} {path}: HTTP {response?.Status} at {landed}");
                    continue;
                }
                problems.AddRange((await check(page, language, path)).Select(p => $"{language} {path}: {p}"));
            }
        }
        problems.AddRange(session.Dialogs.Select(d => $"dialog {d}"));
        return problems;
    }
}
