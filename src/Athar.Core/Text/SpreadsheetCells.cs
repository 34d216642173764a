namespace Athar.Core.Text;

/// <summary>
/// The one rule for text written into a CSV or XLSX cell. Spreadsheet programs run a cell that starts with
/// = + - @ (or a tab or carriage return they strip first) as a formula, so a volunteer named
/// <c>=HYPERLINK("http://evil","click")</c> would become a live link, or a DDE command, in a staff member's
/// Excel (CSV/formula injection). Such text gets a leading apostrophe, which spreadsheets show as text.
/// Numbers never pass through here: writers put them in the file as numbers, so -5 stays a number.
/// </summary>
public static class SpreadsheetCells
{
    /// <summary>Whether a spreadsheet would read this text as a formula.</summary>
    public static bool LooksLikeFormula(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r';

    /// <summary>The text as a spreadsheet must store it: with a leading apostrophe when it would run as a formula.</summary>
    public static string Neutralise(string? text) =>
        text is null ? string.Empty : LooksLikeFormula(text) ? "'" + text : text;

    /// <summary>A neutralised text field of a CSV line, quoted (RFC 4180) only when it has to be.</summary>
    public static string CsvText(string? text) => CsvQuote(Neutralise(text));

    /// <summary>A neutralised text field of a CSV line, always quoted (for files whose readers expect every field quoted).</summary>
    public static string CsvTextQuoted(string? text) => "\"" + Neutralise(text).Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>RFC 4180 quoting alone, for a field that is not free text (a number, a date, a fixed header).</summary>
    public static string CsvQuote(string text) =>
        text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
}
