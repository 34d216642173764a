using Athar.Documents.Rendering;
using SkiaSharp;

namespace Athar.Documents.Tests;

public class TypesetterTests
{
    private static readonly TextStyle Style = new(FontFace.Naskh, 12, SKColors.Black);

    [Fact]
    public void Shape_ArabicIndicDigits_ForcedLeftToRight_KeepsTheirOrder()
    {
        using var typesetter = new Typesetter(DocumentFonts.Shared);

        var run = typesetter.Shape("١٢٠", rightToLeft: false, Style);

        Assert.Equal([0u, 2u, 4u], run.Clusters); // UTF-8 offsets, left to right
        Assert.True(run.Positions[0].X < run.Positions[1].X && run.Positions[1].X < run.Positions[2].X);
    }

    [Fact]
    public void Shape_ArabicWord_JoinsLettersRightToLeft()
    {
        using var typesetter = new Typesetter(DocumentFonts.Shared);
        var isolated = typesetter.Shape("س", rightToLeft: true, Style).Glyphs[0];

        var run = typesetter.Shape("سلام", rightToLeft: true, Style);

        Assert.True(run.Clusters[0] > run.Clusters[^1], "glyphs are in visual order: the first letter is at the right");
        Assert.NotEqual(isolated, run.Glyphs[^1]); // the initial form of seen, not the isolated one
    }

    [Fact]
    public void Fonts_MissingFolder_FailWithAClearMessage()
    {
        var folder = Path.Combine(Path.GetTempPath(), "athar-no-fonts-" + Guid.NewGuid().ToString("N"));

        var error = Assert.Throws<FileNotFoundException>(() => DocumentFonts.Load(folder));

        Assert.Contains("Amiri_400Regular.ttf", error.Message, StringComparison.Ordinal);
        Assert.Contains(folder, error.Message, StringComparison.Ordinal);
    }
}
