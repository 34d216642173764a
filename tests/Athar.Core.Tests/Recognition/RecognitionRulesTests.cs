using Athar.Core.Recognition;

namespace Athar.Core.Tests.Recognition;

public sealed class RecognitionRulesTests
{
    private static readonly TierOptions Defaults = new();

    [Theory]
    [InlineData(0, Tier.None)]
    [InlineData(0.5, Tier.Bronze)]
    [InlineData(500, Tier.Bronze)]
    [InlineData(500.01, Tier.Silver)]
    [InlineData(1000, Tier.Silver)]
    [InlineData(1000.5, Tier.Gold)]
    public void Tier_IsReachedByGoingOverItsThreshold(double hours, Tier expected) =>
        Assert.Equal(expected, TierRules.For((decimal)hours, Defaults));

    [Fact]
    public void Tier_FollowsConfiguredThresholds()
    {
        var options = new TierOptions { BronzeOver = 10, SilverOver = 100, GoldOver = 200 };

        Assert.Equal(Tier.None, TierRules.For(10, options));
        Assert.Equal(Tier.Silver, TierRules.For(150, options));
        Assert.Equal((Tier.Gold, 50m), TierRules.Next(150, options));
        Assert.Null(TierRules.Next(201, options));
    }

    [Fact]
    public void Tiers_ThatDoNotRise_AreInvalid()
    {
        Assert.True(TierRules.AreValid(Defaults));
        Assert.False(TierRules.AreValid(new TierOptions { SilverOver = 1000, GoldOver = 1000 }));
        Assert.False(TierRules.AreValid(new TierOptions { BronzeOver = -1 }));
    }

    [Fact]
    public void Badges_AreEarnedAtEachMilestone_AndNotBefore()
    {
        Assert.Empty(BadgeRules.Earned(new RecognitionFacts(0, 0, 0)));
        Assert.Equal([Badge.FirstOpportunity], BadgeRules.Earned(new RecognitionFacts(49.99m, 3, 0)));
        Assert.Equal([Badge.FirstOpportunity, Badge.FirstLicense, Badge.Hours50, Badge.Hours100, Badge.Hours250],
            BadgeRules.Earned(new RecognitionFacts(250, 9, 1)));
        Assert.Equal(7, BadgeRules.Earned(new RecognitionFacts(1000, 1, 2)).Count);
    }

    [Fact]
    public void Ranking_SharesRanksOnTies_AndSkipsAfterThem()
    {
        var ranked = CompetitionRanking.Rank([("b", 5m), ("a", 5m), ("c", 3m), ("d", 3m), ("e", 1m), ("zero", 0m)], x => x.Item2, x => x.Item1, top: 10);

        Assert.Equal([1, 1, 3, 3, 5], ranked.Select(r => r.Rank));
        Assert.Equal(["a", "b", "c", "d", "e"], ranked.Select(r => r.Item.Item1));
    }

    [Fact]
    public void Ranking_KeepsEveryTieAtTheCutOff()
    {
        var ranked = CompetitionRanking.Rank([("a", 9m), ("b", 7m), ("c", 7m), ("d", 7m), ("e", 6m)], x => x.Item2, x => x.Item1, top: 2);

        Assert.Equal([1, 2, 2, 2], ranked.Select(r => r.Rank));
    }

    [Fact]
    public void TeamMilestones_FollowTeamHours()
    {
        Assert.Empty(TeamMilestones.Reached(0, 0));
        Assert.Equal([TeamMilestone.FirstTeamOpportunity, TeamMilestone.TeamHours100, TeamMilestone.TeamHours500], TeamMilestones.Reached(999.9m, 4));
    }
}
