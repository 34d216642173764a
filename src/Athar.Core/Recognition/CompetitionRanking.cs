namespace Athar.Core.Recognition;

public sealed record Ranked<T>(int Rank, T Item, decimal Score);

/// <summary>
/// Standard competition ranking ("1, 1, 3"): equal scores share a rank and the next rank skips. Ties are
/// listed in a deterministic order (the tie-break key, ordinal), so the same data always shows the same list.
/// </summary>
public static class CompetitionRanking
{
    /// <param name="top">Keep the rows ranked within the top N; ties at the cut-off are all kept.</param>
    public static IReadOnlyList<Ranked<T>> Rank<T>(IEnumerable<T> items, Func<T, decimal> score, Func<T, string> tieBreak, int top)
    {
        var ordered = items
            .Select(i => (Item: i, Score: score(i)))
            .Where(x => x.Score > 0)
            .OrderByDescending(x => x.Score)
            .ThenBy(x => tieBreak(x.Item), StringComparer.Ordinal)
            .ToList();
        var ranked = new List<Ranked<T>>();
        for (var i = 0; i < ordered.Count; i++)
        {
            var rank = i > 0 && ordered[i].Score == ordered[i - 1].Score ? ranked[i - 1].Rank : i + 1;
            if (rank > top)
                break;
            ranked.Add(new Ranked<T>(rank, ordered[i].Item, ordered[i].Score));
        }
        return ranked;
    }
}
