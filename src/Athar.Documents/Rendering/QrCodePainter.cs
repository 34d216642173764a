using QRCoder;
using SkiaSharp;

namespace Athar.Documents.Rendering;

/// <summary>Draws a QR code as vector rectangles (crisp at any zoom or print resolution), quiet zone included.</summary>
internal static class QrCodePainter
{
    public static void Draw(SKCanvas canvas, string content, SKRect square, SKColor dark)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(content, QRCodeGenerator.ECCLevel.M);
        var matrix = data.ModuleMatrix; // includes the 4-module quiet zone on every side
        var modules = matrix.Count;
        var size = Math.Min(square.Width, square.Height);
        var module = size / modules;

        using var background = new SKPaint { Color = SKColors.White, Style = SKPaintStyle.Fill };
        canvas.DrawRect(SKRect.Create(square.Left, square.Top, size, size), background);
        using var ink = new SKPaint { Color = dark, Style = SKPaintStyle.Fill, IsAntialias = false };
        for (var row = 0; row < modules; row++)
        {
            var column = 0;
            while (column < modules)
            {
                if (!matrix[row][column])
                {
                    column++;
                    continue;
                }

                // One rectangle per horizontal run of dark modules: no hairline seams between neighbours.
                var start = column;
                while (column < modules && matrix[row][column])
                {
                    column++;
                }

                canvas.DrawRect(
                    SKRect.Create(square.Left + (start * module), square.Top + (row * module), (column - start) * module, module), ink);
            }
        }
    }
}
