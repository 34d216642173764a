using System.Globalization;
using System.IO.Compression;
using System.Security;
using System.Text;
using Athar.Core.Text;

namespace Athar.Web.Features.Statistics;

/// <summary>
/// CSV and XLSX of a <see cref="StatsTable"/>: the page's figures as plain invariant numbers (no Arabic
/// digits or separators, so spreadsheets can sum them) and the labels in the reader's language. Tables hold
/// aggregates only, never national IDs, phones or e-mails.
/// </summary>
public static class TableExport
{
    public const string CsvType = "text/csv; charset=utf-8";
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>What a cell holds in a file: the number when there is one, else the text ("&lt;5" when suppressed).</summary>
    public static string Plain(StatsCell cell) =>
        cell.Hidden ? "<5" : cell.Number is { } n ? n.ToString(CultureInfo.InvariantCulture) : cell.Text;

    /// <summary>UTF-8 with a byte-order mark so Excel reads Arabic; RFC 4180 quoting; formulas neutralised.</summary>
    public static byte[] Csv(StatsTable table)
    {
        var sb = new StringBuilder();
        sb.AppendJoin(',', table.Headers.Select(SpreadsheetCells.CsvText)).Append("\r\n");
        foreach (var row in table.Rows)
            sb.AppendJoin(',', row.Select(c => c.Number is not null && !c.Hidden ? Plain(c) : SpreadsheetCells.CsvText(Plain(c)))).Append("\r\n");
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(sb.ToString())];
    }

    /// <summary>A minimal SpreadsheetML workbook (one sheet, inline strings, numbers as numbers), right-to-left in Arabic.</summary>
    public static byte[] Xlsx(StatsTable table, bool rightToLeft)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            Write(zip, "[Content_Types].xml",
                "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">" +
                "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/>" +
                "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>" +
                "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/></Types>");
            Write(zip, "_rels/.rels",
                "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
                "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
            Write(zip, "xl/workbook.xml",
                "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">" +
                $"<sheets><sheet name=\"{SecurityElement.Escape(SheetName(table.Id))}\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
            Write(zip, "xl/_rels/workbook.xml.rels",
                "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
                "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>");
            Write(zip, "xl/worksheets/sheet1.xml", Sheet(table, rightToLeft));
        }
        return stream.ToArray();
    }

    private static string SheetName(string id) => id.Length > 31 ? id[..31] : id;

    private static string Sheet(StatsTable table, bool rightToLeft)
    {
        var sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">");
        sb.Append(rightToLeft ? "<sheetViews><sheetView rightToLeft=\"1\" workbookViewId=\"0\"/></sheetViews>" : "<sheetViews><sheetView workbookViewId=\"0\"/></sheetViews>");
        sb.Append("<sheetData>");
        var rowNumber = 1;
        AppendRow(sb, rowNumber++, table.Headers.Select(h => new StatsCell(h)));
        foreach (var row in table.Rows)
            AppendRow(sb, rowNumber++, row);
        sb.Append("</sheetData></worksheet>");
        return sb.ToString();
    }

    private static void AppendRow(StringBuilder sb, int rowNumber, IEnumerable<StatsCell> cells)
    {
        sb.Append(CultureInfo.InvariantCulture, $"<row r=\"{rowNumber}\">");
        var column = 0;
        foreach (var cell in cells)
        {
            var reference = ColumnName(column++) + rowNumber.ToString(CultureInfo.InvariantCulture);
            if (cell.Number is { } n && !cell.Hidden)
                sb.Append(CultureInfo.InvariantCulture, $"<c r=\"{reference}\"><v>{n.ToString(CultureInfo.InvariantCulture)}</v></c>");
            else
                sb.Append(CultureInfo.InvariantCulture, $"<c r=\"{reference}\" t=\"inlineStr\"><is><t>{SecurityElement.Escape(SpreadsheetCells.Neutralise(Plain(cell)))}</t></is></c>");
        }
        sb.Append("</row>");
    }

    private static string ColumnName(int index)
    {
        var name = "";
        for (index++; index > 0; index = (index - 1) / 26)
            name = (char)('A' + (index - 1) % 26) + name;
        return name;
    }

    private static void Write(ZipArchive zip, string path, string content)
    {
        var entry = zip.CreateEntry(path, CompressionLevel.Fastest);
        using var writer = new StreamWriter(entry.Open(), new UTF8Encoding(false));
        writer.Write(content);
    }
}
