using Athar.Core.Recognition;

namespace Athar.Core.Tests.Recognition;

public class AwardRulesTests
{
    private static readonly Guid A = new("00000000-0000-0000-0000-00000000000a");
    private static readonly Guid B = new("00000000-0000-0000-0000-00000000000b");
    private static readonly Guid C = new("00000000-0000-0000-0000-00000000000c");
    private static readonly Guid D = new("00000000-0000-0000-0000-00000000000d");
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private static JudgeSheet Sheet(params int[] scores) => new(Guid.NewGuid(), scores.Sum(), scores.Length);

    private static ScoredNomination N(Guid id, params JudgeSheet[] sheets) => new(id, T0, sheets);

    [Fact]
    public void Rank_ByExactMean_UnscoredLastWithoutAPlace()
    {
        var ranking = AwardRules.Rank([N(A, Sheet(8, 9, 7, 8)), N(B, Sheet(9, 9, 9, 9)), N(C, Sheet(5, 5, 5, 5)), N(D)]);

        Assert.Equal([B, A, C, D], ranking.Select(r => r.NominationId));
        Assert.Equal([1, 2, 3, (int?)null], ranking.Select(r => r.Place));
        Assert.Equal(8m, ranking[1].Average);
        Assert.Equal(B, AwardRules.Winner(ranking));
    }

    [Fact]
    public void EqualMeans_MoreJudgesWin()
    {
        var ranking = AwardRules.Rank([N(A, Sheet(8, 8, 8, 8)), N(B, Sheet(8, 8, 8, 8), Sheet(8, 8, 8, 8))]);
        Assert.Equal(B, AwardRules.Winner(ranking));
        Assert.Equal(TieBreak.JudgeCount, ranking[1].DecidedBy);
    }

    [Fact]
    public void EqualMeansAndPanels_TheHigherLowestJudgeWins()
    {
        // Both average 7; B's judges agree (7 and 7), A's do not (10 and 4).
        var ranking = AwardRules.Rank([N(A, Sheet(10, 10, 10, 10), Sheet(4, 4, 4, 4)), N(B, Sheet(7, 7, 7, 7), Sheet(7, 7, 7, 7))]);
        Assert.Equal(B, AwardRules.Winner(ranking));
        Assert.Equal(TieBreak.LowestJudgeMean, ranking[1].DecidedBy);
    }

    [Fact]
    public void FullTie_TheEarlierSubmissionThenTheSmallerIdWins()
    {
        var later = new ScoredNomination(A, T0.AddHours(1), [Sheet(6, 6, 6, 6)]);
        var earlier = new ScoredNomination(B, T0, [Sheet(6, 6, 6, 6)]);
        Assert.Equal(B, AwardRules.Winner(AwardRules.Rank([later, earlier])));

        var ranking = AwardRules.Rank([N(B, Sheet(6, 6, 6, 6)), N(A, Sheet(6, 6, 6, 6))]);
        Assert.Equal(A, AwardRules.Winner(ranking));
        Assert.Equal(TieBreak.NominationId, ranking[1].DecidedBy);
    }

    [Fact]
    public void Average_IsShownWithTwoDecimals() => Assert.Equal(6.58m, AwardRules.Average(79, 12));

    [Theory]
    [InlineData(-1, false)]
    [InlineData(0, true)]
    [InlineData(10, true)]
    [InlineData(11, false)]
    public void Scores_AreFromZeroToTen(int score, bool valid) => Assert.Equal(valid, AwardRules.IsValidScore(score));

    [Fact]
    public void Sheet_NeedsEveryCriterionInRange()
    {
        var errors = AwardRules.ValidateSheet(new Dictionary<AwardCriterion, int?> { [AwardCriterion.Impact] = 11, [AwardCriterion.Innovation] = 5 });
        Assert.Contains(errors, e => e.Field == "Scores[Impact]" && e.Code == "Award.ScoreRange");
        Assert.Contains(errors, e => e.Field == "Scores[Sustainability]" && e.Code == "Field.Required");
        Assert.DoesNotContain(errors, e => e.Field == "Scores[Innovation]");
    }

    [Fact]
    public void Stages_MoveForwardOnly()
    {
        Assert.Equal(AwardCycleStatus.Open, AwardRules.Next(AwardCycleStatus.Preparing));
        Assert.Equal(AwardCycleStatus.Published, AwardRules.Next(AwardCycleStatus.Judging));
        Assert.Null(AwardRules.Next(AwardCycleStatus.Published));
        Assert.False(AwardRules.AcceptsScores(AwardCycleStatus.Published));
    }

    [Fact]
    public void SixTracks_EachWithItsKindOfNominee()
    {
        Assert.Equal(6, AwardRules.Tracks.Count);
        Assert.Equal(NomineeKind.Volunteer, AwardRules.NomineeFor(AwardTrack.Individuals));
        Assert.Equal(NomineeKind.TeamName, AwardRules.NomineeFor(AwardTrack.Teams));
        Assert.Equal(NomineeKind.Organization, AwardRules.NomineeFor(AwardTrack.GovernmentEntities));
    }
}
