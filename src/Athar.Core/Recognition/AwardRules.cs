using Athar.Core.Common;

namespace Athar.Core.Recognition;

/// <summary>The six tracks of the national volunteering award. Values are stored: never renumber.</summary>
public enum AwardTrack
{
    NonProfitOrganizations = 1,
    EducationalInstitutions = 2,
    Teams = 3,
    GovernmentEntities = 4,
    PrivateSector = 5,
    Individuals = 6,
}

/// <summary>A cycle's stages, in order: Preparing → Open → Judging → Published. Values are stored.</summary>
public enum AwardCycleStatus
{
    /// <summary>Created; judges are appointed; nominations are not open yet.</summary>
    Preparing = 0,
    /// <summary>Nominations are open; judges may already score.</summary>
    Open = 1,
    /// <summary>Nominations closed; judges score.</summary>
    Judging = 2,
    /// <summary>Winners published on the honours page; scores are frozen.</summary>
    Published = 3,
}

/// <summary>Who a nomination names: an organisation (organisation tracks), a volunteer (individuals) or a team by name.</summary>
public enum NomineeKind
{
    Organization = 1,
    Volunteer = 2,
    TeamName = 3,
}

/// <summary>What each judge scores, 0–10 each. Values are stored: never renumber.</summary>
public enum AwardCriterion
{
    Impact = 1,
    Sustainability = 2,
    Innovation = 3,
    Partnership = 4,
}

/// <summary>Which rule settled a nomination's place against the one just above it (shown to admins after publication).</summary>
public enum TieBreak
{
    None = 0,
    JudgeCount = 1,
    LowestJudgeMean = 2,
    SubmittedFirst = 3,
    NominationId = 4,
}

/// <summary>One judge's complete sheet for one nomination: the sum of their criterion scores.</summary>
public sealed record JudgeSheet(Guid JudgeId, int Sum, int Count);

/// <summary>A nomination with its judges' sheets, as the ranking takes it.</summary>
public sealed record ScoredNomination(Guid NominationId, DateTimeOffset SubmittedAt, IReadOnlyList<JudgeSheet> Sheets);

/// <summary>A nomination's place in its track: 1 is the winner; unscored nominations have no place.</summary>
public sealed record RankedNomination(Guid NominationId, decimal? Average, int Judges, int? Place, TieBreak DecidedBy);

public static class AwardRules
{
    public const int MinScore = 0;
    public const int MaxScore = 10;
    public const int StatementMaxLength = 2000;
    public const int TeamNameMaxLength = 200;

    /// <summary>Refusal codes (resource keys "Refusal.&lt;code&gt;").</summary>
    public const string WrongStage = "award-wrong-stage";
    public const string YearTaken = "award-year-taken";
    public const string NotAJudge = "award-not-a-judge";
    public const string ConflictOfInterest = "award-conflict-of-interest";
    public const string AlreadyNominated = "award-already-nominated";
    public const string TrackNotForOrganization = "award-track-not-for-organization";
    public const string NomineeNotEligible = "award-nominee-not-eligible";
    public const string UnknownPerson = "award-unknown-person";

    public static IReadOnlyList<AwardTrack> Tracks { get; } = Enum.GetValues<AwardTrack>();

    public static IReadOnlyList<AwardCriterion> Criteria { get; } = Enum.GetValues<AwardCriterion>();

    /// <summary>The kind of nominee a track takes.</summary>
    public static NomineeKind NomineeFor(AwardTrack track) => track switch
    {
        AwardTrack.Individuals => NomineeKind.Volunteer,
        // A team is named by its organisation; teams as records belong to another feature.
        AwardTrack.Teams => NomineeKind.TeamName,
        _ => NomineeKind.Organization,
    };

    public static bool IsValidScore(int score) => score is >= MinScore and <= MaxScore;

    /// <summary>The one stage that may follow another; anything else is refused.</summary>
    public static AwardCycleStatus? Next(AwardCycleStatus status) => status switch
    {
        AwardCycleStatus.Preparing => AwardCycleStatus.Open,
        AwardCycleStatus.Open => AwardCycleStatus.Judging,
        AwardCycleStatus.Judging => AwardCycleStatus.Published,
        _ => null,
    };

    public static bool AcceptsNominations(AwardCycleStatus status) => status == AwardCycleStatus.Open;

    /// <summary>Scores may be given and changed until the winners are published.</summary>
    public static bool AcceptsScores(AwardCycleStatus status) => status is AwardCycleStatus.Open or AwardCycleStatus.Judging;

