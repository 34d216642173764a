using QRCoder;

namespace Athar.Web.Features.Participation;

/// <summary>QR codes as PNG data URIs (managed QRCoder; the page's CSP allows data: images).</summary>
public static class QrImage
{
    public static string DataUri(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(8);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }
}
