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

public enum AwardCycleStatus
{
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

/// <summary>A nomination's place after judging: the average of its judges' scores and its rank (ties share a rank).</summary>
public sealed record RankedNomination(Guid NominationId, decimal? Average, int Scores, int? Rank)
{
    public bool IsTied { get; init; }
}

public static class AwardRules
{
    public const int MinScore = 0;
    public const int MaxScore = 100;

    public static IReadOnlyList<AwardTrack> Tracks { get; } = Enum.GetValues<AwardTrack>();

    /// <summary>The kind of nominee a track takes.</summary>
    public static NomineeKind NomineeFor(AwardTrack track) => track switch
    {
        AwardTrack.Individuals => NomineeKind.Volunteer,
        // Teams are built on another branch; until then a team is named as text.
        AwardTrack.Teams => NomineeKind.TeamName,
        _ => NomineeKind.Organization,
    };

    public static bool IsValidScore(int score) => score is >= MinScore and <= MaxScore;

    public static decimal Average(IReadOnlyCollection<int> scores) =>
        Math.Round((decimal)scores.Sum() / scores.Count, 2, MidpointRounding.AwayFromZero);

    /// <summary>
    /// Standard competition ranking by average score (1, 1, 3): equal averages share a rank and are marked
    /// tied; nominations nobody has scored are listed last, unranked.
    /// </summary>
    public static IReadOnlyList<RankedNomination> Rank(IEnumerable<(Guid NominationId, IReadOnlyCollection<int> Scores)> nominations)
    {
        var scored = nominations
            .Select(n => (n.NominationId, Average: n.Scores.Count == 0 ? (decimal?)null : Average(n.Scores), Count: n.Scores.Count))
            .ToList();
        var ranked = scored.Where(n => n.Average is not null).OrderByDescending(n => n.Average).ThenBy(n => n.NominationId).ToList();
        var result = new List<RankedNomination>();
        for (var i = 0; i < ranked.Count; i++)
        {
            var rank = i > 0 && ranked[i].Average == ranked[i - 1].Average ? result[i - 1].Rank : i + 1;
            var tied = ranked.Count(r => r.Average == ranked[i].Average) > 1;
            result.Add(new RankedNomination(ranked[i].NominationId, ranked[i].Average, ranked[i].Count, rank) { IsTied = tied });
        }
        result.AddRange(scored.Where(n => n.Average is null).Select(n => new RankedNomination(n.NominationId, null, 0, null)));
        return result;
    }

    /// <summary>The winners of a track: every nomination at rank 1 (a tie at the top honours each).</summary>
    public static IReadOnlyList<Guid> Winners(IReadOnlyList<RankedNomination> ranking) =>
        ranking.Where(r => r.Rank == 1).Select(r => r.NominationId).ToList();
}
