using SkiaSharp;

namespace Athar.Documents.Rendering;

/// <summary>
/// Lays out a volunteer card on two ID-1 pages (85.6 × 54 mm): the front with the header band, the names, the QR
/// code and the verification code; the back with the facts, Arabic on the right half and English on the left
/// half, set smaller until they fit.
/// </summary>
internal sealed class CardLayout
{
    private const float MillimetresToPoints = 72 / 25.4f;
    private static readonly SKSize Id1 = new(85.6f * MillimetresToPoints, 54f * MillimetresToPoints);
    private const float Margin = 9;
    private const float BandHeight = 24;
    private const float QrSize = 66;

    // Amiri rather than Cairo for words: Cairo's lam-alef and Allah ligatures come out of pdftotext reversed.
    private static readonly TextStyle BandArabic = new(FontFace.NaskhBold, 8.5f, Palette.White, 1.35f);
    private static readonly TextStyle BandEnglish = new(FontFace.Naskh, 6.5f, Palette.White, 1.35f);
    private static readonly TextStyle TitleArabic = new(FontFace.NaskhBold, 10, Palette.Green, 1.4f);
    private static readonly TextStyle TitleEnglish = new(FontFace.Naskh, 7.5f, Palette.Green, 1.4f);
    private static readonly TextStyle NameArabic = new(FontFace.NaskhBold, 13.5f, Palette.Ink, 1.45f);
    private static readonly TextStyle NameEnglish = new(FontFace.NaskhBold, 9, Palette.Ink, 1.45f);
    private static readonly TextStyle Code = new(FontFace.SansBold, 6.5f, Palette.Ink, 1.3f);
    private static readonly TextStyle Url = new(FontFace.Sans, 5, Palette.Muted, 1.3f);
    private static readonly TextStyle FactLabel = new(FontFace.NaskhBold, 7, Palette.Green, 1.4f);
    private static readonly TextStyle FactValue = new(FontFace.Naskh, 7, Palette.Ink, 1.4f);

    private readonly CardSheet _sheet;
    private readonly Typesetter _type;

    private CardLayout(CardSheet sheet, Typesetter typesetter)
    {
        _sheet = sheet;
        _type = typesetter;
    }

    public static byte[] Render(CardSheet sheet)
    {
        using var typesetter = new Typesetter(DocumentFonts.Shared);
        var layout = new CardLayout(sheet, typesetter);
        return PdfWriter.Write(Id1, 2, (canvas, page) =>
        {
            layout.DrawBand(canvas);
            if (page == 0)
            {
                layout.DrawFront(canvas);
            }
            else
            {
                layout.DrawBack(canvas);
            }

            Drawing.Fill(canvas, SKRect.Create(0, Id1.Height - 3, Id1.Width, 3), Palette.Gold);
        }, $"{sheet.Title.English} — {sheet.HolderName.English}", sheet.CreatedAt);
    }

    private void DrawBand(SKCanvas canvas)
    {
        Drawing.Fill(canvas, SKRect.Create(0, 0, Id1.Width, BandHeight), Palette.Green);
        var half = (Id1.Width - (2 * Margin)) / 2;
        var arabic = _type.LayoutArabic(_sheet.Issuer.Arabic, BandArabic, half + 20);
        var english = _type.LayoutEnglish(_sheet.Issuer.English, BandEnglish, half - 20);
        arabic.Draw(canvas, Id1.Width - Margin - half - 20, (BandHeight - arabic.Height) / 2);
        english.Draw(canvas, Margin, (BandHeight - english.Height) / 2);
    }

    /// <summary>
    /// The text on a single line, the style's size reduced in small steps until it fits: a verification code is typed
    /// from the card, and a random one of wide letters (WWWW-MMMM-…) wrapped after a hyphen at the full size.
    /// </summary>
    private Paragraph OneLine(string text, TextStyle style, float width)
    {
        var paragraph = _type.LayoutEnglish(text, style, width, TextAlignment.Centre);
        while (paragraph.Height > style.LineHeight && style.Size > 4)
        {
            style = style.WithSize(style.Size - 0.25f);
            paragraph = _type.LayoutEnglish(text, style, width, TextAlignment.Centre);
        }
        return paragraph;
    }

