using Athar.Core.Teams;

namespace Athar.Core.Tests.Teams;

public sealed class TeamRulesTests
{
    [Fact]
    public void Validate_NeedsAnArabicName_AndACityInTheRegion()
    {
        var (team, errors) = TeamRules.Validate(new TeamInput { NameAr = " ", RegionId = 1, CityId = 201 });

        Assert.Null(team);
        Assert.Contains(errors, e => e.Field == nameof(TeamInput.NameAr) && e.Code == "Field.Required");
        Assert.Contains(errors, e => e.Field == nameof(TeamInput.CityId) && e.Code == "City.NotInRegion");
    }

    [Fact]
    public void Validate_RefusesMarkup_AndTrimsText()
    {
        Assert.Contains(TeamRules.Validate(new TeamInput { NameAr = "<b>فريق</b>", RegionId = 2, CityId = 201 }).Errors, e => e.Code == "Text.Unsafe");
        Assert.Equal("فريق الحي", TeamRules.Validate(new TeamInput { NameAr = "  فريق الحي ", RegionId = 2, CityId = 201 }).Team!.NameAr);
    }

    [Theory]
    [InlineData(TeamRole.Leader, TeamMemberState.Active, true)]
    [InlineData(TeamRole.Deputy, TeamMemberState.Active, true)]
    [InlineData(TeamRole.Member, TeamMemberState.Active, false)]
    [InlineData(TeamRole.Deputy, TeamMemberState.Left, false)]
    [InlineData(TeamRole.Leader, TeamMemberState.Removed, false)]
    public void OnlyActiveLeadersAndDeputies_RunTheTeam(TeamRole role, TeamMemberState state, bool runs) =>
        Assert.Equal(runs, TeamRules.Runs(role, state));

    [Fact]
    public void TheLeaderCannotLeave_AndALapsedLicenceBlocksTeamApplications()
    {
        Assert.Equal("team-leader-cannot-leave", TeamRules.LeaveBlocker(TeamRole.Leader, TeamMemberState.Active));
        Assert.Null(TeamRules.LeaveBlocker(TeamRole.Deputy, TeamMemberState.Active));
        Assert.Equal("team-leader-licence-invalid", TeamRules.TeamApplicationBlocker(closed: false, leaderLicenceValid: false));
        Assert.Equal("team-closed", TeamRules.TeamApplicationBlocker(closed: true, leaderLicenceValid: true));
        Assert.Null(TeamRules.TeamApplicationBlocker(closed: false, leaderLicenceValid: true));
    }

    [Fact]
    public void ASecondRequestOrInvitation_IsRefused_ButLeftOrDeclinedMayAskAgain()
    {
        Assert.Equal("team-already-requested", TeamRules.RequestBlocker(TeamMemberState.Requested));
        Assert.Equal("team-already-invited", TeamRules.InviteBlocker(TeamMemberState.Invited));
        Assert.Null(TeamRules.RequestBlocker(TeamMemberState.Left));
        Assert.Null(TeamRules.RequestBlocker(TeamMemberState.Declined));
        Assert.Null(TeamRules.InviteBlocker(TeamMemberState.Requested));
    }
}
