using System.IO.Compression;
using System.Text;
using Athar.Core.Import;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Athar.Data.Import;

public enum ImportEncoding
{
    /// <summary>UTF-8 when the bytes are valid UTF-8 (with or without BOM), else Windows-1256.</summary>
    Auto,
    Utf8,
    Windows1256,
}

public sealed record ImportTableRow(int Number, string?[] Cells);

/// <summary>A file's rows as text: the header (row 1) and the data rows with their spreadsheet row numbers; blank rows are left out.</summary>
public sealed class ImportTable
{
    public const int MaxRows = 200_000;

    /// <summary>
    /// What an XLSX may unpack to, in bytes. It is a zip: a file within the upload limit can unpack to gigabytes
    /// (a zip bomb), and the XML reader would unpack it all. 256 MB is several times a sheet of
    /// <see cref="MaxRows"/> rows.
    /// </summary>
    public const long MaxUnpackedBytes = 256L * 1024 * 1024;

    private ImportTable(IReadOnlyList<string?> header, IReadOnlyList<ImportTableRow> rows, string format)
    {
        Header = header;
        Rows = rows;
        Format = format;
    }

    public IReadOnlyList<string?> Header { get; }
    public IReadOnlyList<ImportTableRow> Rows { get; }

    /// <summary>"xlsx", "csv utf-8" or "csv windows-1256".</summary>
    public string Format { get; }

    static ImportTable() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Encoding Windows1256 => Encoding.GetEncoding(1256);

    /// <summary>Reads an XLSX (told by its zip signature, whatever its name) or a CSV; null with a problem when it cannot.</summary>
    public static ImportTable? Read(byte[] content, ImportEncoding encoding, List<ImportProblem> problems, long maxUnpackedBytes = MaxUnpackedBytes)
    {
        if (content.Length >= 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4)
        {
            if (!UnpacksWithin(content, maxUnpackedBytes))
            {
                problems.Add(ImportProblem.File("File.UnpacksTooLarge", maxUnpackedBytes / (1024 * 1024)));
                return null;
            }
            return Finish(ReadXlsx(content, problems), "xlsx", problems);
        }

        var (text, format) = Decode(content, encoding, problems);
        return text is null ? null : Finish(CsvReader.Parse(text), format, problems);
    }

    private static ImportTable? Finish(List<ImportTableRow>? rows, string format, List<ImportProblem> problems)
    {
        if (rows is null)
            return null;
        rows.RemoveAll(r => r.Cells.All(string.IsNullOrWhiteSpace));
        if (rows.Count <= 1)
        {
            problems.Add(ImportProblem.File("File.Empty"));
            return null;
        }
        if (rows.Count - 1 > MaxRows)
        {
            problems.Add(ImportProblem.File("File.TooManyRows", MaxRows));
            return null;
        }
        return new ImportTable(rows[0].Cells, rows.Skip(1).ToList(), format);
    }

    private static (string? Text, string Format) Decode(byte[] content, ImportEncoding encoding, List<ImportProblem> problems)
    {
        var strictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        var bom = content.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        if (encoding != ImportEncoding.Windows1256)
        {
            try
            {
                return (strictUtf8.GetString(content, bom, content.Length - bom), "csv utf-8");
            }
            catch (DecoderFallbackException) when (encoding == ImportEncoding.Auto)
            {
                // Not UTF-8: Excel on Arabic Windows saves "CSV" in the ANSI code page, Windows-1256.
            }
            catch (DecoderFallbackException)
            {
                problems.Add(ImportProblem.File("File.BadEncoding", "UTF-8"));
                return (null, string.Empty);
            }
        }
        // Every byte is defined in Windows-1256, so decoding cannot fail; a UTF-8 file read this way shows as mojibake.
        return (Windows1256.GetString(content), "csv windows-1256");
    }

