using SkiaSharp;

namespace Athar.Documents.Rendering;

/// <summary>
/// Lays out an A4 certificate: double border, issuer, title and holder in both scripts, facts with Arabic on the
/// right half and English on the left half, an optional table that runs over pages with its header repeated, and
/// the QR block; every page has a footer with the verification code and page numbers.
/// </summary>
internal sealed class CertificateLayout
{
    private static readonly SKSize A4 = new(595, 842);
    private const float Left = 50;
    private const float Right = 545;
    private const float Width = Right - Left;
    private const float Centre = (Left + Right) / 2;
    private const float Gutter = 22;
    private const float HalfWidth = (Width - Gutter) / 2;
    private const float LabelWidth = 92;
    private const float LabelGap = 8;
    private const float FooterTop = 790;
    private const float QrSize = 92;

    private static readonly TextStyle IssuerArabic = new(FontFace.NaskhBold, 13, Palette.Green);
    private static readonly TextStyle IssuerEnglish = new(FontFace.Naskh, 10.5f, Palette.Muted);
    private static readonly TextStyle TitleArabic = new(FontFace.NaskhBold, 30, Palette.Green, 1.45f);
    private static readonly TextStyle TitleEnglish = new(FontFace.Naskh, 17, Palette.Ink);
    private static readonly TextStyle StatementArabic = new(FontFace.Naskh, 14, Palette.Ink);
    private static readonly TextStyle StatementEnglish = new(FontFace.Naskh, 11.5f, Palette.Muted);
    private static readonly TextStyle NameArabic = new(FontFace.NaskhBold, 25, Palette.Ink, 1.45f);
    private static readonly TextStyle NameEnglish = new(FontFace.NaskhBold, 17, Palette.Ink);
    private static readonly TextStyle LabelArabic = new(FontFace.NaskhBold, 11, Palette.Green);
    private static readonly TextStyle LabelEnglish = new(FontFace.NaskhBold, 10, Palette.Green);
    private static readonly TextStyle ValueArabic = new(FontFace.Naskh, 11.5f, Palette.Ink);
    private static readonly TextStyle ValueEnglish = new(FontFace.Naskh, 10.5f, Palette.Ink);
    private static readonly TextStyle HeaderArabic = new(FontFace.NaskhBold, 10, Palette.White, 1.4f);
    private static readonly TextStyle HeaderEnglish = new(FontFace.Naskh, 8.5f, Palette.White, 1.4f);
    private static readonly TextStyle CellArabic = new(FontFace.Naskh, 10, Palette.Ink, 1.4f);
    private static readonly TextStyle CellEnglish = new(FontFace.Naskh, 8.5f, Palette.Muted, 1.4f);
    private static readonly TextStyle TotalArabic = new(FontFace.NaskhBold, 11, Palette.Green);
    private static readonly TextStyle TotalEnglish = new(FontFace.NaskhBold, 10, Palette.Green);
    private static readonly TextStyle HintArabic = new(FontFace.Naskh, 11, Palette.Ink);
    private static readonly TextStyle HintEnglish = new(FontFace.Naskh, 10, Palette.Muted);
    private static readonly TextStyle Code = new(FontFace.SansBold, 10, Palette.Ink, 1.4f);
    private static readonly TextStyle Url = new(FontFace.Sans, 7.5f, Palette.Muted, 1.4f);
    private static readonly TextStyle Footer = new(FontFace.Naskh, 8.5f, Palette.Muted);
    private static readonly TextStyle RunningArabic = new(FontFace.NaskhBold, 11, Palette.Green);
    private static readonly TextStyle RunningEnglish = new(FontFace.Naskh, 10, Palette.Ink);

    private readonly CertificateSheet _sheet;
    private readonly Typesetter _type;
    private readonly PageSequence _pages;

    private CertificateLayout(CertificateSheet sheet, Typesetter typesetter)
    {
        _sheet = sheet;
        _type = typesetter;
        _pages = new PageSequence(top: 50, bottom: FooterTop - 8, onContinuationPage: PlaceRunningHeader);
    }

    public static byte[] Render(CertificateSheet sheet)
    {
        using var typesetter = new Typesetter(DocumentFonts.Shared);
        var layout = new CertificateLayout(sheet, typesetter);
        layout.PlaceHeading();
        layout.PlaceFacts();
        if (sheet.Table is { } table)
        {
            new TableLayout(typesetter, layout._pages, table, Left, Width, TableStyles).Place();
        }

        layout.PlaceVerification();
        var pageCount = layout._pages.PageCount;
        return PdfWriter.Write(A4, pageCount, (canvas, page) =>
        {
            DrawBorder(canvas);
            layout._pages.Draw(canvas, page);
            layout.DrawFooter(canvas, page, pageCount);
        }, $"{sheet.Title.English} — {sheet.HolderName.English}", sheet.CreatedAt);
    }

    private static TableStyles TableStyles => new(HeaderArabic, HeaderEnglish, CellArabic, CellEnglish, TotalArabic, TotalEnglish);