    /// <summary>
    /// A judge's sheet: one score per criterion, each 0–10. Field names are "Scores[Criterion]".
    /// </summary>
    public static IReadOnlyList<FieldError> ValidateSheet(IReadOnlyDictionary<AwardCriterion, int?>? scores)
    {
        var errors = new List<FieldError>();
        foreach (var criterion in Criteria)
        {
            var field = $"Scores[{criterion}]";
            if (scores is null || !scores.TryGetValue(criterion, out var score) || score is null)
                errors.Add(new(field, "Field.Required"));
            else if (!IsValidScore(score.Value))
                errors.Add(new(field, "Award.ScoreRange", MinScore, MaxScore));
        }
        if (scores is not null && scores.Keys.Any(k => !Enum.IsDefined(k)))
            errors.Add(new("Scores", "Binding.Invalid"));
        return errors;
    }

    public static (string? Statement, IReadOnlyList<FieldError> Errors) ValidateStatement(string? statement)
    {
        var errors = new List<FieldError>();
        var text = TextRules.CheckFreeText(statement, "Statement", errors, StatementMaxLength);
        if (text is null && errors.Count == 0)
            errors.Add(new("Statement", "Field.Required"));
        return (text, errors);
    }

    public static decimal Average(int sum, int count) => Math.Round((decimal)sum / count, 2, MidpointRounding.AwayFromZero);

    /// <summary>
    /// Orders one track's nominations, best first. The score is the mean of every criterion score of every
    /// judge (compared exactly, not rounded). Equal means are settled, in this order, by: more judges who
    /// scored; the higher lowest judge mean (the panel agrees); the earlier submission; the smaller id.
    /// Every nomination thus has its own place; unscored nominations come last without one.
    /// </summary>
    public static IReadOnlyList<RankedNomination> Rank(IEnumerable<ScoredNomination> nominations)
    {
        var all = nominations.ToList();
        var scored = all.Where(n => n.Sheets.Count > 0).ToList();
        scored.Sort(Compare);
        var result = new List<RankedNomination>();
        for (var i = 0; i < scored.Count; i++)
        {
            var n = scored[i];
            var decidedBy = i == 0 ? TieBreak.None : DecidedBy(scored[i - 1], n);
            result.Add(new RankedNomination(n.NominationId, Average(Sum(n), Count(n)), n.Sheets.Count, i + 1, decidedBy));
        }
        result.AddRange(all.Where(n => n.Sheets.Count == 0).OrderBy(n => n.SubmittedAt).ThenBy(n => n.NominationId)
            .Select(n => new RankedNomination(n.NominationId, null, 0, null, TieBreak.None)));
        return result;
    }

    /// <summary>The winner of a track: the nomination in first place, if any was scored.</summary>
    public static Guid? Winner(IReadOnlyList<RankedNomination> ranking) => ranking.FirstOrDefault(r => r.Place == 1)?.NominationId;

    private static int Sum(ScoredNomination n) => n.Sheets.Sum(s => s.Sum);

    private static int Count(ScoredNomination n) => n.Sheets.Sum(s => s.Count);

    /// <summary>Means compared as fractions (a/b vs c/d), so rounding never creates or hides a tie.</summary>
    private static int CompareMeans(long sumA, long countA, long sumB, long countB) => (sumA * countB).CompareTo(sumB * countA);

    private static int LowestJudge(ScoredNomination a, ScoredNomination b)
    {
        var lowA = a.Sheets.MinBy(s => (decimal)s.Sum / s.Count)!;
        var lowB = b.Sheets.MinBy(s => (decimal)s.Sum / s.Count)!;
        return CompareMeans(lowA.Sum, lowA.Count, lowB.Sum, lowB.Count);
    }

    private static int Compare(ScoredNomination a, ScoredNomination b)
    {
        var byMean = CompareMeans(Sum(b), Count(b), Sum(a), Count(a));
        if (byMean != 0) return byMean;
        var byJudges = b.Sheets.Count.CompareTo(a.Sheets.Count);
        if (byJudges != 0) return byJudges;
        var byLowest = LowestJudge(b, a);
        if (byLowest != 0) return byLowest;
        var byTime = a.SubmittedAt.CompareTo(b.SubmittedAt);
        return byTime != 0 ? byTime : a.NominationId.CompareTo(b.NominationId);
    }

    private static TieBreak DecidedBy(ScoredNomination above, ScoredNomination below)
    {
        if (CompareMeans(Sum(above), Count(above), Sum(below), Count(below)) != 0) return TieBreak.None;
        if (above.Sheets.Count != below.Sheets.Count) return TieBreak.JudgeCount;
        if (LowestJudge(above, below) != 0) return TieBreak.LowestJudgeMean;
        return above.SubmittedAt != below.SubmittedAt ? TieBreak.SubmittedFirst : TieBreak.NominationId;
    }
}
