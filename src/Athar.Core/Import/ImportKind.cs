namespace Athar.Core.Import;

/// <summary>What a spreadsheet holds. Stored by number in import batches: never renumber.</summary>
public enum ImportKind
{
    Volunteers = 1,
    Opportunities = 2,
    Hours = 3,
}

public static class ImportKinds
{
    /// <summary>The kind's name on the command line and in URLs: volunteers, opportunities, hours.</summary>
    public static string Slug(this ImportKind kind) => kind switch
    {
        ImportKind.Volunteers => "volunteers",
        ImportKind.Opportunities => "opportunities",
        ImportKind.Hours => "hours",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static ImportKind? FromSlug(string? slug) => slug?.Trim().ToLowerInvariant() switch
    {
        "volunteers" or "volunteer" => ImportKind.Volunteers,
        "opportunities" or "opportunity" => ImportKind.Opportunities,
        "hours" or "attendance" => ImportKind.Hours,
        _ => null,
    };
}
