namespace Athar.E2ETests.Pages;

/// <summary>/me/teams: the signed-in person's teams.</summary>
public sealed class MyTeamsPage(IPage page) : AtharPage(page)
{
    public ILocator Teams => Page.Locator("#my-teams li");

    public ILocator TeamLink(string name) => Page.Locator("#my-teams a", new() { HasTextString = name });

    public async Task<MyTeamsPage> OpenAsync()
    {
        await GotoAsync("/me/teams");
        return this;
    }

    public Task OpenTeamAsync(string name) => ClickAndWaitForPageAsync(TeamLink(name));
}

/// <summary>/teams/{id}: members, team hours, achievements, opportunities, and the leader's "apply as a team".</summary>
public sealed class TeamPage(IPage page) : AtharPage(page)
{
    public ILocator Name => Page.Locator("#team-name");

    public ILocator Members => Page.Locator("#team-members .member-name");

    public ILocator Hours => Page.Locator("#team-hours");

    public ILocator Achievements => Page.Locator("#team-achievements li");

    public ILocator Opportunities => Page.Locator("#team-opportunities tbody tr");

    public ILocator LicenceWarning => Page.Locator("#leader-licence-warning");

    public ILocator ApplyButton => Page.Locator("#apply-as-team");

    public Task OpenApplyAsync() => ClickAndWaitForPageAsync(ApplyButton);

    public async Task<TeamPage> OpenAsync(string path)
    {
        await GotoAsync(path);
        return this;
    }
}

/// <summary>/teams/{id}/apply: a shift, the members, and what happened to each.</summary>
public sealed class TeamApplyPage(IPage page) : AtharPage(page)
{
    public ILocator Shift(string title) => Page.Locator("#team-apply-form .form-check", new() { Has = Page.Locator(".shift-title", new() { HasTextString = title }) }).First;

    public ILocator MemberBoxes => Page.Locator("#team-apply-form input[name=MemberIds]");

    public ILocator Results => Page.Locator("#team-apply-results .member-result");

    public ILocator Errors => Page.Locator("#apply-errors li:not(:empty)");

    public async Task ApplyAsync(string shiftTitle)
    {
        await Shift(shiftTitle).Locator("input[type=radio]").CheckAsync();
        await ClickAndWaitForPageAsync(Page.Locator("#team-apply-submit"));
    }
}

/// <summary>/rankings: top volunteers (opted in), organisations and teams.</summary>
public sealed class RankingsPage(IPage page) : AtharPage(page)
{
    public ILocator Volunteers => Page.Locator("#ranking-volunteers .ranking-row");

    public ILocator Teams => Page.Locator("#ranking-teams .ranking-row");

    public async Task<RankingsPage> OpenAsync(string query = "")
    {
        await GotoAsync("/rankings" + query);
        return this;
    }
}
