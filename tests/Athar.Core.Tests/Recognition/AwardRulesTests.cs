using Athar.Core.Recognition;

namespace Athar.Core.Tests.Recognition;

public class AwardRulesTests
{
    private static readonly Guid A = new("00000000-0000-0000-0000-00000000000a");
    private static readonly Guid B = new("00000000-0000-0000-0000-00000000000b");
    private static readonly Guid C = new("00000000-0000-0000-0000-00000000000c");
    private static readonly Guid D = new("00000000-0000-0000-0000-00000000000d");

    [Fact]
    public void Rank_ByAverage_TiesShareARank_TheNextRankSkips_UnscoredLast()
    {
        var ranking = AwardRules.Rank([(A, [80, 90]), (B, [85, 85]), (C, [70]), (D, [])]);

        Assert.Equal([A, B, C, D], ranking.Select(r => r.NominationId));
        Assert.Equal([1, 1, 3, (int?)null], ranking.Select(r => r.Rank));
        Assert.True(ranking[0].IsTied && ranking[1].IsTied);
        Assert.False(ranking[2].IsTied);
        Assert.Equal(85m, ranking[0].Average);
        Assert.Equal([A, B], AwardRules.Winners(ranking));
    }

    [Fact]
    public void Average_HasTwoDecimals() => Assert.Equal(66.67m, AwardRules.Average([50, 75, 75]));

    [Theory]
    [InlineData(-1, false)]
    [InlineData(0, true)]
    [InlineData(100, true)]
    [InlineData(101, false)]
    public void Scores_AreFromZeroToAHundred(int score, bool valid) => Assert.Equal(valid, AwardRules.IsValidScore(score));

    [Fact]
    public void SixTracks_EachWithItsKindOfNominee()
    {
        Assert.Equal(6, AwardRules.Tracks.Count);
        Assert.Equal(NomineeKind.Volunteer, AwardRules.NomineeFor(AwardTrack.Individuals));
        Assert.Equal(NomineeKind.TeamName, AwardRules.NomineeFor(AwardTrack.Teams));
        Assert.Equal(NomineeKind.Organization, AwardRules.NomineeFor(AwardTrack.GovernmentEntities));
    }
}
