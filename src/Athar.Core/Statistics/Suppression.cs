namespace Athar.Core.Statistics;

/// <summary>
/// Small counts on public pages: any figure about fewer than five people is shown as "&lt;5" (null in the
/// API), and so is every figure derived from them (hours, value). So that a hidden cell cannot be
/// recovered by subtracting the published cells from a published total, each column keeps at least two
/// hidden cells whenever it has one (the next smallest is hidden too: "complementary suppression"),
/// and when the total itself is small everything in the column is hidden.
/// </summary>
public static class Suppression
{
    public const int Threshold = 5;

    public static bool IsSmall(long people) => people < Threshold;

    /// <summary>Which cells of a column to hide, given the number of people behind each cell and behind the total.</summary>
    public static bool[] Column(IReadOnlyList<long> peoplePerCell, long peopleInTotal)
    {
        var hidden = new bool[peoplePerCell.Count];
        if (IsSmall(peopleInTotal))
        {
            Array.Fill(hidden, true);
            return hidden;
        }
        for (var i = 0; i < hidden.Length; i++)
            hidden[i] = IsSmall(peoplePerCell[i]);
        if (hidden.Count(h => h) == 1)
        {
            var next = Enumerable.Range(0, hidden.Length).Where(i => !hidden[i]).OrderBy(i => peoplePerCell[i]).ThenBy(i => i).FirstOrDefault(-1);
            if (next >= 0)
                hidden[next] = true;
        }
        return hidden;
    }
}