    private void PlaceHeading()
    {
        PlaceCentred(_sheet.Issuer, IssuerArabic, IssuerEnglish);
        _pages.Place(18, (canvas, top) =>
        {
            Drawing.Line(canvas, Centre - 70, top + 9, Centre - 6, top + 9, Palette.Gold, 0.8f);
            Drawing.Line(canvas, Centre + 6, top + 9, Centre + 70, top + 9, Palette.Gold, 0.8f);
            using var diamond = new SKPaint { Color = Palette.Gold, IsAntialias = true };
            using var path = new SKPath();
            path.MoveTo(Centre, top + 6);
            path.LineTo(Centre + 3, top + 9);
            path.LineTo(Centre, top + 12);
            path.LineTo(Centre - 3, top + 9);
            path.Close();
            canvas.DrawPath(path, diamond);
        });
        _pages.Skip(6);
        PlaceCentred(_sheet.Title, TitleArabic, TitleEnglish);
        _pages.Skip(16);
        PlaceCentred(_sheet.Statement, StatementArabic, StatementEnglish);
        _pages.Skip(6);
        PlaceCentred(_sheet.HolderName, NameArabic, NameEnglish);
        _pages.Skip(10);
        _pages.Place(14, (canvas, top) => Drawing.Line(canvas, Left, top + 4, Right, top + 4, Palette.Hairline, 0.7f));
    }

    private void PlaceCentred(BilingualText text, TextStyle arabic, TextStyle english)
    {
        if (!string.IsNullOrWhiteSpace(text.Arabic))
        {
            var paragraph = _type.LayoutArabic(text.Arabic, arabic, Width, TextAlignment.Centre);
            _pages.Place(paragraph.Height, (canvas, top) => paragraph.Draw(canvas, Left, top));
        }

        if (!string.IsNullOrWhiteSpace(text.English))
        {
            var paragraph = _type.LayoutEnglish(text.English, english, Width, TextAlignment.Centre);
            _pages.Place(paragraph.Height, (canvas, top) => paragraph.Draw(canvas, Left, top));
        }
    }

    private void PlaceFacts()
    {
        var columns = new FactColumns(Left, Right, Gutter, LabelWidth, LabelGap, Padding: 5);
        foreach (var fact in _sheet.Facts)
        {
            var row = new FactRow(_type, fact, LabelArabic, ValueArabic, LabelEnglish, ValueEnglish, columns);
            _pages.Place(row.Height, (canvas, top) => row.Draw(canvas, top, 0.4f));
        }

        _pages.Skip(14);
    }

    private void PlaceVerification()
    {
        const float sideWidth = (Width - QrSize - 40) / 2;
        var hintArabic = _type.LayoutArabic(_sheet.VerificationHint.Arabic, HintArabic, sideWidth);
        var hintEnglish = _type.LayoutEnglish(_sheet.VerificationHint.English, HintEnglish, sideWidth);
        var code = _type.LayoutEnglish(_sheet.VerificationCode, Code, Width, TextAlignment.Centre);
        var url = _type.LayoutEnglish(_sheet.VerificationUrl, Url, 300, TextAlignment.Centre);
        var height = QrSize + 4 + code.Height + url.Height;
        _pages.PlaceAtBottom(height, (canvas, top) =>
        {
            QrCodePainter.Draw(canvas, _sheet.VerificationUrl, SKRect.Create(Centre - (QrSize / 2), top, QrSize, QrSize), Palette.Ink);
            var middle = top + (QrSize / 2);
            hintArabic.Draw(canvas, Right - sideWidth, middle - (hintArabic.Height / 2));
            hintEnglish.Draw(canvas, Left, middle - (hintEnglish.Height / 2));
            code.Draw(canvas, Left, top + QrSize + 4);
            url.Draw(canvas, Centre - 150, top + QrSize + 4 + code.Height);
        });
    }

    private void PlaceRunningHeader(PageSequence pages)
    {
        var arabic = _type.LayoutArabic(_sheet.Title.Arabic, RunningArabic, HalfWidth);
        var english = _type.LayoutEnglish(_sheet.Title.English, RunningEnglish, HalfWidth);
        var height = Math.Max(arabic.Height, english.Height) + 4;
        pages.Place(height + 10, (canvas, top) =>
        {
            arabic.Draw(canvas, Right - HalfWidth, top);
            english.Draw(canvas, Left, top + ((arabic.Height - english.Height) / 2));
            Drawing.Line(canvas, Left, top + height, Right, top + height, Palette.Hairline, 0.7f);
        });
    }

    private static void DrawBorder(SKCanvas canvas)
    {
        Drawing.Frame(canvas, new SKRect(22, 22, A4.Width - 22, A4.Height - 22), Palette.Green, 2.2f);
        Drawing.Frame(canvas, new SKRect(28, 28, A4.Width - 28, A4.Height - 28), Palette.Gold, 0.7f);
    }

    private void DrawFooter(SKCanvas canvas, int page, int pageCount)
    {
        Drawing.Line(canvas, Left, FooterTop, Right, FooterTop, Palette.Hairline, 0.6f);
        var arabic = _type.LayoutArabic($"صفحة {Drawing.ArabicIndic(page + 1)} من {Drawing.ArabicIndic(pageCount)}", Footer, 120);
        var english = _type.LayoutEnglish(FormattableString.Invariant($"Page {page + 1} of {pageCount}"), Footer, 120);
        var code = _type.LayoutEnglish(_sheet.VerificationCode, Footer, 200, TextAlignment.Centre);
        arabic.Draw(canvas, Right - 120, FooterTop + 3);
        english.Draw(canvas, Left, FooterTop + 3);
        code.Draw(canvas, Centre - 100, FooterTop + 3);
    }
}
