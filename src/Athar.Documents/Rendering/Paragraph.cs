using SkiaSharp;

namespace Athar.Documents.Rendering;

/// <summary>A wrapped, shaped paragraph in a box of known width; its height is known before it is drawn.</summary>
internal sealed class Paragraph
{
    private readonly Typesetter _typesetter;
    private readonly IReadOnlyList<IReadOnlyList<ShapedRun>> _lines;
    private readonly TextStyle _style;
    private readonly float _boxWidth;
    private readonly TextAlignment _alignment;

    public Paragraph(
        Typesetter typesetter, IReadOnlyList<IReadOnlyList<ShapedRun>> lines, TextStyle style, float boxWidth, TextAlignment alignment)
    {
        _typesetter = typesetter;
        _lines = lines;
        _style = style;
        _boxWidth = boxWidth;
        _alignment = alignment;
    }

    public float Height => _lines.Count * _style.LineHeight;

    public float WidestLine => _lines.Count == 0 ? 0 : _lines.Max(LineWidth);

    public void Draw(SKCanvas canvas, float left, float top)
    {
        var font = _typesetter.FontFor(_style);
        using var paint = new SKPaint { Color = _style.Color, IsAntialias = true };
        // Centres the em box (ascent of ~0.8 em above the baseline) in the line's height.
        var baseline = top + (_style.LineHeight / 2) + (_style.Size * 0.3f);
        foreach (var line in _lines)
        {
            var x = _alignment switch
            {
                TextAlignment.Left => left,
                TextAlignment.Right => left + _boxWidth - LineWidth(line),
                _ => left + ((_boxWidth - LineWidth(line)) / 2),
            };
            if (line.Count > 0)
            {
                using var blob = BuildLine(line, font);
                canvas.DrawText(blob, x, baseline, paint);
            }

            baseline += _style.LineHeight;
        }
    }

    private static float LineWidth(IReadOnlyList<ShapedRun> line) => line.Sum(r => r.Width);

    // One text run per shaped run, each with its text and clusters: Skia's PDF backend then writes ToUnicode /
    // ActualText so the document's text can be searched and copied.
    private static SKTextBlob BuildLine(IReadOnlyList<ShapedRun> line, SKFont font)
    {
        using var builder = new SKTextBlobBuilder();
        var x = 0f;
        foreach (var run in line)
        {
            var buffer = builder.AllocatePositionedTextRun(font, run.Glyphs.Length, run.Utf8.Length, null);
            run.Glyphs.CopyTo(buffer.Glyphs);
            var positions = buffer.Positions;
            for (var i = 0; i < run.Positions.Length; i++)
            {
                positions[i] = new SKPoint(run.Positions[i].X + x, run.Positions[i].Y);
            }

            run.Utf8.CopyTo(buffer.Text);
            run.Clusters.CopyTo(buffer.Clusters);
            x += run.Width;
        }

        return builder.Build()!;
    }
}
