using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Athar.IntegrationTests.Import;

/// <summary>Builds import files in the three formats from rows of text, the first row being the header.</summary>
public static class ImportFiles
{
    public static byte[] Csv(IEnumerable<string[]> rows, Encoding? encoding = null, bool bom = false)
    {
        var text = string.Join("\r\n", rows.Select(r => string.Join(',', r.Select(Quote)))) + "\r\n";
        encoding ??= new UTF8Encoding(false);
        var bytes = encoding.GetBytes(text);
        return bom ? [.. Encoding.UTF8.GetPreamble(), .. bytes] : bytes;
    }

    public static Encoding Windows1256
    {
        get
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding(1256);
        }
    }

    /// <summary>An XLSX workbook whose first sheet holds the rows as shared strings, as Excel saves text.</summary>
    public static byte[] Xlsx(IEnumerable<string[]> rows)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var strings = workbook.AddNewPart<SharedStringTablePart>();
            strings.SharedStringTable = new SharedStringTable();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            var index = new Dictionary<string, int>(StringComparer.Ordinal);
            uint number = 0;
            foreach (var cells in rows)
            {
                var row = new Row { RowIndex = ++number };
                for (var c = 0; c < cells.Length; c++)
                {
                    if (!index.TryGetValue(cells[c], out var i))
                    {
                        i = index.Count;
                        index[cells[c]] = i;
                        strings.SharedStringTable.AppendChild(new SharedStringItem(new Text(cells[c])));
                    }
                    row.AppendChild(new Cell
                    {
                        CellReference = ((char)('A' + c)).ToString() + number.ToString(System.Globalization.CultureInfo.InvariantCulture),
                        DataType = CellValues.SharedString,
                        CellValue = new CellValue(i.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                    });
                }
                data.AppendChild(row);
            }
            sheetPart.Worksheet = new Worksheet(data);
            var sheets = workbook.Workbook.AppendChild(new Sheets());
            sheets.AppendChild(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "Sheet1" });
            workbook.Workbook.Save();
        }
        return stream.ToArray();
    }

    private static string Quote(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

    public static readonly string[] VolunteerHeaderEn = ["National ID", "Name (Arabic)", "Name (English)", "Gender", "Birth date", "Mobile", "Email", "Region", "City"];
    public static readonly string[] VolunteerHeaderAr = ["رقم الهوية", "الاسم بالعربية", "الاسم بالإنجليزية", "الجنس", "تاريخ الميلاد", "الجوال", "البريد الإلكتروني", "المنطقة", "المدينة"];

    public static string[] Volunteer(string nationalId, string birthDate = "1995-01-01", string gender = "female", string region = "Riyadh", string city = "Riyadh") =>
        [nationalId, "نورة عبدالله", "Noura Abdullah", gender, birthDate, "0551234567", $"v{nationalId}@import.test", region, city];
}