    /// <summary>
    /// Whether the zip's entries unpack to at most <paramref name="limit"/> bytes, counted by unpacking them (the
    /// sizes an entry declares can lie), stopping as soon as the limit is passed. A zip that cannot be read passes:
    /// the XLSX reader then reports it unreadable.
    /// </summary>
    private static bool UnpacksWithin(byte[] content, long limit)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            var buffer = new byte[81920];
            long total = 0;
            foreach (var entry in zip.Entries)
            {
                if (total + entry.Length > limit)
                    return false;
                using var unpacked = entry.Open();
                int read;
                while ((read = unpacked.Read(buffer, 0, buffer.Length)) > 0)
                {
                    total += read;
                    if (total > limit)
                        return false;
                }
            }
            return true;
        }
        catch (InvalidDataException)
        {
            return true;
        }
    }

    private static List<ImportTableRow>? ReadXlsx(byte[] content, List<ImportProblem> problems)
    {
        try
        {
            using var stream = new MemoryStream(content, writable: false);
            using var document = SpreadsheetDocument.Open(stream, false);
            var workbook = document.WorkbookPart ?? throw new InvalidDataException("No workbook.");
            var firstSheet = workbook.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault() ?? throw new InvalidDataException("No sheet.");
            var sheet = (WorksheetPart)workbook.GetPartById(firstSheet.Id!.Value!);
            var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToArray() ?? [];

            var rows = new List<ImportTableRow>();
            // The SAX reader streams the sheet instead of building its whole DOM: 100k rows stay cheap.
            using var reader = OpenXmlReader.Create(sheet);
            var implicitRow = 0;
            while (reader.Read())
            {
                if (reader.ElementType != typeof(Row) || !reader.IsStartElement)
                    continue;
                var row = (Row)reader.LoadCurrentElement()!;
                var number = row.RowIndex?.Value is { } index ? (int)index : implicitRow + 1;
                implicitRow = number;
                var cells = new List<string?>();
                var next = 0;
                foreach (var cell in row.Elements<Cell>())
                {
                    var column = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : next;
                    while (cells.Count < column)
                        cells.Add(null);
                    cells.Add(CellText(cell, shared));
                    next = column + 1;
                }
                rows.Add(new ImportTableRow(number, cells.ToArray()));
                if (rows.Count > MaxRows + 1)
                    break;
            }
            return rows;
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or IOException or InvalidOperationException or System.Xml.XmlException or FormatException or KeyNotFoundException or ArgumentException)
        {
            problems.Add(ImportProblem.File("File.Unreadable"));
            return null;
        }
    }

    private static string? CellText(Cell cell, string[] shared)
    {
        var type = cell.DataType?.Value;
        if (type == CellValues.InlineString)
            return cell.InlineString?.InnerText;
        var raw = cell.CellValue?.Text;
        if (raw is null)
            return null;
        if (type == CellValues.SharedString)
            return int.TryParse(raw, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var i) && i < shared.Length ? shared[i] : null;
        if (type == CellValues.Boolean)
            return raw == "1" ? "TRUE" : "FALSE";
        return raw;
    }

    /// <summary>"C12" → 2: the zero-based column of a cell reference.</summary>
    private static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var c in reference)
        {
            if (c is < 'A' or > 'Z')
                break;
            index = index * 26 + (c - 'A' + 1);
        }
        return index - 1;
    }
}

/// <summary>
/// RFC 4180 CSV: quoted fields with doubled quotes and line breaks inside, CRLF or LF. The separator is
/// the header line's most frequent of comma, semicolon and tab (Excel in some locales saves with semicolons).
/// </summary>
public static class CsvReader
{
    public static List<ImportTableRow> Parse(string text)
    {
        var separator = DetectSeparator(text);
        var rows = new List<ImportTableRow>();
        var cells = new List<string?>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i++;
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    field.Append(c);
                }
                continue;
            }
            if (c == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else if (c == separator)
            {
                cells.Add(field.ToString());
                field.Clear();
            }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                    i++;
                cells.Add(field.ToString());
                field.Clear();
                // Numbered as a spreadsheet shows the file: one row per record, blank lines included.
                rows.Add(new ImportTableRow(rows.Count + 1, cells.ToArray()));
                cells.Clear();
            }
            else
            {
                field.Append(c);
            }
        }
        if (field.Length > 0 || cells.Count > 0)
        {
            cells.Add(field.ToString());
            rows.Add(new ImportTableRow(rows.Count + 1, cells.ToArray()));
        }
        return rows;
    }

    private static char DetectSeparator(string text)
    {
        var end = text.IndexOfAny(['\r', '\n']);
        var header = end < 0 ? text : text[..end];
        char[] candidates = [',', ';', '\t'];
        return candidates.MaxBy(c => header.Count(h => h == c));
    }
}
