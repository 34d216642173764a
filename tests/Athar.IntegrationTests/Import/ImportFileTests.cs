using System.Globalization;
using System.Xml.Linq;
using Athar.Core.Import;
using Athar.Data.Import;
using Athar.IntegrationTests.Platform;

namespace Athar.IntegrationTests.Import;

/// <summary>Reading the three formats and the localised problems; no database involved.</summary>
public sealed class ImportFileTests
{
    private static readonly string[][] Arabic =
    [
        ImportFiles.VolunteerHeaderAr,
        ["1000000008", "سارة أحمد القحطاني", "", "أنثى", "1415-03-12", "٠٥٥١٢٣٤٥٦٧", "sara@example.sa", "الرياض", "الخرج"],
    ];

    private static ImportTable Read(byte[] content, ImportEncoding encoding = ImportEncoding.Auto)
    {
        var problems = new List<ImportProblem>();
        var table = ImportTable.Read(content, encoding, problems);
        Assert.Empty(problems);
        return table!;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Utf8Csv_IsRead_WithOrWithoutBom(bool bom)
    {
        var table = Read(ImportFiles.Csv(Arabic, bom: bom));
        Assert.Equal("csv utf-8", table.Format);
        Assert.Equal("رقم الهوية", table.Header[0]);
        Assert.Equal("سارة أحمد القحطاني", table.Rows[0].Cells[1]);
        Assert.Equal(2, table.Rows[0].Number);
    }

    [Fact]
    public void Windows1256Csv_IsDetected_AndReadsTheArabic()
    {
        var content = ImportFiles.Csv(Arabic, ImportFiles.Windows1256);
        var table = Read(content);
        Assert.Equal("csv windows-1256", table.Format);
        Assert.Equal("الرياض", table.Rows[0].Cells[7]);

        // Chosen explicitly, the same file reads the same; forced to UTF-8 it is refused, not garbled.
        Assert.Equal("الخرج", Read(content, ImportEncoding.Windows1256).Rows[0].Cells[8]);
        var problems = new List<ImportProblem>();
        Assert.Null(ImportTable.Read(content, ImportEncoding.Utf8, problems));
        Assert.Equal("File.BadEncoding", Assert.Single(problems).Code);
    }

    [Fact]
    public void Xlsx_ThatUnpacksPastTheLimit_IsRefused_ByWhatItUnpacksTo()
    {
        var plain = ImportFiles.Xlsx(Arabic);
        // Two megabytes of zeros pack into a few kilobytes: the small-file, large-content shape of a zip bomb.
        using var padded = new MemoryStream();
        padded.Write(plain);
        using (var zip = new System.IO.Compression.ZipArchive(padded, System.IO.Compression.ZipArchiveMode.Update, leaveOpen: true))
        {
            using var entry = zip.CreateEntry("xl/media/padding.bin", System.IO.Compression.CompressionLevel.SmallestSize).Open();
            entry.Write(new byte[2 * 1024 * 1024]);
        }
        var bomb = padded.ToArray();
        Assert.True(bomb.Length < 64 * 1024, $"{bomb.Length} bytes");
        const long oneMegabyte = 1024 * 1024;

        var problems = new List<ImportProblem>();
        Assert.Null(ImportTable.Read(bomb, ImportEncoding.Auto, problems, maxUnpackedBytes: oneMegabyte));
        var problem = Assert.Single(problems);
        Assert.Equal("File.UnpacksTooLarge", problem.Code);

        // The same limit lets the sheet without the padding through, and the real limit lets the padded one through.
        var plainProblems = new List<ImportProblem>();
        Assert.NotNull(ImportTable.Read(plain, ImportEncoding.Auto, plainProblems, maxUnpackedBytes: oneMegabyte));
        Assert.Empty(plainProblems);
        Assert.Equal("xlsx", Read(bomb).Format);
    }

    [Fact]
    public void Xlsx_IsRead_WithItsRowNumbers()
    {
        var table = Read(ImportFiles.Xlsx(Arabic));
        Assert.Equal("xlsx", table.Format);
        Assert.Equal("سارة أحمد القحطاني", table.Rows[0].Cells[1]);
        Assert.True(string.IsNullOrEmpty(table.Rows[0].Cells[2]));
        Assert.Equal("الخرج", table.Rows[0].Cells[8]);
        Assert.Equal(2, table.Rows[0].Number);
    }

    [Fact]
    public void QuotedCsvFields_KeepCommasQuotesAndLineBreaks()
    {
        var table = Read(ImportFiles.Csv([["Reference", "Title (Arabic)"], ["A-1", "سلال, \"رمضان\"\nالحي"]]));
        Assert.Equal("سلال, \"رمضان\"\nالحي", table.Rows[0].Cells[1]);
    }

    [Fact]
    public void ArabicCells_ParseToTheSameValuesAsEnglishOnes()
    {
        var problems = new List<ImportProblem>();
        var header = ImportHeader.Match(ImportKind.Volunteers, Arabic[0], problems);
        Assert.Empty(problems);
        var row = header.Read(2, Arabic[1]);
        var volunteer = ImportRowRules.Volunteer(row, new DateOnly(2026, 11, 23), new Core.Accounts.RegistrationPolicy(), problems);
        Assert.Empty(problems);
        Assert.NotNull(volunteer);
        Assert.Equal(Core.Accounts.Gender.Female, volunteer.Gender);
        Assert.Equal(102, volunteer.CityId); // Al Kharj, Riyadh region
        Assert.Equal("+966551234567", volunteer.Mobile);
        // 12 Rabi al-Awwal 1415 AH in Umm al-Qura
        Assert.Equal(Core.Calendar.DualDate.FromHijri(1415, 3, 12), volunteer.BirthDate);
    }

    [Fact]
    public void RowProblems_NameTheirRowAndColumn_InArabicAndEnglish()
    {
        var problems = new List<ImportProblem>();
        var header = ImportHeader.Match(ImportKind.Volunteers, ImportFiles.VolunteerHeaderEn, problems);
        var row = header.Read(7, ["1000000009", "نورة", "", "female", "1990-02-30", "0551234567", "n@example.sa", "Atlantis", "Riyadh"]);
        Assert.Null(ImportRowRules.Volunteer(row, new DateOnly(2026, 11, 23), new Core.Accounts.RegistrationPolicy(), problems));

        var checksum = Assert.Single(problems, p => p.Column == "national_id");
        Assert.Equal((7, "NationalId.BadCheckDigit"), (checksum.Row, checksum.Code));
        Assert.Contains(problems, p => p is { Row: 7, Column: "birth_date", Code: "Date.Invalid" });
        Assert.Contains(problems, p => p is { Row: 7, Column: "region", Code: "Region.Unknown" });

        var en = CultureInfo.GetCultureInfo("en");
        var ar = CultureInfo.GetCultureInfo("ar");
        Assert.Contains("check digit", ImportMessages.Describe(checksum, en), StringComparison.Ordinal);
        Assert.Contains("خانة التحقق", ImportMessages.Describe(checksum, ar), StringComparison.Ordinal);
        Assert.Equal("National ID", ImportMessages.ColumnName(ImportKind.Volunteers, checksum.Column, en));
        Assert.Equal("رقم الهوية", ImportMessages.ColumnName(ImportKind.Volunteers, checksum.Column, ar));
    }

    [Fact]
    public void AMissingRequiredColumn_IsAProblemOfTheHeader()
    {
        var problems = new List<ImportProblem>();
        ImportHeader.Match(ImportKind.Hours, ["National ID", "Date", "Hours", "Notes"], problems);
        var missing = Assert.Single(problems);
        Assert.Equal((1, "opportunity", "Column.Missing"), (missing.Row, missing.Column, missing.Code));
    }

    [Fact]
    public void ImportMessages_HaveTheSameKeysInArabicAndEnglish_AndCoverEveryCodeTheRulesUse()
    {
        var folder = Path.Combine(ResourceFilesTests.FindRepositoryRoot(), "src", "Athar.Core", "Import");
        HashSet<string> Keys(string file) => XDocument.Load(Path.Combine(folder, file)).Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet(StringComparer.Ordinal);
        var english = Keys("ImportMessages.resx");
        Assert.Equal(english, Keys("ImportMessages.ar.resx"));

        var codes = Directory.EnumerateFiles(folder, "*.cs").Concat(Directory.EnumerateFiles(Path.Combine(folder, "..", "..", "Athar.Data", "Import"), "*.cs"))
            .SelectMany(f => System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(f), "(?<!cref=)\"([A-Z][A-Za-z]+\\.[A-Z][A-Za-z]+)\"").Select(m => m.Groups[1].Value))
            .Where(c => !c.StartsWith("Athar.", StringComparison.Ordinal) && !c.StartsWith("Core.", StringComparison.Ordinal))
            .ToHashSet(StringComparer.Ordinal);
        Assert.Empty(codes.Except(english));
    }
}
