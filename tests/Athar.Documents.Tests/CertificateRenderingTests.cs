namespace Athar.Documents.Tests;

public class CertificateRenderingTests
{
    private static readonly Lazy<RenderedPdf> Participation =
        new(() => new RenderedPdf("participation-certificate", PdfDocuments.Render(SampleSheets.Participation())));

    private static readonly Lazy<RenderedPdf> Statement =
        new(() => new RenderedPdf("annual-statement-80-rows", PdfDocuments.Render(SampleSheets.AnnualStatement(80))));

    [Fact]
    public void Participation_IsOneA4PageOfPdf()
    {
        var pdf = Participation.Value;

        pdf.AssertIsPdf();
        Assert.Equal(1, pdf.PageCount);
        Assert.EndsWith("(A4)", PdfTools.PageSize(pdf.Path), StringComparison.Ordinal);
    }

    [Fact]
    public void Participation_TextHasEveryEnglishStringAndTheCode()
    {
        var sheet = SampleSheets.Participation();

        Participation.Value.AssertContains(
            [
                sheet.Issuer.English, sheet.Title.English, sheet.Statement.English, sheet.HolderName.English,
                sheet.VerificationHint.English, sheet.VerificationCode, sheet.VerificationUrl,
                .. sheet.Facts.SelectMany(f => new[] { f.Label.English, f.Value.English }),
            ]);
    }

    [Fact]
    public void Participation_DigitsKeepTheirOrderInBothScripts()
    {
        var text = Participation.Value.Text;

        Assert.True(text.Contains("120 hours"), "120 hours");
        Assert.True(text.Contains("١٢٠"), "Arabic-Indic 120 in logical order");
        Assert.False(text.Contains("٠٢١"), "Arabic-Indic 120 came out reversed");
        Assert.True(text.Contains("١٤٤٨"), "Hijri year 1448 in Arabic-Indic digits");
        Assert.False(text.Contains("٨٤٤١"), "Hijri year came out reversed");
        Assert.True(text.Contains("2026"), "Gregorian year");
        Assert.False(text.Contains("6202"), "Gregorian year came out reversed");
    }

    [Fact]
    public void Participation_ArabicLinesAreExtractedInReadingOrder()
    {
        var sheet = SampleSheets.Participation();

        // Lines of Arabic only come out of pdftotext in logical order, letters joined as typed.
        Participation.Value.AssertContains(
            [
                sheet.Issuer.Arabic, sheet.Title.Arabic, sheet.Statement.Arabic, sheet.HolderName.Arabic,
                sheet.VerificationHint.Arabic, .. sheet.Facts.Select(f => f.Label.Arabic),
            ]);
    }

    [Fact]
    public void Participation_ArabicValuesMixedWithNumbersHaveAllTheirWords()
    {
        // A line mixing Arabic with numbers is extracted in visual run order; each word is still there.
        Participation.Value.AssertContainsWordsOf(SampleSheets.Participation().Facts.Select(f => f.Value.Arabic).ToArray());
    }

    [Fact]
    public void Participation_QrCodeDecodesToTheVerificationUrl()
    {
        Assert.Equal(SampleSheets.Url, Participation.Value.DecodeQrOnPage(1));
    }

    [Fact]
    public void Statement_With80Rows_SpansPagesWithEveryRowAndTheHeaderOnEachPage()
    {
        var pdf = Statement.Value;

        Assert.True(pdf.PageCount >= 2, $"{pdf.PageCount} page(s)");
        var missing = Enumerable.Range(1, 80)
            .Select(n => SampleSheets.Row(n)[4].English)
            .Where(hours => !pdf.Text.Contains(hours))
            .ToList();
        Assert.Empty(missing);
        Assert.Equal(pdf.PageCount, pdf.Text.Count("Opportunity"));
        pdf.AssertContains("Total: 3,240 hours", "Food basket distribution in Al-Naseem", "2026-05-05");
        pdf.AssertContainsWordsOf("المجموع: ٣٬٢٤٠ ساعة");
        Assert.Equal(SampleSheets.Url, pdf.DecodeQrOnPage(pdf.PageCount));
    }

    [Fact]
    public void Render_SameSheet_GivesTheSameBytes()
    {
        var sheet = SampleSheets.AnnualStatement(12);

        Assert.Equal(PdfDocuments.Render(sheet), PdfDocuments.Render(sheet));
    }

    [Fact]
    public void Render_DatesThePdfFromTheSheet()
    {
        var created = PdfTools.Info(Participation.Value.Path).Split('\n')
            .Single(l => l.StartsWith("CreationDate:", StringComparison.Ordinal));

        // 09:30 in Riyadh (UTC+3) is 06:30 UTC.
        Assert.Contains("2026-11-23T06:30:00", created, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_SparseSheetWithLongValues_WrapsOnOnePage()
    {
        var longWords = string.Join(' ', Enumerable.Repeat("مشاركة ميدانية في خدمة ضيوف الرحمن", 8));
        var sheet = SampleSheets.Participation() with
        {
            Statement = new BilingualText("", ""),
            Facts = [new DocumentFact(new BilingualText("الوصف", "Description"), new BilingualText(longWords, "https://athar.sa/" + new string('x', 120)))],
        };

        var pdf = new RenderedPdf("sparse-long-values", PdfDocuments.Render(sheet));

        Assert.Equal(1, pdf.PageCount);
        pdf.AssertContains("https://athar.sa/" + new string('x', 120));
        pdf.AssertContainsWordsOf(longWords);
        Assert.Equal(SampleSheets.Url, pdf.DecodeQrOnPage(1));
    }
}
