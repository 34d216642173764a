using SkiaSharp;

namespace Athar.Documents.Rendering;

/// <summary>How a paragraph is set: typeface, size in points, colour and line height as a multiple of the size.</summary>
internal sealed record TextStyle(FontFace Face, float Size, SKColor Color, float LineSpacing = 1.5f)
{
    public float LineHeight => Size * LineSpacing;

    public TextStyle WithSize(float size) => this with { Size = size };

    public TextStyle WithColor(SKColor color) => this with { Color = color };
}
