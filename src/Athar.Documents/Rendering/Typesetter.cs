using System.Text;
using Athar.Documents.Text;
using HarfBuzzSharp;
using SkiaSharp;
using SkiaSharp.HarfBuzz;

namespace Athar.Documents.Rendering;

/// <summary>
/// Shapes and measures text for one document: bidi runs from <see cref="BidiRuns"/>, each shaped by HarfBuzz in
/// its own direction (forced, since Arabic-Indic digits are script Arabic yet read left to right), then wrapped
/// by <see cref="LineBreaker"/>. Shaped runs are cached because wrapping measures the same words repeatedly.
/// </summary>
internal sealed class Typesetter : IDisposable
{
    private readonly DocumentFonts _fonts;
    private readonly Dictionary<FontFace, SKShaper> _shapers = [];
    private readonly Dictionary<(FontFace Face, float Size), SKFont> _skFonts = [];
    private readonly Dictionary<(FontFace Face, float Size, bool Rtl, string Text), ShapedRun> _runs = [];

    public Typesetter(DocumentFonts fonts) => _fonts = fonts;

    public SKFont FontFor(TextStyle style)
    {
        if (!_skFonts.TryGetValue((style.Face, style.Size), out var font))
        {
            font = new SKFont(_fonts[style.Face], style.Size)
            {
                Subpixel = true,
                Edging = SKFontEdging.Antialias,
                Hinting = SKFontHinting.None,
            };
            _skFonts[(style.Face, style.Size)] = font;
        }

        return font;
    }

    public ShapedRun Shape(string text, bool rightToLeft, TextStyle style)
    {
        var key = (style.Face, style.Size, rightToLeft, text);
        if (_runs.TryGetValue(key, out var cached))
        {
            return cached;
        }

        if (!_shapers.TryGetValue(style.Face, out var shaper))
        {
            shaper = new SKShaper(_fonts[style.Face]);
            _shapers[style.Face] = shaper;
        }

        var utf8 = Encoding.UTF8.GetBytes(text);
        using var buffer = new HarfBuzzSharp.Buffer();
        buffer.AddUtf8(utf8);
        buffer.GuessSegmentProperties();
        buffer.Direction = rightToLeft ? Direction.RightToLeft : Direction.LeftToRight;
        var result = shaper.Shape(buffer, FontFor(style));
        var run = new ShapedRun(
            result.Codepoints.Select(g => (ushort)g).ToArray(), result.Points, result.Clusters, utf8, result.Width);
        _runs[key] = run;
        return run;
    }

    public float Measure(string line, TextStyle style, TextDirection direction) =>
        BidiRuns.Split(line, direction).Sum(r => Shape(r.TextOf(line), r.IsRightToLeft, style).Width);

    public Paragraph Layout(string text, TextStyle style, float width, TextAlignment alignment, TextDirection direction)
    {
        var lines = LineBreaker.Wrap(text, width, line => Measure(line, style, direction))
            .Select(line => BidiRuns.SplitInVisualOrder(line, direction)
                .Select(r => Shape(r.TextOf(line), r.IsRightToLeft, style))
                .ToList())
            .ToList();
        return new Paragraph(this, lines, style, width, alignment);
    }

    /// <summary>Lays out Arabic: right-to-left, right-aligned unless told otherwise.</summary>
    public Paragraph LayoutArabic(string text, TextStyle style, float width, TextAlignment alignment = TextAlignment.Right) =>
        Layout(text, style, width, alignment, TextDirection.RightToLeft);

    /// <summary>Lays out English: left-to-right, left-aligned unless told otherwise.</summary>
    public Paragraph LayoutEnglish(string text, TextStyle style, float width, TextAlignment alignment = TextAlignment.Left) =>
        Layout(text, style, width, alignment, TextDirection.LeftToRight);

    public void Dispose()
    {
        foreach (var shaper in _shapers.Values)
        {
            shaper.Dispose();
        }

        foreach (var font in _skFonts.Values)
        {
            font.Dispose();
        }
    }
}