    private void DrawFront(SKCanvas canvas)
    {
        var qrLeft = Margin - 3;
        var textLeft = qrLeft + QrSize + 6;
        var textWidth = Id1.Width - Margin - textLeft;
        var y = BandHeight + 5;
        foreach (var paragraph in new[]
        {
            _type.LayoutArabic(_sheet.Title.Arabic, TitleArabic, textWidth),
            _type.LayoutEnglish(_sheet.Title.English, TitleEnglish, textWidth, TextAlignment.Right),
        })
        {
            paragraph.Draw(canvas, textLeft, y);
            y += paragraph.Height;
        }

        Drawing.Line(canvas, textLeft + 30, y + 3, textLeft + textWidth, y + 3, Palette.Gold, 0.6f);
        y += 8;
        foreach (var paragraph in new[]
        {
            _type.LayoutArabic(_sheet.HolderName.Arabic, NameArabic, textWidth),
            _type.LayoutEnglish(_sheet.HolderName.English, NameEnglish, textWidth, TextAlignment.Right),
        })
        {
            paragraph.Draw(canvas, textLeft, y);
            y += paragraph.Height;
        }

        var qrTop = BandHeight + 4;
        QrCodePainter.Draw(canvas, _sheet.VerificationUrl, SKRect.Create(qrLeft, qrTop, QrSize, QrSize), Palette.Ink);
        var code = OneLine(_sheet.VerificationCode, Code, QrSize + 10);
        code.Draw(canvas, qrLeft - 5, qrTop + QrSize);
        var url = _type.LayoutEnglish(_sheet.VerificationUrl, Url, Id1.Width - (2 * Margin), TextAlignment.Centre);
        url.Draw(canvas, Margin, Id1.Height - 5 - url.Height);
    }

    private void DrawBack(SKCanvas canvas)
    {
        var top = BandHeight + 5;
        var bottom = Id1.Height - 7;
        // The largest size (from 115% down) at which the facts fit and no word has to be cut.
        for (var scale = 1.15f; ; scale -= 0.05f)
        {
            var rows = LayoutFacts(scale);
            if ((rows.Sum(r => r.Height) <= bottom - top && WordsFit(scale)) || scale < 0.6f)
            {
                DrawFacts(canvas, rows, top);
                return;
            }
        }
    }

    private static readonly FactColumns Columns = new(Margin, Id1.Width - Margin, Gutter: 8, LabelWidth: 48, LabelGap: 3, Padding: 1);

    private List<FactRow> LayoutFacts(float scale)
    {
        var label = FactLabel.WithSize(FactLabel.Size * scale);
        var value = FactValue.WithSize(FactValue.Size * scale);
        return _sheet.Facts.Select(fact => new FactRow(_type, fact, label, value, label, value, Columns)).ToList();
    }

    private bool WordsFit(float scale)
    {
        var label = FactLabel.WithSize(FactLabel.Size * scale);
        var value = FactValue.WithSize(FactValue.Size * scale);
        return _sheet.Facts.All(fact =>
            WidestWord(fact.Label.Arabic, label, Text.TextDirection.RightToLeft) <= Columns.LabelWidth
            && WidestWord(fact.Label.English, label, Text.TextDirection.LeftToRight) <= Columns.LabelWidth
            && WidestWord(fact.Value.Arabic, value, Text.TextDirection.RightToLeft) <= Columns.ValueWidth
            && WidestWord(fact.Value.English, value, Text.TextDirection.LeftToRight) <= Columns.ValueWidth);
    }

    private float WidestWord(string text, TextStyle style, Text.TextDirection direction) =>
        text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => _type.Measure(w, style, direction)).DefaultIfEmpty(0).Max();

    private static void DrawFacts(SKCanvas canvas, List<FactRow> rows, float top)
    {
        foreach (var row in rows)
        {
            row.Draw(canvas, top, 0.3f);
            top += row.Height;
        }
    }
}
