using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Athar.Core.Opportunities;

/// <summary>The orders of the public search. Each ends with the id, so equal keys still have one stable order.</summary>
public enum OpportunitySort
{
    /// <summary>Next shift first (NextShiftStartsAt ascending, then id ascending).</summary>
    Soonest = 0,

    /// <summary>Latest published first (PublishedAt descending, then id descending).</summary>
    Newest = 1,

    /// <summary>Most seats left first (SeatsTotal - SeatsTaken descending, then id ascending).</summary>
    MostSeats = 2,
}

/// <summary>
/// A keyset cursor: the sort, the last row's sort key and id, as an opaque URL-safe string. Pages
/// continue strictly after that row, so rows are neither repeated nor skipped (no OFFSET).
/// </summary>
public sealed record SearchCursor(OpportunitySort Sort, long Key, Guid Id)
{
    public string Encode()
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"{(int)Sort}:{Key}:{Id:N}");
        return Base64Url.EncodeToString(Encoding.ASCII.GetBytes(text));
    }

    public static SearchCursor? Decode(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length > 100)
            return null;
        byte[] bytes;
        try
        {
            bytes = Base64Url.DecodeFromChars(value);
        }
        catch (FormatException)
        {
            return null;
        }
        var parts = Encoding.ASCII.GetString(bytes).Split(':');
        if (parts.Length != 3
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var sort)
            || !Enum.IsDefined((OpportunitySort)sort)
            || !long.TryParse(parts[1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var key)
            || !Guid.TryParseExact(parts[2], "N", out var id))
            return null;
        return new SearchCursor((OpportunitySort)sort, key, id);
    }
}
