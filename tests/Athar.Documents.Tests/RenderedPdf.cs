namespace Athar.Documents.Tests;

/// <summary>A rendered document saved under the artifacts folder, with its extracted text.</summary>
internal sealed class RenderedPdf
{
    public RenderedPdf(string name, byte[] bytes)
    {
        Bytes = bytes;
        Path = Artifacts.Save(name, bytes);
        Text = new ExtractedText(PdfTools.ExtractText(Path), PdfTools.ExtractText(Path, raw: true));
    }

    public byte[] Bytes { get; }

    public string Path { get; }

    public ExtractedText Text { get; }

    public int PageCount => PdfTools.PageCount(Path);

    /// <summary>Renders a page to a PNG next to the PDF and returns the payload zbarimg decodes from it.</summary>
    public string DecodeQrOnPage(int page, int dpi = 80)
    {
        var png = Artifacts.PngFor(Path, FormattableString.Invariant($"-page{page}"));
        PdfTools.RenderPng(Path, png, page, dpi);
        return PdfTools.DecodeQr(png);
    }

    public void AssertIsPdf()
    {
        Assert.True(Bytes.AsSpan().StartsWith("%PDF-"u8), "the document does not start with %PDF-");
        Assert.EndsWith("%%EOF", System.Text.Encoding.ASCII.GetString(Bytes[^16..]).TrimEnd(), StringComparison.Ordinal);
    }

    public void AssertContains(params string[] expected)
    {
        var missing = expected.Where(e => !Text.Contains(e)).ToList();
        Assert.True(missing.Count == 0, $"Not in the text of {Path}: {string.Join(" | ", missing)}\n--- text ---\n{Text.Text}");
    }

    public void AssertContainsWordsOf(params string[] expected)
    {
        var missing = expected.SelectMany(Text.MissingWordsOf).ToList();
        Assert.True(missing.Count == 0, $"Words not in the text of {Path}: {string.Join(" | ", missing)}\n--- text ---\n{Text.Text}");
    }
}
