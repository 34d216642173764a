using System.Text;
using Athar.Core.Import;
using Athar.Core.Text;

namespace Athar.Web.Features.Import;

/// <summary>
/// A kind's template as CSV: the header in the chosen language and one example row. Written with a
/// UTF-8 BOM, which is how Excel knows to show the Arabic correctly when it opens a CSV.
/// </summary>
public static class ImportTemplate
{
    public static byte[] Csv(ImportKind kind, bool arabic)
    {
        var columns = ImportTemplates.For(kind);
        var text = new StringBuilder();
        text.AppendJoin(',', columns.Select(c => SpreadsheetCells.CsvText(c.HeaderFor(arabic)))).Append("\r\n");
        text.AppendJoin(',', columns.Select(c => SpreadsheetCells.CsvText(c.Example))).Append("\r\n");
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }
}
