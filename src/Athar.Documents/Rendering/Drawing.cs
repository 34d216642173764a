using System.Globalization;
using SkiaSharp;

namespace Athar.Documents.Rendering;

/// <summary>Small drawing helpers shared by the layouts.</summary>
internal static class Drawing
{
    public static void Line(SKCanvas canvas, float x0, float y0, float x1, float y1, SKColor color, float width)
    {
        using var paint = new SKPaint { Color = color, StrokeWidth = width, Style = SKPaintStyle.Stroke, IsAntialias = true };
        canvas.DrawLine(x0, y0, x1, y1, paint);
    }

    public static void Frame(SKCanvas canvas, SKRect rect, SKColor color, float width)
    {
        using var paint = new SKPaint { Color = color, StrokeWidth = width, Style = SKPaintStyle.Stroke, IsAntialias = true };
        canvas.DrawRect(rect, paint);
    }

    public static void Fill(SKCanvas canvas, SKRect rect, SKColor color)
    {
        using var paint = new SKPaint { Color = color, Style = SKPaintStyle.Fill, IsAntialias = true };
        canvas.DrawRect(rect, paint);
    }

    /// <summary>A number in Arabic-Indic digits (٠–٩), as Arabic page numbers are printed.</summary>
    public static string ArabicIndic(int number) =>
        string.Concat(number.ToString(CultureInfo.InvariantCulture).Select(d => (char)('\u0660' + (d - '0'))));
}
