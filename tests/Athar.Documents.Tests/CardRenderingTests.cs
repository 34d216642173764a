namespace Athar.Documents.Tests;

public class CardRenderingTests
{
    private static readonly Lazy<RenderedPdf> Card = new(() => new RenderedPdf("volunteer-card", PdfDocuments.Render(SampleSheets.Card())));

    [Fact]
    public void Card_IsTwoId1Pages()
    {
        var pdf = Card.Value;

        pdf.AssertIsPdf();
        Assert.Equal(2, pdf.PageCount);
        Assert.StartsWith("242.6", PdfTools.PageSize(pdf.Path), StringComparison.Ordinal); // 85.6 mm
        Assert.Contains("x 153.", PdfTools.PageSize(pdf.Path), StringComparison.Ordinal); // 54 mm
    }

    [Fact]
    public void Card_TextHasTheNamesTheFactsAndTheCode()
    {
        var sheet = SampleSheets.Card();

        Card.Value.AssertContains(
            [
                sheet.HolderName.English, sheet.HolderName.Arabic, sheet.Title.English, sheet.Title.Arabic,
                sheet.VerificationCode, sheet.VerificationUrl,
                .. sheet.Facts.SelectMany(f => new[] { f.Label.English, f.Value.English }),
            ]);
        // The back's columns are narrow: Arabic labels and values may wrap, so they are checked word by word.
        Card.Value.AssertContainsWordsOf(sheet.Facts.SelectMany(f => new[] { f.Label.Arabic, f.Value.Arabic }).ToArray());
        Assert.True(Card.Value.Text.Contains("٣٤٥٦"), "licence number in Arabic-Indic digits, in order");
    }

    [Fact]
    public void Card_TheWidestVerificationCode_StaysOnOneLine()
    {
        // Codes are random Crockford base-32: one made of its widest letters must still read as one line under the QR
        // code (people type it on the verification page), not break after a hyphen.
        const string widest = "WWWW-MMMM-WWWW-MMMM";
        var pdf = new RenderedPdf("volunteer-card-widest-code", PdfDocuments.Render(SampleSheets.Card() with { VerificationCode = widest }));

        Assert.Contains(widest, pdf.Text.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Card_QrCodeOnTheFrontDecodesToTheVerificationUrl()
    {
        // The card's QR code is 23 mm wide: at 80 dpi a module would be about two pixels, so read it at 200 dpi.
        Assert.Equal(SampleSheets.Url, Card.Value.DecodeQrOnPage(1, dpi: 200));
    }
}
