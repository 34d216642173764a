using SkiaSharp;

namespace Athar.Documents.Rendering;

/// <summary>The documents' colours: a deep green accent with a muted gold, on white.</summary>
internal static class Palette
{
    public static readonly SKColor Green = new(0x0B, 0x6E, 0x4F);
    public static readonly SKColor Gold = new(0xA8, 0x86, 0x4B);
    public static readonly SKColor Ink = new(0x1C, 0x26, 0x22);
    public static readonly SKColor Muted = new(0x5A, 0x68, 0x62);
    public static readonly SKColor Hairline = new(0xC8, 0xD6, 0xCF);
    public static readonly SKColor Zebra = new(0xF1, 0xF6, 0xF4);
    public static readonly SKColor White = SKColors.White;
}
