namespace Athar.Documents.Rendering;

/// <summary>The text styles of a table: header row, body cells and the closing total line, each in both languages.</summary>
internal sealed record TableStyles(
    TextStyle HeaderArabic,
    TextStyle HeaderEnglish,
    TextStyle CellArabic,
    TextStyle CellEnglish,
    TextStyle TotalArabic,
    TextStyle TotalEnglish);
