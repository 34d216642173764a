using Athar.Documents.Rendering;

namespace Athar.Documents;

/// <summary>
/// Renders Athar's verifiable documents as PDF: Arabic shaped and laid out right to left, English left to right,
/// fonts embedded, a QR code that encodes the verification address. Equal sheets give equal bytes.
/// </summary>
public static class PdfDocuments
{
    /// <summary>Renders an A4 certificate or statement; a long table continues on further pages.</summary>
    /// <exception cref="FileNotFoundException">The fonts are missing from the app's <c>fonts/</c> folder.</exception>
    public static byte[] Render(CertificateSheet sheet)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        return CertificateLayout.Render(sheet);
    }

    /// <summary>Renders a volunteer card: two ID-1 pages (85.6 × 54 mm), front and back.</summary>
    /// <exception cref="FileNotFoundException">The fonts are missing from the app's <c>fonts/</c> folder.</exception>
    public static byte[] Render(CardSheet sheet)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        return CardLayout.Render(sheet);
    }
}
