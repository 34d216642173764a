namespace Athar.E2ETests.Pages;

/// <summary>/verify/{code}: the public check of a document's QR code.</summary>
public sealed class CertificateVerifyPage(IPage page) : AtharPage(page)
{
    public ILocator Result => Page.Locator("#verification-result");

    public ILocator Document => Page.Locator("#verified-document");

    public ILocator Holder => Page.Locator("#verified-holder");

    /// <summary>Follows a URL read from a document (absolute, as the QR code holds it).</summary>
    public async Task<CertificateVerifyPage> OpenAsync(string url)
    {
        await GotoAsync(url);
        return this;
    }
}
