using SkiaSharp;

namespace Athar.Documents.Rendering;

/// <summary>
/// A run shaped by HarfBuzz: glyphs in visual order with their positions from the run's left edge, and the
/// run's UTF-8 text with each glyph's cluster (byte offset), so the PDF carries the original text.
/// </summary>
internal sealed record ShapedRun(ushort[] Glyphs, SKPoint[] Positions, uint[] Clusters, byte[] Utf8, float Width);
