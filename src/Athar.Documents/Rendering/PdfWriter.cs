using System.Security.Cryptography;
using System.Text;
using SkiaSharp;

namespace Athar.Documents.Rendering;

/// <summary>Writes pages to a PDF with Skia (fonts embedded as subsets), dated from the sheet, byte-for-byte repeatable.</summary>
internal static class PdfWriter
{
    public static byte[] Write(SKSize pageSize, int pageCount, Action<SKCanvas, int> drawPage, string title, DateTimeOffset createdAt)
    {
        using var stream = new MemoryStream();
        var metadata = new SKDocumentPdfMetadata
        {
            Title = title,
            Creator = "Athar",
            Producer = "Athar.Documents",
            Creation = createdAt.UtcDateTime,
            Modified = createdAt.UtcDateTime,
            RasterDpi = 300,
        };
        using (var document = SKDocument.CreatePdf(stream, metadata))
        {
            for (var page = 0; page < pageCount; page++)
            {
                var canvas = document.BeginPage(pageSize.Width, pageSize.Height);
                drawPage(canvas, page);
                document.EndPage();
            }

            document.Close();
        }

        return WithContentDerivedId(stream.ToArray());
    }

    // Skia seeds the trailer's /ID with the wall clock and memory addresses. Replacing it (same length, so the
    // cross-reference offsets stay valid) with a hash of the rest makes equal input give equal bytes.
    private static byte[] WithContentDerivedId(byte[] pdf)
    {
        var text = Encoding.Latin1.GetString(pdf);
        var idAt = text.LastIndexOf("/ID [<", StringComparison.Ordinal);
        if (idAt < 0)
        {
            return pdf;
        }

        var firstStart = idAt + "/ID [<".Length;
        var firstEnd = text.IndexOf('>', firstStart);
        var secondStart = text.IndexOf('<', firstEnd) + 1;
        var secondEnd = text.IndexOf('>', secondStart);
        if (firstEnd < 0 || secondStart <= 0 || secondEnd < 0)
        {
            return pdf;
        }

        var withoutId = pdf.AsSpan(0, firstStart).ToArray().Concat(pdf.AsSpan(secondEnd).ToArray()).ToArray();
        var hash = Convert.ToHexString(SHA256.HashData(withoutId));
        var result = (byte[])pdf.Clone();
        WriteHex(result, firstStart, firstEnd - firstStart, hash);
        WriteHex(result, secondStart, secondEnd - secondStart, hash);
        return result;
    }

    private static void WriteHex(byte[] pdf, int start, int length, string hash)
    {
        for (var i = 0; i < length; i++)
        {
            pdf[start + i] = (byte)hash[i % hash.Length];
        }
    }
}
