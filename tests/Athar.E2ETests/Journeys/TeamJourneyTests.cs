using System.Text.RegularExpressions;
using Athar.E2ETests.Infrastructure;
using Athar.E2ETests.Pages;

namespace Athar.E2ETests.Journeys;

/// <summary>
/// The demo team leader (who holds the team-leadership licence) opens her team from "My teams", sees its
/// members (the demo volunteer among them), its verified team hours and achievements, and applies the team
/// to an opportunity's shift; the page says what happened to each member. Arabic and English each take
/// their own shift, as the class shares one database.
/// </summary>
[Collection(SharedBrowser.Name)]
public sealed class TeamJourneyTests(BrowserFixture browser, FakeClockServer server) : IClassFixture<FakeClockServer>
{
    private static readonly TextSource Teams = new("Athar.Web.Features.Teams.TeamsText");
    private const string Leader = "team.leader@athar.local";

    [Fact]
    public Task Team_InArabic_LeaderSeesTheTeamPage_AndAppliesTheTeamToAShift() =>
        JourneyAsync("ar", "حملة تنظيف شاطئ جدة", "فريق شباب حي العزيزية", "ريم إبراهيم الشهري", "Accepted");

    [Fact]
    public Task Team_InEnglish_LeaderSeesTheTeamPage_AndAppliesTheTeamToAShift() =>
        JourneyAsync("en", "Volunteering at King Abdulaziz Hospital", "Al Aziziyah Youth Team", "Reem Ibrahim Alshehri", "Pending");

    private async Task JourneyAsync(string language, string shiftTitle, string teamName, string memberName, string leaderStatus)
    {
        await using var session = await browser.OpenAsync(server);
        var login = await new LoginPage(session.Page).OpenAsync();
        if (language == "en")
            await login.SwitchLanguageAsync();
        await login.SignInAsync(Leader, TestPeople.DemoPassword);

        var mine = await new MyTeamsPage(session.Page).OpenAsync();
        await mine.ExpectLanguageAsync(language);
        await Expect(mine.Heading).ToHaveTextAsync(Teams.In(language, "Mine.Title"));
        await mine.OpenTeamAsync(teamName);

        var team = new TeamPage(session.Page);
        Assert.Matches("^/teams/[0-9a-f-]{36}$", team.Path);
        Assert.True(await team.IsStyledAsync(), "The team page is unstyled.");
        await Expect(team.Name).ToHaveTextAsync(teamName);
        await Expect(team.Members).ToHaveCountAsync(2);
        await Expect(team.Members.Filter(new() { HasTextString = memberName })).ToHaveCountAsync(1);
        await Expect(team.LicenceWarning).ToHaveCountAsync(0);
        // The demo volunteer's four verified hours were given on the team's applications.
        await Expect(team.Hours).ToHaveTextAsync(language == "ar" ? "٤" : "4");
        await Expect(team.Achievements).ToHaveCountAsync(1);
        await Expect(team.Achievements).ToHaveTextAsync(Teams.In(language, "Milestone.FirstTeamOpportunity"));
        var teamShot = await Screenshots.SaveAsync(session.Page, $"team-01-team-page-{language}");
        Assert.False(await team.HasHorizontalOverflowAsync(), "The team page scrolls sideways.");

        await team.OpenApplyAsync();
        var apply = new TeamApplyPage(session.Page);
        await apply.ExpectLanguageAsync(language);
        await Expect(apply.Heading).ToContainTextAsync(Teams.In(language, "Apply.Title"));
        await Expect(apply.MemberBoxes).ToHaveCountAsync(2);
        await apply.ApplyAsync(shiftTitle);

        await Expect(apply.Errors).ToHaveCountAsync(0);
        await Expect(apply.Results).ToHaveCountAsync(2);
        var leaderRow = apply.Results.Filter(new() { HasNotTextString = memberName });
        await Expect(leaderRow).ToHaveAttributeAsync("data-status", leaderStatus);
        await Expect(leaderRow).ToContainTextAsync(Teams.In(language, "Apply.Status." + leaderStatus));
        await Expect(apply.Results.Filter(new() { HasTextString = memberName })).ToHaveAttributeAsync("data-status", new Regex("^(Accepted|Pending|Refused)$"));
        Assert.False(await apply.HasHorizontalOverflowAsync(), "The team application page scrolls sideways.");
        var resultShot = await Screenshots.SaveAsync(session.Page, $"team-02-apply-results-{language}");

        // Back on the team page the opportunity is listed.
        await team.OpenAsync(team.Path.Replace("/apply", string.Empty, StringComparison.Ordinal));
        await Expect(team.Opportunities.Filter(new() { HasTextString = shiftTitle })).ToHaveCountAsync(1);
        // The public rankings list the demo volunteer (she opted in) and the team.
        var rankings = await new RankingsPage(session.Page).OpenAsync("?period=2026-11");
        await rankings.ExpectLanguageAsync(language);
        await Expect(rankings.Volunteers.Filter(new() { HasTextString = memberName })).ToHaveCountAsync(1);
        await Expect(rankings.Teams.Filter(new() { HasTextString = teamName })).ToHaveCountAsync(1);
        Assert.False(await rankings.HasHorizontalOverflowAsync(), "The rankings page scrolls sideways.");
        var rankingsShot = await Screenshots.SaveAsync(session.Page, $"team-03-rankings-{language}");
        Assert.Empty(session.Dialogs);
        Console.WriteLine($"Team journey ({language}): {teamShot}, {resultShot}, {rankingsShot}");
    }
}
